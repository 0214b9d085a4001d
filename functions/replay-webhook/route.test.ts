import { DynamoDBClient } from '../commons/aws/dynamodb';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { invoke, officerOf, operator } from '../../test/support/route-unit';
import { storedSubscription, webhookParams as params, WEBHOOK_ID } from '../../test/support/webhook-unit';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const records = mockClient(DynamoDBClient);
const CODE = 'TTHCC-261207-0001';
let n = 0;
const headers = () => ({ 'idempotency-key': `replay-key-${++n}` });
const event = (agency: string) => ({ PK: `DOSSIER#${CODE}`, SK: `EVENT#${CODE}/step-assigned/s1`, seq: 2, recordedAt: '2026-12-07T02:00:00.000Z', portalState: 'sent', portalAttempts: 1, event: { id: `${CODE}/step-assigned/s1`, code: CODE, kind: 'step-assigned', at: '2026-12-07T02:00:00.000Z', status: 4, agency, stepId: 's1' } });

describe('POST /agencies/{agencyCode}/webhooks/{id}/replay', () => {
  beforeEach(() => {
    db.reset();
    records.reset();
    records.resolves({});
  });

  it('answers 401 to a caller who is not signed in; refuses another agency and operators (403)', async () => {
    expect((await invoke(route, { params, headers: headers(), body: { code: CODE, seq: 2 } })).status).toBe(401);
    expect((await invoke(route, { as: officerOf('CATP'), params, headers: headers(), body: { code: CODE, seq: 2 } })).status).toBe(403);
    expect((await invoke(route, { as: operator, params, headers: headers(), body: { code: CODE, seq: 2 } })).status).toBe(403);
  });

  it("answers 404 for an event of another agency's step, changing nothing", async () => {
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'WEBHOOK#STP', ':s': 'SUB#' } }).resolves({ Items: [storedSubscription()] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': `DOSSIER#${CODE}` } }).resolves({ Items: [event('CATP')] });
    expect((await invoke(route, { as: officerOf('STP'), params, headers: headers(), body: { code: CODE, seq: 2 } })).status).toBe(404);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it("puts the event back in the subscription's queue with a fresh budget (202)", async () => {
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'WEBHOOK#STP', ':s': 'SUB#' } }).resolves({ Items: [storedSubscription()] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': `DOSSIER#${CODE}` } }).resolves({ Items: [event('STP')] });
    db.on(UpdateCommand).resolves({ Attributes: {} });
    const answer = await invoke(route, { as: officerOf('STP'), params, headers: headers(), body: { code: CODE, seq: 2 } });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ id: WEBHOOK_ID, eventId: `${CODE}/step-assigned/s1`, state: 'pending' });
    const set = db.commandCalls(UpdateCommand).find((c) => c.args[0].input.UpdateExpression === 'SET hooks.#s = :v')!;
    expect(set.args[0].input.ExpressionAttributeNames).toEqual({ '#s': WEBHOOK_ID });
    expect(set.args[0].input.ExpressionAttributeValues).toEqual({ ':v': { state: 'pending', attempts: 0, replay: true } });
  });
});
