import { DeleteCommand, DynamoDBDocumentClient, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { invoke, officerOf, operator } from '../../test/support/route-unit';
import { storedSubscription, webhookParams as params, WEBHOOK_ID } from '../../test/support/webhook-unit';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

describe('DELETE /agencies/{agencyCode}/webhooks/{id}', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in; refuses another agency and operators (403), deleting nothing', async () => {
    expect((await invoke(route, { params })).status).toBe(401);
    expect((await invoke(route, { as: officerOf('CATP'), params })).status).toBe(403);
    expect((await invoke(route, { as: operator, params })).status).toBe(403);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  it('answers 404 for a subscription it does not have', async () => {
    db.on(QueryCommand).resolves({ Items: [] });
    expect((await invoke(route, { as: officerOf('STP'), params })).status).toBe(404);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  it('deletes its own subscription', async () => {
    db.on(QueryCommand).resolves({ Items: [storedSubscription()] });
    db.on(DeleteCommand).resolves({});
    const answer = await invoke(route, { as: officerOf('STP'), params });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: WEBHOOK_ID, deleted: true });
    expect(db.commandCalls(DeleteCommand)[0]!.args[0].input.Key).toEqual({ PK: 'WEBHOOK#STP', SK: `SUB#${WEBHOOK_ID}` });
  });
});
