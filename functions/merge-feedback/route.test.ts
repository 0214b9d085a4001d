import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf } from '../../test/support/route-unit';
import { CODE, OTHER, feedbackTable, item, seed, stored } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;

describe('POST /feedback/{code}/merge', () => {
  beforeEach(() => {
    db.reset();
    table = feedbackTable(db);
    seed(table, item({ code: OTHER, status: 'assigned', assignedTo: 'STP' }));
    seed(table, item({ code: CODE, status: 'assigned', assignedTo: 'STP' }));
  });
  afterEach(() => vi.unstubAllEnvs());

  it('closes the duplicate as merged and lists it on the other, in two conditional writes (200); again: the same', async () => {
    const answer = await invoke(route, { as: desk, params: { code: OTHER }, body: { into: CODE } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'merged', mergedInto: CODE });
    expect(stored(table, CODE).merged).toEqual([OTHER]);
    expect((stored(table, OTHER) as unknown as Record<string, unknown>).GSI2PK).toBeUndefined();
    expect((await invoke(route, { as: desk, params: { code: OTHER }, body: { into: CODE } })).status).toBe(200);
    expect(stored(table, CODE).merged).toEqual([OTHER]);
  });

  it('refuses itself (400), an unknown target (400), an answered target (409), an agency (403)', async () => {
    expect((await invoke(route, { as: desk, params: { code: OTHER }, body: { into: OTHER } })).body.errors[0].field).toBe('into');
    expect((await invoke(route, { as: desk, params: { code: OTHER }, body: { into: 'PA-261207-0999' } })).status).toBe(400);
    expect((await invoke(route, { as: officerOf('STP'), params: { code: OTHER }, body: { into: CODE } })).status).toBe(403);
    seed(table, item({ code: CODE, status: 'answered', assignedTo: 'STP', answer: { text: 'x', at: '2026-12-08T00:00:00.000Z', by: 'o' } }));
    expect((await invoke(route, { as: desk, params: { code: OTHER }, body: { into: CODE } })).status).toBe(409);
    expect(stored(table, OTHER).status).toBe('assigned');
  });

  it('a retry after a crash between the two writes lists the duplicate on the other', async () => {
    seed(table, item({ code: OTHER, status: 'merged', mergedInto: CODE }));
    expect((await invoke(route, { as: desk, params: { code: OTHER }, body: { into: CODE } })).status).toBe(200);
    expect(stored(table, CODE).merged).toEqual([OTHER]);
  });
});
