import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Custom metrics are published by Powertools Metrics: namespace `motcua`, dimension `service`. */
export const METRIC_NAMESPACE = 'motcua';
export const METRIC_SERVICE = 'motcua';
const PERIOD = Duration.minutes(5);
/** Functions watched by one alarm: two metrics each, and an alarm's metric math takes ten. */
export const FUNCTIONS_PER_ALARM = 5;

export interface AlarmsProps {
  /** Every Lambda of the registry, by name. */
  functions: ReadonlyMap<string, IFunction>;
  stateMachines: readonly IStateMachine[];
  httpApi: IHttpApi;
  /** Dead-letter queues: any message visible is an alarm. */
  deadLetterQueues: readonly IQueue[];
  /** Optional address subscribed to the alarm topic (it must confirm the subscription). */
  alarmEmail?: string;
  deletionProtection: boolean;
}

/**
 * CloudWatch alarms, all publishing to one encrypted SNS topic (output `AlarmTopicArn`):
 * failed / timed-out / aborted executions, emails given up on, 5xx rate and count of the API,
 * errors and throttles of every function, a missing working calendar, messages in a DLQ.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    // CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key: a key of our own,
    // which the CloudWatch service may use.
    const key = new Key(this, 'TopicKey', {
      description: 'motcua: encryption of the alarm topic',
      enableKeyRotation: true,
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { displayName: 'motcua alarms', masterKey: key, enforceSSL: true });
    // A topic policy replaces SNS's default one: CloudWatch alarms of this account must be let in.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string) => {
      const a = new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      this.alarms.push(a);
      return a;
    };
    const sum = { period: PERIOD, statistic: 'Sum' };
    const custom = (metricName: string) =>
      new Metric({ namespace: METRIC_NAMESPACE, metricName, dimensionsMap: { service: METRIC_SERVICE }, ...sum });

    props.stateMachines.forEach((sm, i) => {
      const n = props.stateMachines.length > 1 ? `${i}` : '';
      alarm(`ExecutionsFailed${n}`, sm.metricFailed(sum), 1, 'A dossier workflow execution failed: resume it (POST /ops/dossiers/{code}/resume) once the cause is fixed.');
      alarm(`ExecutionsTimedOut${n}`, sm.metricTimedOut(sum), 1, 'A dossier workflow execution timed out.');
      alarm(`ExecutionsAborted${n}`, sm.metricAborted(sum), 1, 'A dossier workflow execution was aborted (stopped by hand?).');
    });

    alarm('EmailFailed', custom('EmailFailed'), 1, 'An email to a citizen or agency was given up after its retries; it is recorded on the dossier.');
    alarm('WorkflowStartFailed', custom('WorkflowStartFailed'), 1, 'A dossier was received but its workflow did not start: it waits for the next resume (POST /ops/dossiers/{code}/resume).');
    alarm('DossierSkipped', custom('DossierSkipped'), 1, 'A shared read (logbook, timeliness report, control sheet) left out a dossier whose facts cannot be computed: the logs name it.');
    alarm('DirectCallRefused', custom('DirectCallRefused'), 1, "A call reached API Gateway's own URL, not through CloudFront (and its WAF): refused, but it spends the stage's throttle; find who calls it (the functions' logs name the route).");
    alarm('SyncParked', custom('SyncParked'), 1, 'An event for the national portal was parked after its retries (or refused as malformed): GET /ops/sync?state=parked names it and its error; resend it with POST /ops/sync/{id}/retry (or the console\'s connection panel) once the cause is fixed.');
    alarm('MissingCalendarYear', custom('MissingCalendarYear'), 1, 'A deadline reached a year with no working calendar: an operator must PUT /calendars/{year}.');

    const errors = props.httpApi.metricServerError(sum);
    const requests = props.httpApi.metricCount(sum);
    alarm('Api5xxCount', errors, 5, 'The HTTP API answered 5 or more 5xx in 5 minutes.');
    alarm(
      'Api5xxRate',
      new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { errors, requests },
        period: PERIOD,
        label: '5xx rate (%)',
      }),
      1,
      'At least 1% of the HTTP API requests answered 5xx in 5 minutes.',
    );

    // The functions' errors and throttles, FUNCTIONS_PER_ALARM functions to an alarm (an alarm's
    // metric math takes at most 10 metrics): the alarms grow by one per five functions, not two per function.
    const fns = [...props.functions];
    for (let g = 0; g * FUNCTIONS_PER_ALARM < fns.length; g++) {
      const group = fns.slice(g * FUNCTIONS_PER_ALARM, (g + 1) * FUNCTIONS_PER_ALARM);
      const usingMetrics: Record<string, IMetric> = {};
      group.forEach(([, fn], i) => {
        usingMetrics[`e${i}`] = fn.metricErrors(sum);
        usingMetrics[`t${i}`] = fn.metricThrottles(sum);
      });
      const names = group.map(([name]) => name);
      alarm(
        `FunctionsFailed${g + 1}`,
        new MathExpression({ expression: Object.keys(usingMetrics).join(' + '), usingMetrics, period: PERIOD, label: `errors + throttles: ${names.join(', ')}` }),
        1,
        `A Lambda function failed or was throttled in 5 minutes (errors + throttles >= 1) — one of: ${names.join(', ')}. Its log group names the request.`,
      );
    }

    props.deadLetterQueues.forEach((q, i) => {
      alarm(
        `DeadLetters${props.deadLetterQueues.length > 1 ? i : ''}`,
        q.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
        1,
        'A scheduled job could not be invoked after its retries: its event is in the dead-letter queue.',
      );
    });

    new CfnOutput(this, 'AlarmTopicArnOutput', { value: this.topic.topicArn, description: 'SNS topic the alarms publish to' }).overrideLogicalId('AlarmTopicArn');
  }
}
