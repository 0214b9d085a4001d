import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type IScheduleTarget, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface JobsProps {
  /** Resolves a registry function name to its Lambda. */
  functionByName: (name: string) => IFunction;
}

/** Retries of an invocation the scheduler cannot deliver, and how long it keeps trying. */
export const JOB_RETRY = { attempts: 3, maxEventAge: Duration.hours(6) };

/**
 * Scheduled jobs (EventBridge Scheduler): `check-lapses` every 15 minutes in working hours, and
 * `anonymise-closed`, daily at 02:00
 * Asia/Ho_Chi_Minh (19:00 UTC the day before). An invocation the scheduler cannot deliver after
 * its retries lands in the dead-letter queue (alarmed in alarms.ts); an error inside the function
 * shows up as its Lambda Errors alarm, and the next day's run carries on (the job is idempotent).
 */
export class Jobs extends Construct {
  readonly schedules: Schedule[] = [];
  readonly deadLetterQueue: Queue;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the scheduled jobs (an EventBridge Scheduler target DLQ, not an SQS redrive, so cdk-nag cannot see it used as one); it is alarmed on messages visible.',
    });

    // Our own role rather than the target's default one: it may invoke exactly the job functions
    // (unqualified ARNs, no `:*`) and send to this one queue, and only schedules of this account
    // in the default group may assume it.
    this.role = new Role(this, 'SchedulerRole', {
      description: 'motcua scheduled jobs',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
    );

    this.schedules.push(
      this.schedule('AnonymiseClosed', props.functionByName('anonymise-closed'), {
        description: 'motcua: anonymise closed dossiers past their retention (daily 02:00 Asia/Ho_Chi_Minh)',
        expression: ScheduleExpression.cron({ minute: '0', hour: '2', timeZone: TimeZone.ASIA_HO_CHI_MINH }),
      }),
      // online dossiers' checks (8 working hours, Decree 45/2020/NĐ-CP art. 11): every 15 minutes from
      // 07:00 to 18:45 on weekdays and Saturdays (a working Saturday), the centre's hours with a margin
      this.schedule('CheckLapses', props.functionByName('check-lapses'), {
        description: 'motcua: warn the desk of online dossiers whose check time lapsed (every 15 min, 07-19 Mon-Sat Asia/Ho_Chi_Minh)',
        expression: ScheduleExpression.cron({ minute: '0/15', hour: '7-18', weekDay: 'MON-SAT', timeZone: TimeZone.ASIA_HO_CHI_MINH }),
      }),
      // the outbox's retries (docs/outbox.md): events waiting for their retry time, every 2 minutes
      this.schedule('SyncOutbox', props.functionByName('sync-outbox'), {
        description: 'motcua: send the outbox events waiting for a retry to the national portal (every 2 min)',
        expression: ScheduleExpression.rate(Duration.minutes(2)),
      }),
      // the daily reconciliation with the national portal (docs/national-portal.md): read each open synced dossier back
      this.schedule('SyncReconcile', props.functionByName('sync-outbox'), {
        description: 'motcua: read each open synced dossier back from the national portal and list the differences (daily 05:00 Asia/Ho_Chi_Minh)',
        expression: ScheduleExpression.cron({ minute: '0', hour: '5', timeZone: TimeZone.ASIA_HO_CHI_MINH }),
        input: { reconcile: true },
      }),
    );
  }

  private schedule(id: string, fn: IFunction, opts: { description: string; expression: ScheduleExpression; input?: Record<string, unknown> }): Schedule {
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }));
    const target: IScheduleTarget = {
      bind: () => ({
        arn: fn.functionArn,
        role: this.role,
        input: ScheduleTargetInput.fromObject(opts.input ?? {}),
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
        retryPolicy: { maximumRetryAttempts: JOB_RETRY.attempts, maximumEventAgeInSeconds: JOB_RETRY.maxEventAge.toSeconds() },
      }),
    };
    return new Schedule(this, id, { description: opts.description, schedule: opts.expression, target });
  }
}
