import type { QueueSpec } from '../registry';
import type { LocalLambdas } from './lambdas';
import type { LocalSqs } from './sqs';

/**
 * Lambda's SQS event source mapping, in this process: `maxConcurrency` pollers each receive up to
 * `batchSize` messages, invoke the consumer with an SQS event, and delete the messages it did not
 * report in `batchItemFailures` (partial batch responses); if the invocation fails, every message
 * stays and comes back after its visibility timeout, as on AWS.
 */
export class LocalEventSourceMapping {
  private stopped = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly sqs: LocalSqs,
    private readonly spec: QueueSpec,
    private readonly lambdas: LocalLambdas,
  ) {}

  start(): void {
    for (let i = 0; i < this.spec.maxConcurrency; i++) this.loops.push(this.loop());
  }

  private async loop(): Promise<void> {
    const queue = this.sqs.queue(this.spec.name)!;
    const arn = `arn:aws:sqs:ap-southeast-1:000000000000:${this.spec.name}`;
    while (!this.stopped) {
      const got = queue.receive(this.spec.batchSize);
      if (!got.length) {
        await this.sqs.wait(250);
        continue;
      }
      const event = {
        Records: got.map((m) => {
          const w = this.sqs.wire(m);
          return {
            messageId: w.MessageId,
            receiptHandle: w.ReceiptHandle,
            body: w.Body,
            attributes: w.Attributes,
            messageAttributes: {},
            md5OfBody: w.MD5OfBody,
            eventSource: 'aws:sqs',
            eventSourceARN: arn,
            awsRegion: 'ap-southeast-1',
          };
        }),
      };
      try {
        const out = (await this.lambdas.invoke(this.spec.consumer, event)) as { batchItemFailures?: { itemIdentifier: string }[] } | null;
        const failed = new Set((out?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        for (const r of event.Records) if (!failed.has(r.messageId)) queue.delete(r.receiptHandle!);
      } catch {
        // the whole batch returns to the queue after its visibility timeout
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.race([Promise.all(this.loops), new Promise((r) => setTimeout(r, 5000))]);
  }
}
