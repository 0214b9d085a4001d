import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** One message as the queue holds it. Times are real time (epoch ms), as SQS's are. */
interface StoredMessage {
  id: string;
  body: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  receipt?: string;
}

export interface QueueOptions {
  /** Default visibility timeout (seconds). */
  visibilityTimeoutSeconds: number;
  /** Messages received more often than this go to the dead-letter queue (if any). */
  maxReceiveCount?: number;
  deadLetterQueue?: string;
  retentionSeconds?: number;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

class LocalQueue {
  readonly messages = new Map<string, StoredMessage>();
  private readonly journal?: string;

  constructor(
    readonly name: string,
    readonly options: QueueOptions,
    dataDir: string | undefined,
    private readonly sink: (name: string, m: StoredMessage) => void,
  ) {
    if (dataDir) {
      this.journal = join(dataDir, `sqs-${name}.jsonl`);
      this.replay();
    }
  }

  /** Every change is one appended line (the queue survives a SIGKILL); compacted at start. */
  private log(entry: Record<string, unknown>) {
    if (this.journal) appendFileSync(this.journal, JSON.stringify(entry) + '\n');
  }

  private replay() {
    if (!existsSync(this.journal!)) return;
    for (const line of readFileSync(this.journal!, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let e: { op: string; m?: StoredMessage; id?: string; visibleAt?: number; receiveCount?: number };
      try {
        e = JSON.parse(line);
      } catch {
        continue; // a line cut short by a kill
      }
      if (e.op === 'put' && e.m) this.messages.set(e.m.id, e.m);
      else if (e.op === 'del') this.messages.delete(e.id!);
      else if (e.op === 'vis') {
        const m = this.messages.get(e.id!);
        if (m) Object.assign(m, { visibleAt: e.visibleAt, receiveCount: e.receiveCount ?? m.receiveCount });
      }
    }
    // A message in flight when the previous process died has no consumer any more: visible again
    // at once (on AWS its visibility timeout would run out first).
    const t = Date.now();
    for (const m of this.messages.values()) if (m.receiveCount > 0 && m.visibleAt > t) m.visibleAt = t;
    const tmp = `${this.journal}.tmp`;
    writeFileSync(tmp, [...this.messages.values()].map((m) => JSON.stringify({ op: 'put', m })).join('\n') + '\n');
    renameSync(tmp, this.journal!);
  }

  send(body: string, delaySeconds = 0): StoredMessage {
    const m: StoredMessage = { id: randomUUID(), body, sentAt: Date.now(), visibleAt: Date.now() + delaySeconds * 1000, receiveCount: 0 };
    this.messages.set(m.id, m);
    this.log({ op: 'put', m });
    return m;
  }

  receive(max: number, visibilitySeconds = this.options.visibilityTimeoutSeconds): StoredMessage[] {
    const t = Date.now();
    const out: StoredMessage[] = [];
    for (const m of this.messages.values()) {
      if (out.length >= max) break;
      if (m.visibleAt > t) continue;
      if (this.options.retentionSeconds && t - m.sentAt > this.options.retentionSeconds * 1000) {
        this.delete(m.id);
        continue;
      }
      if (this.options.maxReceiveCount && this.options.deadLetterQueue && m.receiveCount >= this.options.maxReceiveCount) {
        this.delete(m.id);
        this.sink(this.options.deadLetterQueue, m);
        continue;
      }
      m.receiveCount++;
      m.firstReceivedAt ??= t;
      m.visibleAt = t + visibilitySeconds * 1000;
      m.receipt = `${m.id}:${randomUUID()}`;
      this.log({ op: 'vis', id: m.id, visibleAt: m.visibleAt, receiveCount: m.receiveCount });
      out.push(m);
    }
    return out;
  }

  private byReceipt(receipt: string): StoredMessage | undefined {
    const m = this.messages.get(receipt.split(':')[0] ?? '');
    return m && m.receipt === receipt ? m : undefined;
  }

  delete(idOrReceipt: string): void {
    const m = idOrReceipt.includes(':') ? this.byReceipt(idOrReceipt) : this.messages.get(idOrReceipt);
    if (!m) return; // SQS: deleting with a stale receipt handle is not an error
    this.messages.delete(m.id);
    this.log({ op: 'del', id: m.id });
  }

  changeVisibility(receipt: string, seconds: number): boolean {
    const m = this.byReceipt(receipt);
    if (!m) return false;
    m.visibleAt = Date.now() + seconds * 1000;
    this.log({ op: 'vis', id: m.id, visibleAt: m.visibleAt });
    return true;
  }

  attributes() {
    const t = Date.now();
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    let oldest = t;
    for (const m of this.messages.values()) {
      if (m.visibleAt <= t) visible++;
      else if (m.receiveCount > 0) inFlight++;
      else delayed++;
      oldest = Math.min(oldest, m.sentAt);
    }
    return {
      ApproximateNumberOfMessages: String(visible),
      ApproximateNumberOfMessagesNotVisible: String(inFlight),
      ApproximateNumberOfMessagesDelayed: String(delayed),
      VisibilityTimeout: String(this.options.visibilityTimeoutSeconds),
      MessageRetentionPeriod: String(this.options.retentionSeconds ?? 345600),
      OldestMessageAgeSeconds: String(Math.round((t - oldest) / 1000)),
      QueueArn: `arn:aws:sqs:ap-southeast-1:000000000000:${this.name}`,
    };
  }
}

/**
 * A local SQS endpoint speaking the AWS JSON protocol (`X-Amz-Target: AmazonSQS.<Action>`, what
 * SDK v3 sends): SendMessage, ReceiveMessage (short polling, or waiting up to WaitTimeSeconds),
 * DeleteMessage, ChangeMessageVisibility, GetQueueAttributes, GetQueueUrl, PurgeQueue. Visibility
 * timeouts and delays run on real time, not the local clock: they measure work in flight, which
 * moving the clock by days must not make visible again. With a data folder every change is
 * journaled, so messages survive a SIGKILL as they survive a Lambda crash on AWS.
 */
export class LocalSqs {
  private server?: Server;
  private url = '';
  private readonly queues = new Map<string, LocalQueue>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly dataDir?: string) {}

  createQueue(name: string, options: QueueOptions): string {
    if (!this.queues.has(name)) {
      this.queues.set(name, new LocalQueue(name, options, this.dataDir, (dlq, m) => this.queue(dlq)?.send(m.body)));
    }
    return this.queueUrl(name);
  }

  queueUrl(name: string): string {
    return `${this.url}/000000000000/${name}`;
  }

  queue(name: string): LocalQueue | undefined {
    return this.queues.get(name);
  }

  /** Resolves when a message may have become available (or after `ms`). */
  wait(ms: number): Promise<void> {
    return new Promise((ok) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        ok();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private notify() {
    for (const w of [...this.waiters]) w();
  }

  send(name: string, body: string, delaySeconds = 0) {
    const m = this.queue(name)!.send(body, delaySeconds);
    this.notify();
    return m;
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(port, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.notify();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server?.closeAllConnections?.();
  }

  private reply(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() });
    res.end(JSON.stringify(body));
  }

  private error(res: ServerResponse, type: string, message: string) {
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify({ __type: `com.amazonaws.sqs#${type}`, message }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const action = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
    let input: Record<string, any>;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return this.error(res, 'InvalidParameterValue', 'Body is not JSON');
    }
    if (action === 'GetQueueUrl') {
      return this.queues.has(input.QueueName) ? this.reply(res, 200, { QueueUrl: this.queueUrl(input.QueueName) }) : this.error(res, 'QueueDoesNotExist', 'No such queue');
    }
    const name = String(input.QueueUrl ?? '').split('/').pop() ?? '';
    const q = this.queue(name);
    if (!q) return this.error(res, 'QueueDoesNotExist', `No queue ${name}`);
    switch (action) {
      case 'SendMessage': {
        const delay = Number(input.DelaySeconds ?? 0);
        if (!(delay >= 0 && delay <= 900)) return this.error(res, 'InvalidParameterValue', 'DelaySeconds must be 0–900');
        if (typeof input.MessageBody !== 'string' || !input.MessageBody) return this.error(res, 'MissingParameter', 'MessageBody');
        const m = this.send(name, input.MessageBody, delay);
        return this.reply(res, 200, { MessageId: m.id, MD5OfMessageBody: md5(m.body) });
      }
      case 'ReceiveMessage': {
        const max = Math.min(10, Math.max(1, Number(input.MaxNumberOfMessages ?? 1)));
        const deadline = Date.now() + Math.min(20, Number(input.WaitTimeSeconds ?? 0)) * 1000;
        let got = q.receive(max, input.VisibilityTimeout);
        while (!got.length && Date.now() < deadline) {
          await this.wait(Math.min(200, deadline - Date.now()));
          got = q.receive(max, input.VisibilityTimeout);
        }
        return this.reply(res, 200, { Messages: got.map((m) => this.wire(m)) });
      }
      case 'DeleteMessage':
        q.delete(String(input.ReceiptHandle));
        return this.reply(res, 200, {});
      case 'ChangeMessageVisibility':
        if (!q.changeVisibility(String(input.ReceiptHandle), Number(input.VisibilityTimeout ?? 0))) {
          return this.error(res, 'ReceiptHandleIsInvalid', 'The receipt handle is not valid');
        }
        this.notify();
        return this.reply(res, 200, {});
      case 'GetQueueAttributes':
        return this.reply(res, 200, { Attributes: q.attributes() });
      case 'PurgeQueue':
        for (const id of [...q.messages.keys()]) q.delete(id);
        return this.reply(res, 200, {});
      default:
        return this.error(res, 'UnsupportedOperation', `Not supported locally: ${action}`);
    }
  }

  /** A message as SQS returns it (and as an event source mapping puts it in an SQS event). */
  wire(m: StoredMessage) {
    return {
      MessageId: m.id,
      ReceiptHandle: m.receipt,
      MD5OfBody: md5(m.body),
      Body: m.body,
      Attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt ?? m.sentAt),
      },
    };
  }
}
