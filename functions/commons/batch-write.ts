import { BatchWriteCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { inParallel } from './in-parallel';

/** DynamoDB's limit of requests in one BatchWriteItem. */
export const BATCH_WRITE_LIMIT = 25;
/** Attempts of a batch's unprocessed items before giving up (the caller's retry starts it again). */
const ATTEMPTS = 8;

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: { PK: string; SK: string } } };

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Puts and deletes in BatchWriteItem requests of 25, `width` requests at a time; the items a
 * request leaves unprocessed (throttled) are sent again with a growing pause (25 ms doubling, at
 * most 1 s, 8 attempts; then it throws and the caller's own retry writes them again). Only for
 * items with deterministic keys and whole values — a put or delete sent twice is the same write —
 * and no two requests on the same key in one call (DynamoDB refuses such a batch).
 */
export async function batchWrite(requests: readonly WriteRequest[], width = 4): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_WRITE_LIMIT) batches.push(requests.slice(i, i + BATCH_WRITE_LIMIT));
  await inParallel(batches, width, async (batch) => {
    let todo = batch;
    for (let attempt = 0; todo.length; attempt++) {
      if (attempt >= ATTEMPTS) throw new Error(`BatchWriteItem: ${todo.length} items still unprocessed after ${ATTEMPTS} attempts`);
      if (attempt) await pause(Math.min(1000, 25 * 2 ** (attempt - 1)));
      const out = await documentClient().send(new BatchWriteCommand({ RequestItems: { [tableName()]: todo } }));
      todo = (out?.UnprocessedItems?.[tableName()] ?? []) as WriteRequest[];
    }
  });
}
