import { createHash } from 'node:crypto';
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from './aws/dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context } from 'aws-lambda';
import { HttpProblem } from './http';

/**
 * Idempotency records in the single table, written exactly as Powertools for AWS Lambda's
 * idempotency utility writes them (its DynamoDB persistence layer, `makeIdempotent` with
 * eventKeyJmesPath `[scope, caller, key]`, payloadValidationJmesPath `request`, one hour), without
 * its package and the JMESPath engine it carries (38 KB of each API bundle; issue 18): the same
 * key (`<function name>#<md5 of the key, base64>`), the same attributes and expressions, so a record
 * written before a deploy answers a retry after it.
 *
 * Powertools would key every record under one static partition when the table has a sort key (one
 * hot partition for the whole API); here each record is its own: `PK` = `IDEMPOTENCY#<record key>`,
 * `SK` = `IDEMPOTENCY`.
 */
const EXPIRES_AFTER_SECONDS = 3600;
/** A record found expired while being read is retried twice (Powertools' MAX_RETRIES). */
const MAX_RETRIES = 2;

type Status = 'INPROGRESS' | 'COMPLETED' | 'EXPIRED';
interface StoredRecord {
  status: Status;
  expiresAt?: number;
  data?: unknown;
  validation?: string;
}

class IdempotencyError extends Error {
  constructor(name: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
  }
}

/** Keys sorted (case-insensitively, as Powertools' deepSort) at every depth: the hash ignores key order. */
function deepSort(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(deepSort);
  if (Object.prototype.toString.call(data) === '[object Object]') {
    const object = data as Record<string, unknown>;
    return Object.keys(object)
      .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
      .reduce<Record<string, unknown>>((acc, key) => {
        acc[key] = deepSort(object[key]);
        return acc;
      }, {});
  }
  return data;
}

const md5 = (data: unknown) => createHash('md5').update(JSON.stringify(deepSort(data))).digest('base64');

export class IdempotencyStore {
  readonly client: DynamoDBClient;
  constructor(
    readonly tableName: string,
    endpoint: string | undefined,
  ) {
    this.client = new DynamoDBClient({ endpoint });
  }

  key(recordKey: string): Record<string, AttributeValue> {
    return marshall({ PK: `IDEMPOTENCY#${recordKey}`, SK: 'IDEMPOTENCY' });
  }

  /** The record of a new request, in progress; the one already there if any (not expired). */
  async putInProgress(recordKey: string, validation: string, remainingMs: number | undefined): Promise<StoredRecord | undefined> {
    const now = Date.now();
    const item = {
      ...this.key(recordKey),
      ...marshall({ expiresAt: Math.round(now / 1000 + EXPIRES_AFTER_SECONDS), status: 'INPROGRESS' }),
      ...(remainingMs === undefined ? {} : { in_progress_expiration: { N: String(now + remainingMs) } }),
      validation: { S: validation },
    };
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: item,
          ExpressionAttributeNames: { '#id': 'PK', '#expiry': 'expiresAt', '#in_progress_expiry': 'in_progress_expiration', '#status': 'status' },
          ExpressionAttributeValues: marshall({ ':now': now / 1000, ':now_in_millis': now, ':inprogress': 'INPROGRESS' }),
          ConditionExpression:
            'attribute_not_exists(#id) OR #expiry < :now OR (#status = :inprogress AND attribute_exists(#in_progress_expiry) AND #in_progress_expiry < :now_in_millis)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        if (error.Item) return unmarshall(error.Item) as StoredRecord;
        // a store that does not return the item it found: read it
        const found = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: this.key(recordKey), ConsistentRead: true }));
        if (!found.Item) throw new IdempotencyError('IdempotencyItemNotFoundError', 'Item does not exist in persistence store');
        return unmarshall(found.Item) as StoredRecord;
      }
      throw new IdempotencyError('IdempotencyPersistenceLayerError', 'Failed to save in progress record to idempotency store', { cause: error });
    }
  }

  async complete(recordKey: string, validation: string, result: unknown): Promise<void> {
    const values: Record<string, unknown> = { ':expiry': Math.round(Date.now() / 1000 + EXPIRES_AFTER_SECONDS), ':status': 'COMPLETED' };
    const names: Record<string, string> = { '#expiry': 'expiresAt', '#status': 'status' };
    const set = ['#expiry = :expiry', '#status = :status'];
    if (result !== undefined) {
      set.push('#response_data = :response_data');
      names['#response_data'] = 'data';
      values[':response_data'] = result;
    }
    set.push('#validation_key = :validation_key');
    names['#validation_key'] = 'validation';
    values[':validation_key'] = validation;
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: this.key(recordKey),
          UpdateExpression: `SET ${set.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: marshall(values),
        }),
      );
    } catch (error) {
      throw new IdempotencyError('IdempotencyPersistenceLayerError', 'Failed to update success record to idempotency store', { cause: error });
    }
  }

  async remove(recordKey: string): Promise<void> {
    try {
      await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: this.key(recordKey) }));
    } catch (error) {
      throw new IdempotencyError('IdempotencyPersistenceLayerError', 'Failed to delete record from idempotency store', { cause: error });
    }
  }
}

let store: { at: string; layer: IdempotencyStore } | undefined;

/**
 * The store is kept per table and endpoint: a process that meets a second local runtime (tests
 * start several, one after another) must not keep writing to the first one's stopped table.
 */
export function persistence(): IdempotencyStore {
  const tableName = process.env.TABLE_NAME!;
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB || undefined;
  const at = `${tableName}|${endpoint ?? ''}`;
  if (store?.at !== at) store = { at, layer: new IdempotencyStore(tableName, endpoint) };
  return store.layer;
}

/** Map the refusals to problem+json. */
export function idempotencyProblem(error: unknown): HttpProblem | undefined {
  const name = (error as Error)?.name;
  if (name === 'IdempotencyAlreadyInProgressError') {
    return new HttpProblem(409, 'Conflict', 'The same request is in progress; retry shortly', undefined, { 'retry-after': '1' });
  }
  if (name === 'IdempotencyValidationError') {
    return new HttpProblem(422, 'Unprocessable Content', 'This Idempotency-Key was used with a different request', [
      { field: 'Idempotency-Key', message: 'Reused with a different request' },
    ]);
  }
  return undefined;
}

/** What a stored record answers: its response, or a refusal (in progress, another request, expired). */
function answerOf(record: StoredRecord, validation: string): unknown {
  if (record.validation !== validation) throw new IdempotencyError('IdempotencyValidationError', 'Payload does not match stored record for this event key');
  const expired = record.expiresAt !== undefined && Date.now() / 1000 > record.expiresAt;
  if (record.status === 'EXPIRED' || expired) throw new IdempotencyError('IdempotencyInconsistentStateError', 'Item has expired during processing and may not longer be valid.');
  if (record.status === 'INPROGRESS') throw new IdempotencyError('IdempotencyAlreadyInProgressError', 'There is already an execution in progress with this idempotency key');
  return record.data;
}

/**
 * Run `work` at most once per (scope, caller, key): a retry with the same key and the same request
 * gets the first response back and changes nothing; a failure leaves no record, so it can be retried.
 */
export type Once = typeof once;

export async function once<T>(
  scope: string,
  caller: string,
  key: string,
  request: unknown,
  lambda: Context,
  work: () => Promise<T>,
): Promise<T> {
  const layer = persistence();
  const recordKey = `${process.env.AWS_LAMBDA_FUNCTION_NAME ?? ''}#${md5([scope, caller, key])}`;
  const validation = md5(request);
  let failure: unknown;
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    try {
      const existing = await layer.putInProgress(recordKey, validation, lambda?.getRemainingTimeInMillis?.());
      if (existing) return answerOf(existing, validation) as T;
      let result: T;
      try {
        result = await work();
      } catch (error) {
        await layer.remove(recordKey);
        throw error;
      }
      await layer.complete(recordKey, validation, result);
      return result;
    } catch (error) {
      if ((error as Error)?.name === 'IdempotencyInconsistentStateError' && attempt < MAX_RETRIES) continue;
      failure = error;
      break;
    }
  }
  throw idempotencyProblem(failure) ?? failure;
}
