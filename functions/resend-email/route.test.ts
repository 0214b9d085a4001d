import { GetCommand, UpdateCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { SendMessageCommand, SQSClient } from '../commons/aws/sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { EmailRequeued } from '../contracts/responses';
import { route } from './route';

vi.stubEnv('EMAIL_QUEUE_URL', 'http://queue.unit/emails');

const db = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);

const CODE = 'TTHCC-261207-0001';
const ID = `${CODE}~receipt`;
const params = { id: ID };
const failed = { PK: `DOSSIER#${CODE}`, SK: 'EMAIL#receipt', eventKey: 'receipt', event: 'receipt', state: 'failed', claim: 2, attempts: 5, lastError: 'rejected' };

describe('POST /ops/emails/{id}/resend', () => {
  beforeEach(() => {
    db.reset();
    sqs.reset();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses the desk (403): resending is for operators', async () => {
    expect((await invoke(route, { as: desk, params })).status).toBe(403);
  });

  it('names the id when it is not <dossierCode>~<eventKey> (400)', async () => {
    const answer = await invoke(route, { as: operator, params: { id: 'receipt' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('id');
  });

  it('answers 404 for a letter that does not exist', async () => {
    db.on(GetCommand).resolves({});
    expect((await invoke(route, { as: operator, params })).status).toBe(404);
    expect(sqs.calls()).toHaveLength(0);
  });

  it('answers 409 while the letter is queued, and queues nothing', async () => {
    db.on(GetCommand).resolves({ Item: { ...failed, state: 'queued', queuedAt: new Date().toISOString() } });
    expect((await invoke(route, { as: operator, params })).status).toBe(409);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sqs.calls()).toHaveLength(0);
  });

  it('answers 409 when the letter changed between the read and the write', async () => {
    db.on(GetCommand).resolves({ Item: failed });
    db.on(UpdateCommand).rejects(Object.assign(new Error('condition'), { name: 'ConditionalCheckFailedException' }));
    expect((await invoke(route, { as: operator, params })).status).toBe(409);
    expect(sqs.calls()).toHaveLength(0);
  });

  it('requeues the letter in one conditional write, puts it on the queue and closes the desk’s call (202)', async () => {
    db.on(GetCommand).resolves({ Item: failed });
    db.on(UpdateCommand).resolves({});
    sqs.on(SendMessageCommand).resolves({});
    const answer = await invoke(route, { as: operator, params });
    expect(answer.status).toBe(202);
    expect(EmailRequeued.parse(answer.body)).toEqual({ id: ID, dossierCode: CODE, eventKey: 'receipt', state: 'queued' });

    const [requeue, contact] = db.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(requeue!.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'EMAIL#receipt' });
    expect(requeue!.ConditionExpression).toBe('#s = :seen AND (#c = :claim OR attribute_not_exists(#c))');
    expect(requeue!.ExpressionAttributeValues).toMatchObject({ ':queued': 'queued', ':seen': 'failed', ':claim': 2 });
    expect(requeue!.ExpressionAttributeValues?.[':before'][0]).toMatchObject({ state: 'failed', lastError: 'rejected', by: 'operator-1' });
    expect(contact!.Key).toEqual({ PK: `DOSSIER#${CODE}`, SK: 'CONTACT#receipt' });

    const message = sqs.commandCalls(SendMessageCommand)[0]!.args[0].input;
    expect(message.QueueUrl).toBe('http://queue.unit/emails');
    // ids only on the queue: never an address
    expect(JSON.parse(message.MessageBody!)).toEqual({ dossierCode: CODE, eventKey: 'receipt' });
  });
});
