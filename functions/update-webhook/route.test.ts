import { DynamoDBDocumentClient, UpdateCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { invoke, officerOf, operator } from '../../test/support/route-unit';
import { storedSubscription, webhookParams as params } from '../../test/support/webhook-unit';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

describe('PATCH /agencies/{agencyCode}/webhooks/{id}', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in; refuses another agency and operators (403), changing nothing', async () => {
    expect((await invoke(route, { params, body: { enabled: true } })).status).toBe(401);
    expect((await invoke(route, { as: officerOf('CATP'), params, body: { enabled: true } })).status).toBe(403);
    expect((await invoke(route, { as: operator, params, body: { enabled: true } })).status).toBe(403);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('names the field of a wrong body (400)', async () => {
    const answer = await invoke(route, { as: officerOf('STP'), params, body: { enabled: 'yes' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('enabled');
  });

  it('answers 404 for a subscription it does not have', async () => {
    db.on(UpdateCommand).rejects(Object.assign(new Error('c'), { name: 'ConditionalCheckFailedException' }));
    expect((await invoke(route, { as: officerOf('STP'), params, body: { enabled: true } })).status).toBe(404);
  });

  it('re-enables a disabled subscription', async () => {
    db.on(UpdateCommand).resolves({ Attributes: storedSubscription() });
    const answer = await invoke(route, { as: officerOf('STP'), params, body: { enabled: true } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ state: 'enabled' });
    expect(db.commandCalls(UpdateCommand)[0]!.args[0].input.UpdateExpression).toBe('REMOVE disabledAt, disabledReason');
  });
});
