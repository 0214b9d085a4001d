import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A counting proxy in front of dynalite. The handlers do not ask for ReturnConsumedCapacity, so
 * the proxy works the units out itself, the way DynamoDB on demand bills them:
 * - reads: it adds ReturnConsumedCapacity=TOTAL to GetItem/Query/Scan/BatchGetItem and takes
 *   dynalite's figure (4 KB units, halved for eventually consistent reads, GSI reads included);
 * - writes: it reads the item before and after (directly from dynalite, not counted) and
 *   charges max(old, new) rounded up to 1 KB for the table, plus the GSI writes the change
 *   causes (projection ALL: an index entry added, replaced, or moved = deleted + added);
 *   a write refused by its condition still costs the table units of the existing item.
 * It is for scenario accounting, not for throughput runs (it serialises a read around each write).
 */

type AttributeValue = Record<string, unknown>;
type Item = Record<string, AttributeValue>;

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** DynamoDB's item size: attribute names plus values (numbers ≈ 1 byte per 2 significant digits + 1). */
export function attributeValueSize(v: AttributeValue): number {
  const [type, val] = Object.entries(v)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return utf8(String(val));
    case 'N': {
      const digits = String(val).replace(/^[-+]/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
      return Math.ceil(Math.max(1, digits.length) / 2) + 1;
    }
    case 'B':
      return Buffer.from(String(val), 'base64').length;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (val as string[]).reduce((s, x) => s + utf8(x), 0);
    case 'NS':
      return (val as string[]).reduce((s, x) => s + attributeValueSize({ N: x }), 0);
    case 'BS':
      return (val as string[]).reduce((s, x) => s + Buffer.from(x, 'base64').length, 0);
    case 'L':
      return 3 + (val as AttributeValue[]).reduce((s, x) => s + 1 + attributeValueSize(x), 0);
    case 'M':
      return 3 + Object.entries(val as Item).reduce((s, [k, x]) => s + 1 + utf8(k) + attributeValueSize(x), 0);
    default:
      return 0;
  }
}

export const itemSize = (item: Item | undefined) =>
  item ? Object.entries(item).reduce((s, [k, v]) => s + utf8(k) + attributeValueSize(v), 0) : 0;

const kb = (bytes: number) => Math.ceil(bytes / 1024);

export interface IndexKeys {
  name: string;
  keys: string[];
}

/** Write units of one write: the table's, and the index writes the change causes. */
export function writeUnits(oldItem: Item | undefined, newItem: Item | undefined, indexes: IndexKeys[], conditionFailed = false) {
  const table = Math.max(1, kb(itemSize(oldItem)), conditionFailed ? 0 : kb(itemSize(newItem)));
  if (conditionFailed) return { table, index: 0 };
  let index = 0;
  for (const ix of indexes) {
    const key = (i?: Item) => (i && ix.keys.every((k) => i[k] !== undefined) ? JSON.stringify(ix.keys.map((k) => i[k])) : undefined);
    const before = key(oldItem);
    const after = key(newItem);
    if (before && after && before === after) index += Math.max(1, kb(itemSize(newItem)));
    else {
      if (before) index += Math.max(1, kb(itemSize(oldItem)));
      if (after) index += Math.max(1, kb(itemSize(newItem)));
    }
  }
  return { table, index };
}

export interface DynamoCounts {
  requests: Record<string, number>;
  writeRequests: number;
  readRequests: number;
  writeUnits: number;
  indexWriteUnits: number;
  readUnits: number;
  conditionFailures: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);

export const emptyCounts = (): DynamoCounts => ({
  requests: {},
  writeRequests: 0,
  readRequests: 0,
  writeUnits: 0,
  indexWriteUnits: 0,
  readUnits: 0,
  conditionFailures: 0,
});

export function diffCounts(after: DynamoCounts, before: DynamoCounts): DynamoCounts {
  const requests: Record<string, number> = {};
  for (const [k, v] of Object.entries(after.requests)) if (v - (before.requests[k] ?? 0)) requests[k] = v - (before.requests[k] ?? 0);
  return {
    requests,
    writeRequests: after.writeRequests - before.writeRequests,
    readRequests: after.readRequests - before.readRequests,
    writeUnits: after.writeUnits - before.writeUnits,
    indexWriteUnits: after.indexWriteUnits - before.indexWriteUnits,
    readUnits: after.readUnits - before.readUnits,
    conditionFailures: after.conditionFailures - before.conditionFailures,
  };
}

/** One metered request: when it arrived (performance.now()), and the units it cost. */
export interface MeteredRequest {
  at: number;
  op: string;
  readUnits: number;
  writeUnits: number;
}

export class DynamoMeter {
  counts: DynamoCounts = emptyCounts();
  /** Every request, so that a caller can attribute units to the invocation running at the time. */
  readonly log: MeteredRequest[] = [];
  private server?: Server;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private readonly schemas = new Map<string, { keys: string[]; indexes: IndexKeys[] }>();
  private readonly target: URL;

  constructor(targetUrl: string) {
    this.target = new URL(targetUrl);
  }

  snapshot(): DynamoCounts {
    return structuredClone(this.counts);
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.handle(req.headers, Buffer.concat(chunks)).then(
          ({ status, headers, body }) => {
            res.writeHead(status, headers);
            res.end(body);
          },
          (error: Error) => {
            res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
            res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: error.message }));
          },
        );
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server?.closeAllConnections?.();
    this.agent.destroy();
  }

  private forward(headers: IncomingHttpHeaders, body: Buffer) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((ok, fail) => {
      const out = request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: 'POST',
          path: '/',
          agent: this.agent,
          headers: { ...headers, host: this.target.host, 'content-length': String(body.length) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', fail);
        },
      );
      out.on('error', fail);
      out.end(body);
    });
  }

  /** A call of our own straight to dynalite (not counted). */
  private async raw(op: string, input: unknown): Promise<Record<string, unknown>> {
    const res = await this.forward(
      {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${op}`,
        'x-amz-date': '20260101T000000Z',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      Buffer.from(JSON.stringify(input)),
    );
    return JSON.parse(res.body.toString('utf8') || '{}');
  }

  private async schema(table: string) {
    let s = this.schemas.get(table);
    if (!s) {
      const d = (await this.raw('DescribeTable', { TableName: table })).Table as {
        KeySchema: { AttributeName: string }[];
        GlobalSecondaryIndexes?: { IndexName: string; KeySchema: { AttributeName: string }[] }[];
        LocalSecondaryIndexes?: { IndexName: string; KeySchema: { AttributeName: string }[] }[];
      };
      s = {
        keys: d.KeySchema.map((k) => k.AttributeName),
        indexes: [...(d.GlobalSecondaryIndexes ?? []), ...(d.LocalSecondaryIndexes ?? [])].map((ix) => ({
          name: ix.IndexName,
          keys: ix.KeySchema.map((k) => k.AttributeName),
        })),
      };
      this.schemas.set(table, s);
    }
    return s;
  }

  private async getRaw(table: string, key: Item): Promise<Item | undefined> {
    return (await this.raw('GetItem', { TableName: table, Key: key, ConsistentRead: true })).Item as Item | undefined;
  }

  private async handle(headers: IncomingHttpHeaders, body: Buffer) {
    const op = String(headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const c = this.counts;
    c.requests[op] = (c.requests[op] ?? 0) + 1;
    const entry: MeteredRequest = { at: performance.now(), op, readUnits: 0, writeUnits: 0 };
    this.log.push(entry);
    if (READS.has(op)) {
      c.readRequests++;
      const input = JSON.parse(body.toString('utf8'));
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const res = await this.forward(headers, Buffer.from(JSON.stringify(input)));
      if (res.status === 200) {
        const out = JSON.parse(res.body.toString('utf8'));
        const consumed = ([] as { CapacityUnits?: number }[]).concat(out.ConsumedCapacity ?? []);
        entry.readUnits = consumed.reduce((s, x) => s + (x.CapacityUnits ?? 0), 0);
        c.readUnits += entry.readUnits;
      }
      return res;
    }
    if (WRITES.has(op)) {
      c.writeRequests++;
      const input = JSON.parse(body.toString('utf8')) as { TableName: string; Item?: Item; Key?: Item };
      const schema = await this.schema(input.TableName);
      const key = input.Key ?? Object.fromEntries(schema.keys.map((k) => [k, input.Item![k]!]));
      const before = await this.getRaw(input.TableName, key);
      const res = await this.forward(headers, body);
      const failed = res.status !== 200 && res.body.toString('utf8').includes('ConditionalCheckFailed');
      if (failed) c.conditionFailures++;
      if (res.status === 200 || failed) {
        const after = failed ? before : await this.getRaw(input.TableName, key);
        const u = writeUnits(before, after, schema.indexes, failed);
        entry.writeUnits = u.table + u.index;
        c.writeUnits += u.table + u.index;
        c.indexWriteUnits += u.index;
      }
      return res;
    }
    if (op === 'BatchWriteItem') c.writeRequests++; // not used by the handlers; counted, not priced
    return this.forward(headers, body);
  }
}
