import { DynamoDBDocumentClient, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { route, SyncList } from './route';

const db = mockClient(DynamoDBDocumentClient);
const CODE = 'TTHCC-261207-0001';
const parked = {
  PK: `DOSSIER#${CODE}`, SK: `EVENT#${CODE}/received`, GSI1PK: 'SYNC#parked', GSI1SK: `2026-12-07T02:00:00.000Z#${CODE}#000001`,
  event: { id: `${CODE}/received`, code: CODE, kind: 'received', at: '2026-12-07T02:00:00.000Z', status: 2 },
  seq: 1, recordedAt: '2026-12-07T02:00:00.000Z', portalState: 'parked', portalAttempts: 8, portalError: 'DongBoHoSoMC: HTTP 503',
};

describe('GET /ops/sync', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, {})).status).toBe(401);
  });

  it('refuses the desk (403): the sync is the operators’', async () => {
    expect((await invoke(route, { as: desk })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the state when it is neither pending nor parked (400)', async () => {
    const answer = await invoke(route, { as: operator, query: { state: 'sent' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('state');
  });

  it('lists the parked events with their error and the id to resend them, no personal data', async () => {
    db.on(QueryCommand, { IndexName: 'GSI1', ExpressionAttributeValues: { ':pk': 'SYNC#parked' } }).resolves({ Items: [parked, { ...parked, seq: 2, portalState: 'sent' }] });
    const answer = await invoke(route, { as: operator });
    expect(answer.status).toBe(200);
    expect(SyncList.parse(answer.body).events).toEqual([
      { id: `${CODE}.1`, code: CODE, seq: 1, kind: 'received', at: '2026-12-07T09:00:00+07:00', status: 2, state: 'parked', attempts: 8, error: 'DongBoHoSoMC: HTTP 503', recordedAt: '2026-12-07T09:00:00+07:00' },
    ]);
  });
});
