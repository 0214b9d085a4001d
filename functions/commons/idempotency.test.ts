import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { type AttributeValue, ConditionalCheckFailedException, DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from './aws/dynamodb';
import * as sdk from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpProblem } from './http';
import { once, persistence } from './idempotency';

const saved = { table: process.env.TABLE_NAME, endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB };
afterEach(() => {
  process.env.TABLE_NAME = saved.table;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = saved.endpoint;
  if (saved.table === undefined) delete process.env.TABLE_NAME;
  if (saved.endpoint === undefined) delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
});

describe('the idempotency store', () => {
  it('is kept while the table and endpoint stay, and follows them when they move (a second local runtime in one process)', () => {
    process.env.TABLE_NAME = 'motcua';
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:40001';
    const first = persistence();
    expect(persistence()).toBe(first);
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:40002';
    const second = persistence();
    expect(second).not.toBe(first);
    process.env.TABLE_NAME = 'other';
    expect(persistence()).not.toBe(second);
  });
});

/** Powertools' layer as the platform configured it until issue 18's bundle cut (one partition per record). */
class PowertoolsLayer extends DynamoDBPersistenceLayer {
  protected override getKey(idempotencyKey: string): Record<string, AttributeValue> {
    return marshall({ PK: `IDEMPOTENCY#${idempotencyKey}`, SK: 'IDEMPOTENCY' });
  }
}

/**
 * The records are written exactly as Powertools' idempotency utility wrote them (the same key,
 * attributes and expressions): a record written before the deploy answers a retry after it.
 */
describe('once: the records Powertools wrote', () => {
  // ours (commons/aws/dynamodb) and the SDK's, which Powertools uses: the same answers from both
  const ddb = mockClient(DynamoDBClient);
  const sdkDdb = mockClient(sdk.DynamoDBClient);
  const refuse = (fields: { Item?: Record<string, AttributeValue> }) => {
    ddb.on(PutItemCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {}, ...fields }));
    sdkDdb.on(sdk.PutItemCommand).rejects(new sdk.ConditionalCheckFailedException({ message: 'exists', $metadata: {}, ...fields }));
  };
  const lambda = { getRemainingTimeInMillis: () => 9000 } as Context;
  const request = { procedureCode: 'DL-LHND', applicant: { name: 'Nguyễn Văn An', email: 'an@example.com' }, documents: [{ ref: 'desk://1', name: 'Tờ khai' }] };
  const answer = { status: 201, body: { code: 'TTHCC-261207-0001', status: 2 } };

  beforeAll(() => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'motcua-dev-api-officers');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T02:00:00.000Z'));
  });
  afterAll(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
    ddb.restore();
    sdkDdb.restore();
  });
  beforeEach(() => {
    process.env.TABLE_NAME = 'motcua-unit';
    ddb.reset();
    ddb.on(PutItemCommand).resolves({});
    ddb.on(UpdateItemCommand).resolves({});
    ddb.on(DeleteItemCommand).resolves({});
    sdkDdb.reset();
    sdkDdb.on(sdk.PutItemCommand).resolves({});
    sdkDdb.on(sdk.UpdateItemCommand).resolves({});
    sdkDdb.on(sdk.DeleteItemCommand).resolves({});
  });

  const inputs = () => [...ddb.calls(), ...sdkDdb.calls()].map((c) => ({ command: c.args[0].constructor.name, input: c.args[0].input }));
  async function powertools<T>(work: () => Promise<T>) {
    const config = new IdempotencyConfig({ eventKeyJmesPath: '[scope, caller, key]', payloadValidationJmesPath: 'request', expiresAfterSeconds: 3600 });
    config.registerLambdaContext(lambda);
    const layer = new PowertoolsLayer({ tableName: 'motcua-unit', keyAttr: 'PK', sortKeyAttr: 'SK', expiryAttr: 'expiresAt', awsSdkV3Client: new sdk.DynamoDBClient({}) });
    return makeIdempotent(async (_input: unknown) => work(), { persistenceStore: layer, config })({ scope: 'POST /dossiers', caller: 'desk-1', key: 'k-1', request });
  }

  it('puts the record in progress, then completes it with the answer: the same calls as Powertools', async () => {
    expect(await once('POST /dossiers', 'desk-1', 'k-1', request, lambda, async () => answer)).toEqual(answer);
    const ours = inputs();
    ddb.resetHistory();
    sdkDdb.resetHistory();
    expect(await powertools(async () => answer)).toEqual(answer);
    expect(ours.map((c) => c.command)).toEqual(['PutItemCommand', 'UpdateItemCommand']);
    expect(ours).toEqual(inputs());
    expect(ours[0]!.input).toMatchObject({ Item: { PK: { S: expect.stringMatching(/^IDEMPOTENCY#motcua-dev-api-officers#/) }, SK: { S: 'IDEMPOTENCY' }, status: { S: 'INPROGRESS' } } });
  });

  it('deletes the record when the work fails (so it can be retried), as Powertools does', async () => {
    const fail = async () => {
      throw new Error('the table refused');
    };
    await expect(once('POST /dossiers', 'desk-1', 'k-1', request, lambda, fail)).rejects.toThrow('the table refused');
    const ours = inputs();
    ddb.resetHistory();
    sdkDdb.resetHistory();
    await expect(powertools(fail)).rejects.toThrow('the table refused');
    expect(ours.map((c) => c.command)).toEqual(['PutItemCommand', 'DeleteItemCommand']);
    expect(ours).toEqual(inputs());
  });

  it('answers a retry from the completed record, refuses another request under the key (422) and one in progress (409)', async () => {
    await once('POST /dossiers', 'desk-1', 'k-1', request, lambda, async () => answer);
    const put = ddb.commandCalls(PutItemCommand)[0]!.args[0].input;
    const update = ddb.commandCalls(UpdateItemCommand)[0]!.args[0].input.ExpressionAttributeValues!;
    const completed = { ...put.Item, status: update[':status'], expiresAt: update[':expiry'], data: update[':response_data'], validation: update[':validation_key'] };
    refuse({ Item: completed as never });
    const work = vi.fn(async () => ({ status: 201, body: { code: 'TTHCC-261207-0002', status: 2 } }));
    expect(await once('POST /dossiers', 'desk-1', 'k-1', request, lambda, work)).toEqual(answer);
    expect(await powertools(work)).toEqual(answer);
    expect(work).not.toHaveBeenCalled();

    const other = once('POST /dossiers', 'desk-1', 'k-1', { ...request, procedureCode: 'TP-LLTP' }, lambda, work);
    await expect(other).rejects.toBeInstanceOf(HttpProblem);
    await expect(other).rejects.toMatchObject({ status: 422 });

    refuse({ Item: put.Item as never });
    await expect(once('POST /dossiers', 'desk-1', 'k-1', request, lambda, work)).rejects.toMatchObject({ status: 409 });
    expect(work).not.toHaveBeenCalled();
  });

  it('reads the record when the store does not return it with the refusal', async () => {
    await once('POST /dossiers', 'desk-1', 'k-1', request, lambda, async () => answer);
    const put = ddb.commandCalls(PutItemCommand)[0]!.args[0].input;
    const update = ddb.commandCalls(UpdateItemCommand)[0]!.args[0].input.ExpressionAttributeValues!;
    ddb.on(PutItemCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    ddb.on(GetItemCommand).resolves({ Item: { ...put.Item, status: update[':status']!, data: update[':response_data']!, validation: update[':validation_key']! } });
    expect(await once('POST /dossiers', 'desk-1', 'k-1', request, lambda, async () => ({ other: true }))).toEqual(answer);
    expect(ddb.commandCalls(GetItemCommand)[0]!.args[0].input).toMatchObject({ Key: put.Item && { PK: put.Item.PK, SK: put.Item.SK }, ConsistentRead: true });
  });
});
