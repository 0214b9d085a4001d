import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf } from '../../test/support/route-unit';
import { CODE, feedbackTable, item, seed, stored } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { setClockSource } from '../commons/clock';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;
const params = { code: CODE };

describe('POST /feedback/{code}/assign', () => {
  beforeEach(() => {
    db.reset();
    table = feedbackTable(db);
    seed(table, item());
    setClockSource(() => Date.parse('2026-12-07T03:00:00Z'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    setClockSource(() => Date.now());
  });

  it('the desk assigns and classifies it (200); it enters the agency\'s list; the same again changes nothing', async () => {
    const answer = await invoke(route, { as: desk, params, body: { agency: 'STP', kind: 'rule' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'assigned', assignedTo: 'STP', kind: 'rule' });
    expect(table.get({ PK: `FEEDBACK#${CODE}`, SK: 'META' })).toMatchObject({ GSI2PK: 'FEEDBACK#STP' });
    expect((await invoke(route, { as: desk, params, body: { agency: 'STP' } })).status).toBe(200);
    expect(stored(table).assignments).toHaveLength(1);
  });

  it('reassigning needs a reason (400 naming it), then keeps it', async () => {
    await invoke(route, { as: desk, params, body: { agency: 'STP' } });
    const bare = await invoke(route, { as: desk, params, body: { agency: 'SXD' } });
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0].field).toBe('reason');
    const moved = await invoke(route, { as: desk, params, body: { agency: 'SXD', reason: 'Thuộc lĩnh vực xây dựng' } });
    expect(moved.status).toBe(200);
    expect(stored(table)).toMatchObject({ assignedTo: 'SXD', GSI2PK: 'FEEDBACK#SXD' } as never);
    expect(stored(table).assignments!.map((a) => [a.agency, a.reason])).toEqual([['STP', undefined], ['SXD', 'Thuộc lĩnh vực xây dựng']]);
  });

  it('refuses an agency\'s officer (403) and the public (401); an unknown agency (400); an answered item (409)', async () => {
    expect((await invoke(route, { as: officerOf('STP'), params, body: { agency: 'STP' } })).status).toBe(403);
    expect((await invoke(route, { as: 'public', params, body: { agency: 'STP' } })).status).toBe(401);
    const unknown = await invoke(route, { as: desk, params, body: { agency: 'NOPE' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('agency');
    seed(table, item({ status: 'answered', answer: { text: 'x', at: '2026-12-08T00:00:00.000Z', by: 'o' } }));
    expect((await invoke(route, { as: desk, params, body: { agency: 'STP' } })).status).toBe(409);
  });
});
