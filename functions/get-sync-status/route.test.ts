import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { SyncStatus } from '../contracts/sync';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

describe('GET /ops/sync/status', () => {
  beforeEach(() => {
    db.reset();
    process.env.NATIONAL_PORTAL = JSON.stringify({ url: 'https://portal.example', secretName: 's', dstcode: 'H26', centreUnit: '000.00.00.H26', procedures: {}, units: {} });
  });
  afterEach(() => delete process.env.NATIONAL_PORTAL);

  it('answers 401 to a caller who is not signed in, 403 to the desk and an agency', async () => {
    expect((await invoke(route, { as: 'nobody' })).status).toBe(401);
    expect((await invoke(route, { as: desk })).status).toBe(403);
    expect((await invoke(route, { as: officerOf('STP') })).status).toBe(403);
  });

  it('counts the waiting and parked events, the last accepted call and the latest reconciliation, in local time', async () => {
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SYNC#pending' } }).resolves({ Items: [{ portalState: 'pending' }, { portalState: 'pending' }] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SYNC#parked' } }).resolves({ Items: [{ portalState: 'parked' }] });
    db.on(GetCommand, { Key: { PK: 'SYNC#STATUS', SK: 'PORTAL' } }).resolves({ Item: { lastSentAt: '2026-12-07T02:00:00.000Z' } });
    db.on(GetCommand, { Key: { PK: 'SYNC#RECONCILIATION' } as never }).resolves({});
    const r = await invoke(route, { as: operator });
    expect(r.status).toBe(200);
    expect(SyncStatus.parse(r.body)).toMatchObject({ connected: true, pending: 2, parked: 1, lastSentAt: '2026-12-07T09:00:00+07:00' });
  });
});
