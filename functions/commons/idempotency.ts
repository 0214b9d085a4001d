import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context } from 'aws-lambda';
import { HttpProblem } from './http';

/**
 * Powertools' layer keys every record under one static partition (`PK` = a constant, `SK` = the
 * record's key) when the table has a sort key: one hot partition for the whole API. Here each
 * record is its own partition: `PK` = `IDEMPOTENCY#<record key>`, `SK` = `IDEMPOTENCY`.
 */
export class SpreadPersistenceLayer extends DynamoDBPersistenceLayer {
  protected override getKey(idempotencyKey: string): Record<string, AttributeValue> {
    return marshall({ PK: `IDEMPOTENCY#${idempotencyKey}`, SK: 'IDEMPOTENCY' });
  }
}

let store: { at: string; layer: DynamoDBPersistenceLayer } | undefined;

/**
 * Powertools idempotency records live in the single table, one partition each, for an hour. The
 * layer is kept per table and endpoint: a process that meets a second local runtime (tests start
 * several, one after another) must not keep writing to the first one's stopped table.
 */
export function persistence(): DynamoDBPersistenceLayer {
  const tableName = process.env.TABLE_NAME!;
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB || undefined;
  const at = `${tableName}|${endpoint ?? ''}`;
  if (store?.at !== at) {
    store = {
      at,
      layer: new SpreadPersistenceLayer({
        tableName,
        keyAttr: 'PK',
        sortKeyAttr: 'SK',
        expiryAttr: 'expiresAt',
        awsSdkV3Client: new DynamoDBClient({ endpoint }),
      }),
    };
  }
  return store.layer;
}

/** Map Powertools' refusals to problem+json. */
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
  const config = new IdempotencyConfig({ eventKeyJmesPath: '[scope, caller, key]', payloadValidationJmesPath: 'request', expiresAfterSeconds: 3600 });
  config.registerLambdaContext(lambda);
  const run = makeIdempotent(async (_input: { scope: string; caller: string; key: string; request: unknown }) => work(), {
    persistenceStore: persistence(),
    config,
  });
  try {
    return await run({ scope, caller, key, request });
  } catch (error) {
    throw idempotencyProblem(error) ?? error;
  }
}
