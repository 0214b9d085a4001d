import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const CODE = 'TTHCC-261207-0001';
const params = { id: `${CODE}.1` };
const item = (portalState: string) => ({
  PK: `DOSSIER#${CODE}`, SK: `EVENT#${CODE}/received`,
  event: { id: `${CODE}/received`, code: CODE, kind: 'received', at: '2026-12-07T02:00:00.000Z', status: 2 },
  seq: 1, recordedAt: '2026-12-07T02:00:00.000Z', portalState, portalAttempts: 8,
});
const headers = { 'idempotency-key': 'retry-key-1' };

describe('POST /ops/sync/{id}/retry', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params })).status).toBe(401);
  });

  it('refuses the desk (403)', async () => {
    expect((await invoke(route, { as: desk, params })).status).toBe(403);
  });

  it('names the id when it is not <dossierCode>.<sequence> (400)', async () => {
    const answer = await invoke(route, { as: operator, params: { id: 'nope' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('id');
  });

  it('answers 404 for an event that does not exist', async () => {
    db.on(QueryCommand).resolves({ Items: [] });
    expect((await invoke(route, { as: operator, params })).status).toBe(404);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 409 for an event the portal accepted', async () => {
    db.on(QueryCommand).resolves({ Items: [item('sent')] });
    expect((await invoke(route, { as: operator, params })).status).toBe(409);
    expect(db.commandCalls(UpdateCommand).filter((c) => String(c.args[0].input.Key?.SK).startsWith('EVENT#'))).toHaveLength(0);
  });

  it('puts a parked event back in the queue with a fresh budget (202)', async () => {
    db.on(QueryCommand).resolves({ Items: [item('parked')] });
    db.on(UpdateCommand).resolves({});
    const answer = await invoke(route, { as: operator, params });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ id: `${CODE}.1`, code: CODE, seq: 1, state: 'pending' });
    const update = db.commandCalls(UpdateCommand).find((c) => String(c.args[0].input.Key?.SK).startsWith('EVENT#'))!;
    expect(update.args[0].input.ExpressionAttributeValues).toMatchObject({ ':s': 'pending', ':zero': 0, ':pk': 'SYNC#pending' });
  });
});
