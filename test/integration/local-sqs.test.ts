import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangeMessageVisibilityCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalSqs } from '../../infra/local/sqs';
import { LocalEventSourceMapping } from '../../infra/local/sqs-poller';
import type { LocalLambdas } from '../../infra/local/lambdas';
import type { QueueSpec } from '../../infra/registry';
import { eventually } from '../support/local';

/** The local SQS endpoint, through the AWS SDK v3 client (JSON protocol, MD5 checks on). */
describe('local SQS endpoint', () => {
  const opened: { sqs: LocalSqs; client: SQSClient }[] = [];
  const open = async (dir?: string) => {
    const sqs = new LocalSqs(dir);
    const url = await sqs.listen(0);
    sqs.createQueue('q-dlq', { visibilityTimeoutSeconds: 30 });
    const queueUrl = sqs.createQueue('q', { visibilityTimeoutSeconds: 1, maxReceiveCount: 2, deadLetterQueue: 'q-dlq' });
    const client = new SQSClient({ endpoint: url, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    opened.push({ sqs, client });
    return { sqs, client, queueUrl };
  };
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      o.client.destroy();
      await o.sqs.close();
    }
  });
  const receive = (client: SQSClient, QueueUrl: string, extra = {}) => client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, ...extra })).then((r) => r.Messages ?? []);

  it('sends, hides a received message for its visibility timeout, deletes it', async () => {
    const { sqs, client, queueUrl } = await open();
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"a":1}' }));
    const [m] = await receive(client, queueUrl);
    expect(m!.Body).toBe('{"a":1}');
    expect(m!.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(await receive(client, queueUrl)).toEqual([]); // in flight
    await new Promise((r) => setTimeout(r, 1100));
    const [again] = await receive(client, queueUrl);
    expect(again!.MessageId).toBe(m!.MessageId);
    await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: again!.ReceiptHandle }));
    // gone from the store, so no visibility timeout can bring it back
    expect(sqs.queue('q')!.messages.size).toBe(0);
    expect(await receive(client, queueUrl)).toEqual([]);
  });

  it('delays messages, changes visibility, long-polls, counts', async () => {
    const { client, queueUrl } = await open();
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'later', DelaySeconds: 1 }));
    const attrs = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }));
    expect(attrs.Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesDelayed: '1' });
    const t0 = Date.now();
    const [m] = await receive(client, queueUrl, { WaitTimeSeconds: 3 });
    expect(m!.Body).toBe('later');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(700);
    await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 0 }));
    expect(await receive(client, queueUrl)).toHaveLength(1);
    await expect(client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'x', DelaySeconds: 901 }))).rejects.toThrow();
    await expect(client.send(new SendMessageCommand({ QueueUrl: queueUrl.replace(/q$/, 'nope'), MessageBody: 'x' }))).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
  });

  it('moves a message received maxReceiveCount times to the dead-letter queue', async () => {
    const { sqs, client, queueUrl } = await open();
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'poison' }));
    for (let i = 0; i < 2; i++) {
      const [m] = await receive(client, queueUrl);
      await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 0 }));
    }
    expect(await receive(client, queueUrl)).toEqual([]);
    expect([...sqs.queue('q-dlq')!.messages.values()].map((m) => m.body)).toEqual(['poison']);
  });

  it('keeps its messages across a kill (journal), in-flight ones visible again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-sqs-'));
    try {
      const first = await open(dir);
      for (const body of ['one', 'two', 'three']) await first.client.send(new SendMessageCommand({ QueueUrl: first.queueUrl, MessageBody: body }));
      const [m] = await receive(first.client, first.queueUrl, { MaxNumberOfMessages: 1, VisibilityTimeout: 600 });
      const [gone] = await receive(first.client, first.queueUrl, { MaxNumberOfMessages: 1 });
      await first.client.send(new DeleteMessageCommand({ QueueUrl: first.queueUrl, ReceiptHandle: gone!.ReceiptHandle }));
      // no close: the next process reads the journal as it was left
      const second = await open(dir);
      const bodies = (await receive(second.client, second.queueUrl)).map((x) => x.Body).sort();
      expect(bodies).toContain(m!.Body);
      expect(bodies).not.toContain(gone!.Body);
      expect(bodies).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('invokes the consumer as an event source mapping does: batches, partial failures, a failed invocation keeps the batch', async () => {
    const { sqs, client, queueUrl } = await open();
    const seen: string[][] = [];
    let failOnce = true;
    const lambdas = {
      async invoke(_name: string, event: { Records: { messageId: string; body: string }[] }) {
        seen.push(event.Records.map((r) => r.body));
        if (event.Records.some((r) => r.body === 'crash') && failOnce) {
          failOnce = false;
          throw new Error('consumer crashed');
        }
        return { batchItemFailures: event.Records.filter((r) => r.body === 'bad').map((r) => ({ itemIdentifier: r.messageId })) };
      },
    } as unknown as LocalLambdas;
    for (const body of ['a', 'bad', 'c']) await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    const spec: QueueSpec = { name: 'q', consumer: 'x', urlEnv: 'X', batchSize: 10, maxConcurrency: 1, visibilityTimeoutSeconds: 1, maxReceiveCount: 5, retentionDays: 1 };
    const mapping = new LocalEventSourceMapping(sqs, spec, lambdas);
    mapping.start();
    const left = () => [...sqs.queue('q')!.messages.values()].map((m) => m.body);
    await eventually(async () => seen.length >= 1 && left().length === 1);
    expect(seen[0]).toEqual(['a', 'bad', 'c']);
    expect(left()).toEqual(['bad']); // only the failed one is left
    await eventually(async () => seen.slice(1).flat().includes('bad')); // back after its visibility timeout
    sqs.send('q', 'crash');
    await eventually(async () => seen.filter((b) => b.includes('crash')).length >= 2); // the whole batch came back
    await mapping.stop();
  });
});
