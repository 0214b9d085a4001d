import { createHash } from 'node:crypto';
import { QueryCommand, type QueryCommandInput } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { queryAll } from './store';

/**
 * The open-dossier index (GSI1), spread over OPEN_SHARDS partition keys `OPEN#<n>`, n chosen by a
 * hash of the dossier's code (GSI1SK: the code). One key for every open dossier was one hot
 * partition at a city's intake (1,000 writes/s per partition key on DynamoDB) and one partition
 * every resume read whole; readers now query the shards in parallel and merge by code.
 *
 * Tables written before the shards hold `GSI1PK = OPEN`: scripts/migrate-open-index.ts moves
 * them (once, at deploy; idempotent), and `LEGACY_OPEN` names the old key for it.
 */
export const OPEN_SHARDS = 16;
export const LEGACY_OPEN = 'OPEN';

export const openShardOf = (code: string) => createHash('sha256').update(code).digest()[0]! % OPEN_SHARDS;

/** The GSI1 keys of an open dossier's META item. */
export const openIndexKeys = (code: string) => ({ GSI1PK: `OPEN#${openShardOf(code)}`, GSI1SK: code });

/** Every shard's partition key. */
export const openShardKeys = () => Array.from({ length: OPEN_SHARDS }, (_, n) => `OPEN#${n}`);

/** Every open dossier (the META items), all shards read in parallel, in code order. */
export async function queryOpen(input: Pick<QueryCommandInput, 'ProjectionExpression' | 'ExpressionAttributeNames'> = {}): Promise<Record<string, unknown>[]> {
  const shards = await Promise.all(
    openShardKeys().map((pk) =>
      queryAll({ ...input, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk } }),
    ),
  );
  return shards.flat().sort((a, b) => String(a.GSI1SK ?? a.code).localeCompare(String(b.GSI1SK ?? b.code)));
}

/**
 * One bounded pass over the shards: each shard not yet exhausted is read from where `from` left
 * it (its last code; absent: from the start), at most `perShard` items, keeping those `filter`
 * matches. `next` holds, for each shard with more, the last code read; undefined once every shard
 * is read to its end. Reads at most OPEN_SHARDS × perShard items, whatever the open set's size.
 */
export async function scanOpenPage(
  from: Record<string, string | null> | undefined,
  perShard: number,
  filter: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>,
): Promise<{ items: Record<string, unknown>[]; read: number; next: Record<string, string | null> | undefined }> {
  const todo = from ?? Object.fromEntries(openShardKeys().map((k) => [k, null]));
  const next: Record<string, string | null> = {};
  let read = 0;
  const pages = await Promise.all(
    Object.entries(todo).map(async ([pk, after]) => {
      const out = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          FilterExpression: filter.FilterExpression,
          ExpressionAttributeNames: filter.ExpressionAttributeNames,
          ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':pk': pk },
          Limit: perShard,
          ExclusiveStartKey: after ? { PK: `DOSSIER#${after}`, SK: 'META', GSI1PK: pk, GSI1SK: after } : undefined,
        }),
      );
      read += out.ScannedCount ?? out.Items?.length ?? 0;
      if (out.LastEvaluatedKey) next[pk] = String(out.LastEvaluatedKey.GSI1SK);
      return out.Items ?? [];
    }),
  );
  return { items: pages.flat(), read, next: Object.keys(next).length ? next : undefined };
}
