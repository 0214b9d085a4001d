import { Duration, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OutboxProps {
  /** The table, with its stream (KEYS_ONLY: the records name the dossier, never its data). */
  table: Table;
  /** `sync-outbox` (functions/sync-outbox/handler.ts). */
  fn: IFunction;
}

/**
 * The outbox's trigger on AWS (docs/outbox.md): the table's stream, filtered to dossiers' facts
 * (META, STEP#…, APOLOGY#…), invokes `sync-outbox`, which derives the dossier's events, records the new ones and
 * sends them to the national portal in order. One shard's records are processed in order
 * (parallelization 1), a failing batch is halved until the failing record is alone, retried 10
 * times within a day, then its shard position lands in the dead-letter queue (alarmed); the
 * events are not lost with it — they are derived from the facts, and the 2-minute schedule or
 * the dossier's next write finds them again. Three resources: the mapping, the queue, its policy.
 */
export class Outbox extends Construct {
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: OutboxProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself the stream mapping's on-failure destination (shard positions only, no data); it is alarmed on messages visible.",
    });
    props.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        parallelizationFactor: 1,
        bisectBatchOnError: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(this.deadLetterQueue),
        // the facts only (the dossier, its steps, its apologies): the outbox's own writes (EVENT#…, the
        // OUTBOX head's counter and lease) must not trigger it again
        filters: [FilterCriteria.filter({ dynamodb: { Keys: { PK: { S: FilterRule.beginsWith('DOSSIER#') }, SK: { S: ['META', { prefix: 'STEP#' }, { prefix: 'APOLOGY#' }] } } } })],
      }),
    );
  }
}
