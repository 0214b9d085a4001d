import { DynamoDBClient } from '../../functions/commons/aws/dynamodb';
import { DynamoDBDocumentClient } from '../../functions/commons/aws/dynamodb';
import { isFactKey, markDossier } from '../../functions/commons/aggregates';
import type { Exchange } from './faults';

/**
 * The table stream's local stand-in for the aggregates (dynalite has no streams): the proxy right
 * in front of dynalite (runtime.dynamoDbUrl — every writer, the functions and the tests' seeding
 * alike, goes through it) hands each answered write here BEFORE the writer hears back; a write of
 * a fact (a dossier's META, STEP#, APOLOGY# item) marks that dossier's aggregate buckets stale
 * (functions/commons/aggregates.ts `markDossier`, the same code the stream's function runs on
 * AWS). Synchronous here, so a test that writes a fact and then reads a report sees it; on AWS the
 * stream's lag (about a second) is the figures' lag.
 */
export function tableStream(dynaliteUrl: string) {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynaliteUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const errors: string[] = [];
  return {
    errors,
    /** A bulk load (bench:volume's loader) pauses it: the aggregates are then computed by their first reads, as after a migration. */
    paused: false,
    async settle(exchange: Exchange): Promise<void> {
      if (this.paused || exchange.status !== 200 || !exchange.target) return;
      const op = exchange.target.split('.')[1];
      if (op !== 'PutItem' && op !== 'UpdateItem' && op !== 'DeleteItem' && op !== 'BatchWriteItem') return;
      const codes = factCodes(op, JSON.parse(exchange.request.toString('utf8') || '{}'));
      for (const code of codes) {
        try {
          await markDossier(code, db);
        } catch (error) {
          errors.push(`${code}: ${(error as Error).message}`);
          errors.splice(0, Math.max(0, errors.length - 100));
        }
      }
    },
  };
}

type Attr = { S?: string } | undefined;
type Keyed = { PK?: Attr; SK?: Attr };

/** The dossiers whose facts a write (low-level DynamoDB JSON) touched. */
export function factCodes(op: string, body: Record<string, unknown>): string[] {
  const keys: Keyed[] = [];
  if (op === 'PutItem') keys.push(body.Item as Keyed);
  else if (op === 'UpdateItem' || op === 'DeleteItem') keys.push(body.Key as Keyed);
  else if (op === 'BatchWriteItem') {
    for (const list of Object.values((body.RequestItems ?? {}) as Record<string, { PutRequest?: { Item: Keyed }; DeleteRequest?: { Key: Keyed } }[]>)) {
      for (const r of list) keys.push((r.PutRequest?.Item ?? r.DeleteRequest?.Key) as Keyed);
    }
  }
  const codes = new Set<string>();
  for (const k of keys) {
    const [pk, sk] = [k?.PK?.S, k?.SK?.S];
    if (pk && sk && isFactKey(pk, sk)) codes.add(pk.slice('DOSSIER#'.length));
  }
  return [...codes];
}
