import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFn } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { ConfigurationSetEventDestination, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionSpec, QueueSpec } from '../registry';
import type { Email } from './email';

export interface EmailDeliveryProps {
  queue: QueueSpec;
  specs: readonly FunctionSpec[];
  functionByName: (name: string) => LambdaFn;
  email: Email;
  /** The stack's customer-managed key (the table's): the queues are encrypted with it. */
  key: IKey;
  deletionProtection: boolean;
}

/** SES's sending events published by the configuration set and recorded on each letter. */
export const SES_EVENTS = [
  EmailSendingEvent.SEND,
  EmailSendingEvent.DELIVERY,
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.DELIVERY_DELAY,
  EmailSendingEvent.REJECT,
  EmailSendingEvent.RENDERING_FAILURE,
];
export const SES_DETAIL_TYPES = ['Email Sent', 'Email Delivered', 'Email Bounced', 'Email Complaint Received', 'Email Delivery Delayed', 'Email Rejected', 'Email Rendering Failed'];

/**
 * The way out for letters, and their way back:
 * - the email queue (SQS, the stack's KMS key, TLS only, 14 days, a dead-letter queue after
 *   `maxReceiveCount` failed receives) drained by `send-email` through an event source mapping
 *   with partial batch responses and a maximum concurrency (the senders sharing SES's rate);
 * - the configuration set's SES events to EventBridge's default bus, a rule for this
 *   configuration set, `record-delivery` as its target (retried 24 h, then a dead-letter queue);
 * - alarms: messages in either dead-letter queue, the oldest message waiting, bounce and
 *   complaint rates below SES's review thresholds.
 */
export class EmailDelivery extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly eventsDeadLetterQueue: Queue;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: EmailDeliveryProps) {
    super(scope, id);
    const { queue: spec, key } = props;
    const removalPolicy = props.deletionProtection ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY;
    const encrypted = { encryption: QueueEncryption.KMS, encryptionMasterKey: key, enforceSSL: true, retentionPeriod: Duration.days(14), removalPolicy };
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', encrypted);
    this.queue = new Queue(this, 'Queue', {
      ...encrypted,
      retentionPeriod: Duration.days(spec.retentionDays),
      visibilityTimeout: Duration.seconds(spec.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: spec.maxReceiveCount },
    });

    const consumer = props.functionByName(spec.consumer);
    consumer.addEventSource(
      new SqsEventSource(this.queue, { batchSize: spec.batchSize, maxConcurrency: spec.maxConcurrency, reportBatchItemFailures: true }),
    );
    consumer.addEnvironment('EMAIL_SENDERS', String(spec.maxConcurrency));
    for (const s of props.specs.filter((f) => f.access.emailQueue)) {
      const fn = props.functionByName(s.name);
      fn.addEnvironment(spec.urlEnv, this.queue.queueUrl);
      // SendMessage only (grantSendMessages adds GetQueueAttributes/GetQueueUrl, which no code
      // calls: the URL comes from the environment); the queue's key encrypts each message.
      fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
      fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [key.keyArn] }));
    }

    // SES events → EventBridge (default bus) → record-delivery
    new ConfigurationSetEventDestination(this, 'SesEvents', {
      configurationSet: props.email.configurationSet,
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: SES_EVENTS,
    });
    this.eventsDeadLetterQueue = new Queue(this, 'EventsDeadLetterQueue', encrypted);
    // EventBridge delivers to the DLQ with the key: it may use it
    key.grant(new ServicePrincipal('events.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.rule = new Rule(this, 'SesEventsRule', {
      description: 'motcua: SES sending events of the configuration set → record-delivery',
      eventPattern: {
        source: ['aws.ses'],
        detailType: SES_DETAIL_TYPES,
        detail: { mail: { tags: { 'ses:configuration-set': [props.email.configurationSet.configurationSetName] } } },
      },
      targets: [
        new LambdaFunction(props.functionByName('record-delivery'), {
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
          deadLetterQueue: this.eventsDeadLetterQueue,
        }),
      ],
    });
    for (const q of [this.deadLetterQueue, this.eventsDeadLetterQueue]) {
      Validations.of(q).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter queue (of the email queue, or of the SES events rule target); it is alarmed on messages visible.',
      });
    }
  }

  /** The delivery alarms, on the stack's alarm topic. */
  addAlarms(topic: ITopic): Alarm[] {
    const action = new SnsAction(topic);
    const alarms: Alarm[] = [];
    const alarm = (id: string, metric: Metric | MathExpression, threshold: number, description: string, periods = 1) => {
      const a = new Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: periods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      alarms.push(a);
      return a;
    };
    const five = { period: Duration.minutes(5), statistic: 'Maximum' };
    alarm('EmailDeadLetters', this.deadLetterQueue.metricApproximateNumberOfMessagesVisible(five), 1, 'An email message failed 5 receives (the sender crashed on it): read it, fix, then POST /ops/emails/{id}/resend.');
    alarm('SesEventDeadLetters', this.eventsDeadLetterQueue.metricApproximateNumberOfMessagesVisible(five), 1, 'An SES event could not be recorded for 24 hours: a letter\'s delivery state is missing.');
    alarm('EmailQueueOldestMessage', this.queue.metricApproximateAgeOfOldestMessage(five), 1800, 'An email has waited 30 minutes in the queue: the sender is stopped or SES throttles far below the centre\'s rate.');
    const six = { period: Duration.hours(6), statistic: 'Sum' };
    const custom = (metricName: string) => new Metric({ namespace: 'motcua', metricName, dimensionsMap: { service: 'motcua' }, ...six });
    const [sent, bounced, complained] = [custom('EmailSent'), custom('EmailBounced'), custom('EmailComplained')];
    alarm(
      'EmailBounceRate',
      new MathExpression({ expression: 'IF(sent >= 100, 100 * bounced / sent, 0)', usingMetrics: { sent, bounced }, period: six.period, label: 'bounce rate (%)' }),
      4,
      'Bounces reached 4% of the letters sent in 6 hours (100 or more): SES reviews an account at 5%. Check the addresses the desk types.',
    );
    alarm(
      'EmailComplaintRate',
      new MathExpression({ expression: 'IF(sent >= 1000, 100 * complained / sent, 0)', usingMetrics: { sent, complained }, period: six.period, label: 'complaint rate (%)' }),
      0.08,
      'Complaints reached 0.08% of the letters sent in 6 hours (1,000 or more): SES reviews an account at 0.1%.',
    );
    return alarms;
  }
}
