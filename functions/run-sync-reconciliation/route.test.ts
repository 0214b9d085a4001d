import { DynamoDBClient } from '../commons/aws/dynamodb';
import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { reconcile } from '../commons/reconcile';
import { route } from './route';

vi.mock('../commons/reconcile', async (original) => ({ ...(await original<object>()), reconcile: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const records = mockClient(DynamoDBClient);
let n = 0;
const headers = () => ({ 'idempotency-key': `reconcile-key-${++n}` });

describe('POST /ops/sync/reconciliation', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    records.reset();
    records.resolves({});
    vi.mocked(reconcile).mockReset();
  });

  it('answers 401 to a caller who is not signed in and refuses the desk (403), running nothing', async () => {
    expect((await invoke(route, { as: 'nobody', headers: headers() })).status).toBe(401);
    expect((await invoke(route, { as: desk, headers: headers() })).status).toBe(403);
    expect(reconcile).not.toHaveBeenCalled();
  });

  it('runs it now and answers the differences', async () => {
    vi.mocked(reconcile).mockResolvedValue({ date: '2026-12-07', at: '2026-12-07T03:00:00.000Z', checked: 1, differences: [{ code: 'TTHCC-261207-0001', maHoSo: 'TTHCC-261207-0001', kind: 'missing', ours: 2 }], errors: [] });
    const r = await invoke(route, { as: operator, headers: headers() });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ at: '2026-12-07T10:00:00+07:00', checked: 1, differences: [{ kind: 'missing' }] });
  });

  it('answers 503 when the centre is not connected', async () => {
    vi.mocked(reconcile).mockResolvedValue(undefined);
    expect((await invoke(route, { as: operator, headers: headers() })).status).toBe(503);
  });
});
