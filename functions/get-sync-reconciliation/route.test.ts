import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const query = { date: '2026-12-07' };

describe('GET /ops/sync/reconciliation', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in and refuses the desk (403)', async () => {
    expect((await invoke(route, { as: 'nobody', query })).status).toBe(401);
    expect((await invoke(route, { as: desk, query })).status).toBe(403);
  });

  it('names the date when it is not YYYY-MM-DD (400)', async () => {
    const r = await invoke(route, { as: operator, query: { date: '07/12/2026' } });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].field).toBe('date');
  });

  it('answers 404 for a day it did not run', async () => {
    db.on(GetCommand).resolves({});
    expect((await invoke(route, { as: operator, query })).status).toBe(404);
  });

  it("answers the day's differences, its instant in local time", async () => {
    const differences = [{ code: 'TTHCC-261207-0001', maHoSo: 'TTHCC-261207-0001', kind: 'status', ours: 4, theirs: 2 }];
    db.on(GetCommand).resolves({ Item: { PK: 'SYNC#RECONCILIATION', SK: '2026-12-07', date: '2026-12-07', at: '2026-12-06T22:00:00.000Z', checked: 3, differences, errors: [] } });
    const r = await invoke(route, { as: operator, query });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ date: '2026-12-07', at: '2026-12-07T05:00:00+07:00', checked: 3, differences, errors: [] });
  });
});
