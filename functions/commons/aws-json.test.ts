import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as sdkCognito from '@aws-sdk/client-cognito-identity-provider';
import * as sdkDynamo from '@aws-sdk/client-dynamodb';
import * as sdkSes from '@aws-sdk/client-sesv2';
import * as sdkSfn from '@aws-sdk/client-sfn';
import * as sdkSqs from '@aws-sdk/client-sqs';
import * as sdkDoc from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentials, region, sdkSigner, signingDateOf, unstubSend } from '../../test/support/sigv4-oracle';
import * as cognito from './aws/cognito-idp';
import { isDefiniteRefusal, isThrottle } from '../core/email-delivery';
import * as dynamo from './aws/dynamodb';
import * as ses from './aws/sesv2';
import * as sfn from './aws/sfn';
import * as sqs from './aws/sqs';

/**
 * The SDK-less clients (commons/aws-json.ts, commons/aws/*) against the AWS SDK as the oracle:
 * each command the code sends is sent by both to one local HTTP server, which records the requests
 * and answers the same; the requests (method, path, the headers that matter, the body's JSON),
 * the answers as the code sees them, the errors and the retries must agree. The signature of the
 * request our client sent is recomputed with the SDK's signer (@smithy/signature-v4).
 */

interface Seen {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}
/** `reset`: the connection closed unanswered; `hang`: no answer at all (until the client gives up). */
type Answer = { status: number; body: unknown; headers?: Record<string, string> } | 'reset' | 'hang';

let server: Server;
let endpoint: string;
const seen: Seen[] = [];
let answers: Answer[] = [];
let fallback: Answer = { status: 200, body: {} };

beforeAll(async () => {
  unstubSend(dynamo.DynamoDBDocumentClient, dynamo.DynamoDBClient, sfn.SFNClient, sqs.SQSClient, cognito.CognitoIdentityProviderClient, ses.SESv2Client, sdkDoc.DynamoDBDocumentClient, sdkDynamo.DynamoDBClient, sdkSfn.SFNClient, sdkSqs.SQSClient, sdkCognito.CognitoIdentityProviderClient, sdkSes.SESv2Client);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const a = answers.shift() ?? fallback;
      if (a === 'reset') return req.socket.destroy();
      if (a === 'hang') return;
      res.writeHead(a.status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'req-1', ...a.headers });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen.length = 0;
  answers = [];
  fallback = { status: 200, body: {} };
});

const config = () => ({ endpoint, region, credentials, maxAttempts: 3 });
const sdkConfig = () => ({ endpoint, region, credentials, maxAttempts: 3 });

/** What matters of a request on the wire. */
const wire = (s: Seen) => ({
  method: s.method,
  path: s.path,
  contentType: s.headers['content-type'],
  target: s.headers['x-amz-target'],
  queryMode: s.headers['x-amzn-query-mode'],
  token: s.headers['x-amz-security-token'],
  // the idempotency token the SDK fills (TransactWriteItems) is random: present in both
  body: (({ ClientRequestToken, ...b }) => (ClientRequestToken ? { ...b, ClientRequestToken: typeof ClientRequestToken } : b))(JSON.parse(s.body || '{}')),
});
const strip = ({ $metadata: _m, ...rest }: Record<string, unknown>) => rest;

/** Send with ours, then with the SDK; both requests as they arrived and both outputs. */
async function both(ours: () => Promise<any>, theirs: () => Promise<any>, answer?: unknown) {
  if (answer !== undefined) fallback = { status: 200, body: answer };
  const o = await ours();
  const t = await theirs();
  expect(seen).toHaveLength(2);
  return { ours: seen[0]!, theirs: seen[1]!, out: [strip(o), strip(t)] as const, meta: [o.$metadata, t.$metadata] };
}

describe('the signature', () => {
  it('is what the SDK’s SigV4 signer computes for the request as it arrived', async () => {
    const client = dynamo.DynamoDBDocumentClient.from(new dynamo.DynamoDBClient(config()));
    await client.send(new dynamo.GetCommand({ TableName: 'motcua', Key: { PK: 'DOSSIER#Hồ sơ', SK: 'META' } }));
    const s = seen[0]!;
    const at = s.headers['x-amz-date'] as string;
    const signingDate = signingDateOf(at);
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'x-amz-target', 'host', 'x-amz-content-sha256']) headers[name] = String(s.headers[name]);
    const signed = await sdkSigner('dynamodb').sign(
      { method: 'POST', protocol: 'http:', hostname: '127.0.0.1', path: '/', headers, body: s.body, query: {} },
      { signingDate },
    );
    expect(s.headers.authorization).toBe(signed.headers.authorization);
    expect(s.headers['x-amz-security-token']).toBe(credentials.sessionToken);
  });
});

describe('the requests and answers, command by command, as the SDK’s', () => {
  const doc = () => dynamo.DynamoDBDocumentClient.from(new dynamo.DynamoDBClient(config()), { marshallOptions: { removeUndefinedValues: true } });
  const sdkDocument = () => sdkDoc.DynamoDBDocumentClient.from(new sdkDynamo.DynamoDBClient(sdkConfig()), { marshallOptions: { removeUndefinedValues: true } });
  const item = { PK: 'DOSSIER#1', SK: 'META', name: 'Nguyễn Văn An', fee: 50000, tags: ['a', 'b'], nested: { when: '2026-12-07', none: undefined, ok: true }, nothing: null };
  const marshalled = { PK: { S: 'DOSSIER#1' }, SK: { S: 'META' }, fee: { N: '50000' }, list: { L: [{ S: 'x' }, { N: '1' }] }, set: { SS: ['a'] }, m: { M: { b: { BOOL: true } } } };

  const documentCases: [string, () => any, () => any, unknown][] = [
    ['Get', () => new dynamo.GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' }, ConsistentRead: true }), () => new sdkDoc.GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' }, ConsistentRead: true }), { Item: marshalled }],
    [
      'Put',
      () => new dynamo.PutCommand({ TableName: 't', Item: item, ConditionExpression: 'attribute_not_exists(PK) OR v < :v', ExpressionAttributeValues: { ':v': 3 } }),
      () => new sdkDoc.PutCommand({ TableName: 't', Item: item, ConditionExpression: 'attribute_not_exists(PK) OR v < :v', ExpressionAttributeValues: { ':v': 3 } }),
      {},
    ],
    [
      'Update',
      () => new dynamo.UpdateCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' }, UpdateExpression: 'SET #s = :s ADD n :one', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 2, ':one': 1, ':u': undefined }, ReturnValues: 'ALL_NEW' }),
      () => new sdkDoc.UpdateCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' }, UpdateExpression: 'SET #s = :s ADD n :one', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 2, ':one': 1, ':u': undefined }, ReturnValues: 'ALL_NEW' }),
      { Attributes: marshalled },
    ],
    ['Delete', () => new dynamo.DeleteCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' }, ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': 'x' } }), () => new sdkDoc.DeleteCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' }, ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': 'x' } }), {}],
    [
      'Query',
      () => new dynamo.QueryCommand({ TableName: 't', IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p AND begins_with(GSI1SK, :s)', ExpressionAttributeValues: { ':p': 'OPEN#3', ':s': '2026' }, ExclusiveStartKey: { PK: 'a', SK: 'b' }, Limit: 50, ScanIndexForward: false }),
      () => new sdkDoc.QueryCommand({ TableName: 't', IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p AND begins_with(GSI1SK, :s)', ExpressionAttributeValues: { ':p': 'OPEN#3', ':s': '2026' }, ExclusiveStartKey: { PK: 'a', SK: 'b' }, Limit: 50, ScanIndexForward: false }),
      { Items: [marshalled, marshalled], Count: 2, ScannedCount: 2, LastEvaluatedKey: { PK: { S: 'a' }, SK: { S: 'c' } } },
    ],
    [
      'BatchGet',
      () => new dynamo.BatchGetCommand({ RequestItems: { t: { Keys: [{ PK: 'a', SK: 'b' }, { PK: 'c', SK: 'd' }], ProjectionExpression: 'PK' } } }),
      () => new sdkDoc.BatchGetCommand({ RequestItems: { t: { Keys: [{ PK: 'a', SK: 'b' }, { PK: 'c', SK: 'd' }], ProjectionExpression: 'PK' } } }),
      { Responses: { t: [marshalled] }, UnprocessedKeys: { t: { Keys: [{ PK: { S: 'c' }, SK: { S: 'd' } }] } } },
    ],
    [
      'TransactWrite',
      () =>
        new dynamo.TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: 't', Item: item } },
            { Update: { TableName: 't', Key: { PK: 'a', SK: 'b' }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': 1 } } },
            { ConditionCheck: { TableName: 't', Key: { PK: 'c', SK: 'd' }, ConditionExpression: 'attribute_exists(PK)' } },
            { Delete: { TableName: 't', Key: { PK: 'e', SK: 'f' } } },
          ],
        }),
      () =>
        new sdkDoc.TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: 't', Item: item } },
            { Update: { TableName: 't', Key: { PK: 'a', SK: 'b' }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': 1 } } },
            { ConditionCheck: { TableName: 't', Key: { PK: 'c', SK: 'd' }, ConditionExpression: 'attribute_exists(PK)' } },
            { Delete: { TableName: 't', Key: { PK: 'e', SK: 'f' } } },
          ],
        }),
      {},
    ],
    ['Scan', () => new dynamo.ScanCommand({ TableName: 't', FilterExpression: 'v = :v', ExpressionAttributeValues: { ':v': 1 } }), () => new sdkDoc.ScanCommand({ TableName: 't', FilterExpression: 'v = :v', ExpressionAttributeValues: { ':v': 1 } }), { Items: [marshalled], Count: 1 }],
  ];
  for (const [name, ours, theirs, answer] of documentCases) {
    it(`DynamoDB document ${name}Command`, async () => {
      const r = await both(() => doc().send(ours()), () => sdkDocument().send(theirs()), answer);
      expect(wire(r.ours)).toEqual(wire(r.theirs));
      expect(r.out[0]).toEqual(r.out[1]);
      expect(r.meta[0]).toMatchObject({ httpStatusCode: 200, requestId: 'req-1', attempts: 1 });
    });
  }

  const key = { PK: { S: 'IDEMPOTENCY#x' }, SK: { S: 'IDEMPOTENCY' } };
  const itemAnswer = (name: string) => (name === 'GetItem' ? { Item: key } : { Attributes: key });
  const itemCases: [string, () => any, () => any][] = [
    ['GetItem', () => new dynamo.GetItemCommand({ TableName: 't', Key: key, ConsistentRead: true }), () => new sdkDynamo.GetItemCommand({ TableName: 't', Key: key, ConsistentRead: true })],
    ['PutItem', () => new dynamo.PutItemCommand({ TableName: 't', Item: key, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }), () => new sdkDynamo.PutItemCommand({ TableName: 't', Item: key, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })],
    ['UpdateItem', () => new dynamo.UpdateItemCommand({ TableName: 't', Key: key, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': { N: '1' } } }), () => new sdkDynamo.UpdateItemCommand({ TableName: 't', Key: key, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': { N: '1' } } })],
    ['DeleteItem', () => new dynamo.DeleteItemCommand({ TableName: 't', Key: key }), () => new sdkDynamo.DeleteItemCommand({ TableName: 't', Key: key })],
  ];
  for (const [name, ours, theirs] of itemCases) {
    it(`DynamoDB ${name}Command`, async () => {
      const r = await both(() => new dynamo.DynamoDBClient(config()).send(ours()), () => new sdkDynamo.DynamoDBClient(sdkConfig()).send(theirs()), itemAnswer(name));
      expect(wire(r.ours)).toEqual(wire(r.theirs));
      expect(r.out[0]).toEqual(r.out[1]);
    });
  }

  const arn = 'arn:aws:states:ap-southeast-1:123456789012:stateMachine:motcua';
  const sfnCases: [string, () => any, () => any, unknown][] = [
    ['StartExecution', () => new sfn.StartExecutionCommand({ stateMachineArn: arn, name: 'TTHCC-1', input: '{"code":"TTHCC-1"}' }), () => new sdkSfn.StartExecutionCommand({ stateMachineArn: arn, name: 'TTHCC-1', input: '{"code":"TTHCC-1"}' }), { executionArn: `${arn}:TTHCC-1`, startDate: 1765000000.5 }],
    ['SendTaskSuccess', () => new sfn.SendTaskSuccessCommand({ taskToken: 'tok', output: '{}' }), () => new sdkSfn.SendTaskSuccessCommand({ taskToken: 'tok', output: '{}' }), {}],
    ['DescribeExecution', () => new sfn.DescribeExecutionCommand({ executionArn: `${arn}:x` }), () => new sdkSfn.DescribeExecutionCommand({ executionArn: `${arn}:x` }), { executionArn: `${arn}:x`, status: 'RUNNING' }],
  ];
  for (const [name, ours, theirs, answer] of sfnCases) {
    it(`Step Functions ${name}Command`, async () => {
      const r = await both(() => new sfn.SFNClient(config()).send(ours()), () => new sdkSfn.SFNClient(sdkConfig()).send(theirs()), answer);
      expect(wire(r.ours)).toEqual(wire(r.theirs));
      // the SDK turns timestamps into Dates; the code reads none of them (status, executionArn)
      const { startDate: _a, ...o } = r.out[0] as Record<string, unknown>;
      const { startDate: _b, ...t } = r.out[1] as Record<string, unknown>;
      expect(o).toEqual(t);
    });
  }

  it('SQS SendMessageCommand', async () => {
    const input = { QueueUrl: `${endpoint}/000000000000/motcua-email`, MessageBody: '{"letter":"L-1"}', MessageAttributes: { kind: { DataType: 'String', StringValue: 'pin' } } };
    const r = await both(() => new sqs.SQSClient(config()).send(new sqs.SendMessageCommand(input)), () => new sdkSqs.SQSClient(sdkConfig()).send(new sdkSqs.SendMessageCommand(input)), { MessageId: 'm-1', MD5OfMessageBody: createHash('md5').update(input.MessageBody).digest('hex') });
    expect(wire(r.ours)).toEqual(wire(r.theirs));
    expect(r.out[0]).toEqual(r.out[1]);
  });

  it('Cognito CreateGroupCommand', async () => {
    const input = { UserPoolId: 'ap-southeast-1_x', GroupName: 'agency-STP', Description: 'Sở Tư pháp' };
    const r = await both(() => new cognito.CognitoIdentityProviderClient(config()).send(new cognito.CreateGroupCommand(input)), () => new sdkCognito.CognitoIdentityProviderClient(sdkConfig()).send(new sdkCognito.CreateGroupCommand(input)), { Group: { GroupName: 'agency-STP' } });
    expect(wire(r.ours)).toEqual(wire(r.theirs));
    const [o, t] = r.out as [any, any];
    expect(o.Group.GroupName).toBe(t.Group.GroupName);
  });
});

describe('errors, as the SDK names them', () => {
  const ccf = { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed', Item: { PK: { S: 'a' } } };
  it('ConditionalCheckFailedException, with the item it found (ALL_OLD), as the class the code tests', async () => {
    fallback = { status: 400, body: ccf };
    const ours = await new dynamo.DynamoDBClient(config()).send(new dynamo.PutItemCommand({ TableName: 't', Item: {} })).catch((e) => e);
    const theirs = await new sdkDynamo.DynamoDBClient(sdkConfig()).send(new sdkDynamo.PutItemCommand({ TableName: 't', Item: {} })).catch((e) => e);
    expect(ours).toBeInstanceOf(dynamo.ConditionalCheckFailedException);
    expect(theirs).toBeInstanceOf(sdkDynamo.ConditionalCheckFailedException);
    for (const e of [ours, theirs]) expect(e).toMatchObject({ name: 'ConditionalCheckFailedException', message: ccf.message, Item: ccf.Item, $fault: 'client', $metadata: { httpStatusCode: 400, requestId: 'req-1', attempts: 1 } });
    // through the document client too (the error's Item stays marshalled, as lib-dynamodb leaves it)
    const doc = await dynamo.DynamoDBDocumentClient.from(new dynamo.DynamoDBClient(config())).send(new dynamo.PutCommand({ TableName: 't', Item: { PK: 'a' } })).catch((e) => e);
    const sdkDocErr = await sdkDoc.DynamoDBDocumentClient.from(new sdkDynamo.DynamoDBClient(sdkConfig())).send(new sdkDoc.PutCommand({ TableName: 't', Item: { PK: 'a' } })).catch((e) => e);
    expect({ name: doc.name, Item: doc.Item }).toEqual({ name: sdkDocErr.name, Item: sdkDocErr.Item });
  });

  it('TransactionCanceledException with its CancellationReasons', async () => {
    const reasons = [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }];
    fallback = { status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException', Message: 'Transaction cancelled', CancellationReasons: reasons } };
    const ours = await dynamo.DynamoDBDocumentClient.from(new dynamo.DynamoDBClient(config())).send(new dynamo.TransactWriteCommand({ TransactItems: [] })).catch((e) => e);
    const theirs = await sdkDoc.DynamoDBDocumentClient.from(new sdkDynamo.DynamoDBClient(sdkConfig())).send(new sdkDoc.TransactWriteCommand({ TransactItems: [] })).catch((e) => e);
    for (const e of [ours, theirs]) expect(e).toMatchObject({ name: 'TransactionCanceledException', message: 'Transaction cancelled', CancellationReasons: reasons, $metadata: { httpStatusCode: 400 } });
  });

  it('Step Functions’ ExecutionAlreadyExists / ExecutionDoesNotExist and Cognito’s GroupExistsException by name (the x-amzn-errortype header alone too)', async () => {
    fallback = { status: 400, body: { __type: 'ExecutionAlreadyExists', message: 'exists' } };
    const start = () => new sfn.SFNClient(config()).send(new sfn.StartExecutionCommand({ stateMachineArn: 'a', name: 'n' })).catch((e) => e);
    const sdkStart = () => new sdkSfn.SFNClient(sdkConfig()).send(new sdkSfn.StartExecutionCommand({ stateMachineArn: 'a', name: 'n' })).catch((e) => e);
    expect((await start()).name).toBe((await sdkStart()).name);
    fallback = { status: 400, body: {}, headers: { 'x-amzn-errortype': 'ExecutionDoesNotExist:http://internal.amazon.com/coral/com.amazonaws.swf.service.v2.model/' } };
    expect((await start()).name).toBe('ExecutionDoesNotExist');
    expect((await sdkStart()).name).toBe('ExecutionDoesNotExist');
    fallback = { status: 400, body: { __type: 'GroupExistsException', message: 'A group with the name already exists.' } };
    const e = await new cognito.CognitoIdentityProviderClient(config()).send(new cognito.CreateGroupCommand({ UserPoolId: 'p', GroupName: 'g' })).catch((x) => x);
    expect(e).toMatchObject({ name: 'GroupExistsException', message: 'A group with the name already exists.', $metadata: { httpStatusCode: 400 } });
  });

  it('a 5xx after its retries: $fault server and the status', async () => {
    fallback = { status: 503, body: { __type: 'ServiceUnavailable', message: 'down' } };
    const ours = await new sfn.SFNClient({ ...config(), maxAttempts: 1 }).send(new sfn.SendTaskSuccessCommand({ taskToken: 't', output: '{}' })).catch((e) => e);
    expect(ours).toMatchObject({ name: 'ServiceUnavailable', $fault: 'server', $metadata: { httpStatusCode: 503, attempts: 1 } });
  });
});

describe('retries, as the SDK’s standard mode', () => {
  const get = (c: dynamo.DynamoDBClient) => c.send(new dynamo.GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } }));
  const sdkGet = (c: sdkDynamo.DynamoDBClient) => c.send(new sdkDynamo.GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } }));

  it('retries a 500 and a throttling refusal, and answers the third attempt', async () => {
    const script = (): Answer[] => [{ status: 500, body: { __type: 'InternalServerError', message: 'x' } }, { status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'slow down' } }, { status: 200, body: { Item: { PK: { S: 'a' } } } }];
    answers = script();
    const ours = await get(new dynamo.DynamoDBClient(config()));
    answers = script();
    const theirs = await sdkGet(new sdkDynamo.DynamoDBClient(sdkConfig()));
    expect(seen).toHaveLength(6);
    expect(ours.Item).toEqual(theirs.Item);
    expect(ours.$metadata.attempts).toBe(3);
    expect(theirs.$metadata.attempts).toBe(3);
    // each attempt signed anew, the same body
    expect(new Set(seen.slice(0, 3).map((s) => s.body)).size).toBe(1);
  });

  it('retries a connection reset', async () => {
    answers = ['reset', { status: 200, body: { Item: { PK: { S: 'a' } } } }];
    const ours = await get(new dynamo.DynamoDBClient(config()));
    expect(ours.$metadata.attempts).toBe(2);
  });

  it('gives up after 3 attempts, and does not retry a refusal that is not transient', async () => {
    fallback = { status: 500, body: { __type: 'InternalServerError' } };
    const e = await get(new dynamo.DynamoDBClient(config())).catch((x) => x);
    expect(e).toMatchObject({ name: 'InternalServerError', $metadata: { httpStatusCode: 500, attempts: 3 } });
    expect(seen).toHaveLength(3);
    seen.length = 0;
    fallback = { status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ValidationException', message: 'bad' } };
    const v = await get(new dynamo.DynamoDBClient(config())).catch((x) => x);
    expect(v).toMatchObject({ name: 'ValidationException', message: 'bad', $metadata: { attempts: 1 } });
    expect(seen).toHaveLength(1);
  });
});

describe('the environment', () => {
  it('takes the region, the endpoint (AWS_ENDPOINT_URL_<SERVICE>) and the credentials from it, and counts through middlewareStack (bench/volume)', async () => {
    try {
      for (const [k, v] of Object.entries({ AWS_REGION: 'ap-southeast-1', AWS_ENDPOINT_URL_SQS: endpoint, AWS_ACCESS_KEY_ID: 'env-key', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'env-token' })) vi.stubEnv(k, v);
      const client = new sqs.SQSClient();
      let counted = 0;
      client.middlewareStack.add((next) => async (args) => {
        counted++;
        return next(args);
      }, { step: 'initialize', name: 'count' });
      await client.send(new sqs.SendMessageCommand({ QueueUrl: 'q', MessageBody: 'b' }));
      expect(counted).toBe(1);
      expect(seen[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=env-key\/\d{8}\/ap-southeast-1\/sqs\/aws4_request, /);
      expect(seen[0]!.headers['x-amz-security-token']).toBe('env-token');
      expect(seen[0]!.headers.connection).toBe('keep-alive');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('SES v2 SendEmail (REST-JSON), as the SDK’s', () => {
  const path = '/v2/email/outbound-emails';
  const json = { 'content-type': 'application/json' };
  // what functions/send-email builds: tags, both bodies, an attachment of bytes (a calendar entry), no configuration set
  const input = () => ({
    FromEmailAddress: 'motcua@dichvucong.example.vn',
    Destination: { ToAddresses: ['nguyen.van.an@example.vn'] },
    ConfigurationSetName: undefined,
    EmailTags: [
      { Name: 'event', Value: 'appointment-changed' },
      { Name: 'dossier', Value: 'STP-261207-0001' },
      { Name: 'eventKey', Value: 'apology-1' },
      { Name: 'claim', Value: '3' },
    ],
    Content: {
      Simple: {
        Subject: { Data: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', Charset: 'UTF-8' },
        Body: { Text: { Data: 'Kính gửi ông Nguyễn Văn An,\n…', Charset: 'UTF-8' }, Html: { Data: '<p>Kính gửi ông <b>Nguyễn Văn An</b></p>', Charset: 'UTF-8' } },
        Attachments: [{ FileName: 'hen-tra-ket-qua.ics', ContentType: 'text/calendar', RawContent: new TextEncoder().encode('BEGIN:VCALENDAR\r\nSUMMARY:Nhận kết quả\r\nEND:VCALENDAR\r\n') }],
      },
    },
  });
  const ours = (c: Partial<ReturnType<typeof config>> = {}) => new ses.SESv2Client({ ...config(), ...c });
  const theirs = (c: Partial<ReturnType<typeof config>> = {}) => new sdkSes.SESv2Client({ ...sdkConfig(), ...c });

  it('sends the same request (POST to the path, application/json, the attachment in base64) and reads the same answer', async () => {
    fallback = { status: 200, body: { MessageId: '0100018f-ses-1' }, headers: json };
    const o = await ours().send(new ses.SendEmailCommand(input()));
    const t = await theirs().send(new sdkSes.SendEmailCommand(input()));
    expect(seen).toHaveLength(2);
    expect(wire(seen[0]!)).toEqual(wire(seen[1]!));
    expect(wire(seen[0]!)).toMatchObject({ method: 'POST', path, contentType: 'application/json', target: undefined, token: credentials.sessionToken });
    const body = JSON.parse(seen[0]!.body);
    expect(Buffer.from(body.Content.Simple.Attachments[0].RawContent, 'base64').toString('utf8')).toBe('BEGIN:VCALENDAR\r\nSUMMARY:Nhận kết quả\r\nEND:VCALENDAR\r\n');
    expect('ConfigurationSetName' in body).toBe(false);
    expect(strip({ ...o })).toEqual(strip({ ...t }));
    expect(o.MessageId).toBe('0100018f-ses-1');
    expect(o.$metadata).toMatchObject({ httpStatusCode: 200, requestId: 'req-1', attempts: 1 });
  });

  it('signs as `ses` what the SDK’s SigV4 signer computes for the request as it arrived', async () => {
    fallback = { status: 200, body: { MessageId: 'm' }, headers: json };
    await ours().send(new ses.SendEmailCommand(input()));
    const s = seen[0]!;
    const at = s.headers['x-amz-date'] as string;
    const signingDate = signingDateOf(at);
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'host', 'x-amz-content-sha256']) headers[name] = String(s.headers[name]);
    const signed = await sdkSigner('ses').sign(
      { method: 'POST', protocol: 'http:', hostname: '127.0.0.1', path, headers, body: s.body, query: {} },
      { signingDate },
    );
    expect(s.headers.authorization).toBe(signed.headers.authorization);
    expect(s.headers.authorization).toMatch(/\/ap-southeast-1\/ses\/aws4_request, /);
  });

  it('goes to email.<region>.amazonaws.com, or AWS_ENDPOINT_URL_SESV2 (the local stand-in)', async () => {
    try {
      vi.stubEnv('AWS_ENDPOINT_URL_SESV2', endpoint);
      fallback = { status: 200, body: { MessageId: 'm' }, headers: json };
      await new ses.SESv2Client({ region, credentials }).send(new ses.SendEmailCommand(input()));
      expect(seen[0]!.path).toBe(path);
      expect(seen[0]!.headers.host).toBe(new URL(endpoint).host);
    } finally {
      vi.unstubAllEnvs();
    }
    // with neither: the regional endpoint (an unresolvable name here: the error says where it went)
    const spec = (new ses.SESv2Client({ region, credentials }) as unknown as { spec: { endpointPrefix: string; signingName: string } }).spec;
    expect([spec.endpointPrefix, spec.signingName]).toEqual(['email', 'ses']);
  });

  // SES's errors as the handler classifies them (core/email-delivery.ts): a throttle is released and
  // tried again in a second, any other answer is a refusal (retried with backoff), no answer keeps the claim
  const errors: [string, Answer, { name: string; status: number; throttle: boolean }][] = [
    ['MessageRejected (by the x-amzn-errortype header, the message in the body)', { status: 400, body: { message: 'Email address is not verified.' }, headers: { ...json, 'x-amzn-errortype': 'MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/' } }, { name: 'MessageRejected', status: 400, throttle: false }],
    ['AccountSuspendedException', { status: 400, body: { message: 'suspended' }, headers: { ...json, 'x-amzn-errortype': 'AccountSuspendedException' } }, { name: 'AccountSuspendedException', status: 400, throttle: false }],
    ['SendingPausedException', { status: 400, body: { message: 'paused' }, headers: { ...json, 'x-amzn-errortype': 'SendingPausedException' } }, { name: 'SendingPausedException', status: 400, throttle: false }],
    ['NotFoundException (a configuration set that is not there)', { status: 404, body: { message: 'Configuration set <x> does not exist.' }, headers: { ...json, 'x-amzn-errortype': 'NotFoundException' } }, { name: 'NotFoundException', status: 404, throttle: false }],
    ['TooManyRequestsException (429)', { status: 429, body: { message: 'Maximum sending rate exceeded.' }, headers: { ...json, 'x-amzn-errortype': 'TooManyRequestsException' } }, { name: 'TooManyRequestsException', status: 429, throttle: true }],
    ['LimitExceededException', { status: 400, body: { message: 'Daily message quota exceeded.' }, headers: { ...json, 'x-amzn-errortype': 'LimitExceededException' } }, { name: 'LimitExceededException', status: 400, throttle: true }],
    // infra/local/faults.ts's injected fault: the header and a JSON-protocol body
    ['ServiceUnavailable (503, the local fault proxy)', { status: 503, body: { __type: 'ServiceUnavailable', message: 'injected fault' }, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ServiceUnavailable' } }, { name: 'ServiceUnavailable', status: 503, throttle: false }],
  ];
  for (const [label, answer, expected] of errors) {
    it(`${label}: the same name, message, $fault and status, classified alike`, async () => {
      // one attempt each: the retries are the JSON clients' (tested above), here only the naming
      fallback = answer;
      const o = await ours({ maxAttempts: 1 }).send(new ses.SendEmailCommand(input())).catch((e) => e);
      const t = await theirs({ maxAttempts: 1 }).send(new sdkSes.SendEmailCommand(input())).catch((e) => e);
      expect(seen).toHaveLength(2);
      const view = (e: any) => ({ name: e.name, message: e.message, $fault: e.$fault, status: e.$metadata?.httpStatusCode, requestId: e.$metadata?.requestId, throttle: isThrottle(e), refusal: isDefiniteRefusal(e) });
      expect(view(o)).toEqual(view(t));
      expect(view(o)).toMatchObject({ name: expected.name, status: expected.status, throttle: expected.throttle, refusal: true, $fault: expected.status >= 500 ? 'server' : 'client' });
      expect(o).toBeInstanceOf(Error);
    });
  }

  it('retries a throttle and a 5xx as the SDK does, and answers the third attempt', async () => {
    const script = (): Answer[] => [
      { status: 429, body: { message: 'slow' }, headers: { ...json, 'x-amzn-errortype': 'TooManyRequestsException' } },
      { status: 503, body: { message: 'down' }, headers: { ...json, 'x-amzn-errortype': 'ServiceUnavailable' } },
      { status: 200, body: { MessageId: 'm-3' }, headers: json },
    ];
    answers = script();
    const o = await ours().send(new ses.SendEmailCommand(input()));
    answers = script();
    const t = await theirs().send(new sdkSes.SendEmailCommand(input()));
    expect(seen).toHaveLength(6);
    expect([o.MessageId, o.$metadata.attempts]).toEqual([t.MessageId, t.$metadata.attempts]);
    expect(o.$metadata.attempts).toBe(3);
  });

  it('gives up an unanswered call at its abortSignal: AbortError, no status (no answer: the handler keeps its claim), not retried', async () => {
    fallback = 'hang';
    const started = Date.now();
    const o = await ours().send(new ses.SendEmailCommand(input()), { abortSignal: AbortSignal.timeout(300) }).catch((e) => e);
    const t = await theirs().send(new sdkSes.SendEmailCommand(input()), { abortSignal: AbortSignal.timeout(300) }).catch((e) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    // one attempt each: an aborted call is not tried again
    expect(seen).toHaveLength(2);
    const view = (e: any) => ({ name: e.name, message: e.message, cause: e.cause?.name, status: e.$metadata?.httpStatusCode, throttle: isThrottle(e), refusal: isDefiniteRefusal(e) });
    expect(view(o)).toEqual(view(t));
    expect(view(o)).toEqual({ name: 'AbortError', message: 'Request aborted', cause: 'TimeoutError', status: undefined, throttle: false, refusal: false });
  });

  it('sends nothing when its signal is already aborted, and a signal that never fires changes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const o = await ours().send(new ses.SendEmailCommand(input()), { abortSignal: controller.signal }).catch((e) => e);
    const t = await theirs().send(new sdkSes.SendEmailCommand(input()), { abortSignal: controller.signal }).catch((e) => e);
    expect([o.name, t.name]).toEqual(['AbortError', 'AbortError']);
    expect(o.$metadata?.httpStatusCode).toBeUndefined();
    expect(seen).toHaveLength(0);
    fallback = { status: 200, body: { MessageId: 'm' }, headers: json };
    const sent = await ours().send(new ses.SendEmailCommand(input()), { abortSignal: AbortSignal.timeout(10_000) });
    expect(sent.MessageId).toBe('m');
  });

  it('stops waiting between attempts once aborted', async () => {
    // every answer a throttle (the SDK's base delay 500 ms, jittered): the abort comes during a backoff or an attempt
    fallback = { status: 429, body: { message: 'slow' }, headers: { ...json, 'x-amzn-errortype': 'TooManyRequestsException' } };
    const client = ours({ maxAttempts: 50 });
    const started = Date.now();
    const e = await client.send(new ses.SendEmailCommand(input()), { abortSignal: AbortSignal.timeout(400) }).catch((x) => x);
    expect(Date.now() - started).toBeLessThan(1_500);
    // aborted during the backoff: the SDK's AbortError; aborted as an answer came: that answer's error, as the SDK throws it
    expect(['AbortError', 'TooManyRequestsException']).toContain(e.name);
    const count = seen.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(seen.length).toBe(count);
  });
});
