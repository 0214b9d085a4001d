import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { CODE, feedbackTable, item, seed } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { setClockSource } from '../commons/clock';
import { FeedbackView } from '../contracts/feedback';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;

describe('GET /feedback/{code}', () => {
  beforeEach(() => {
    db.reset();
    table = feedbackTable(db);
    seed(table, item({ status: 'assigned', assignedTo: 'STP', assignments: [{ at: '2026-12-07T03:00:00.000Z', by: 'desk-officer', agency: 'STP' }], citizenRef: 'ref' }));
    setClockSource(() => Date.parse('2026-12-18T02:00:00Z')); // past the warning, before the due time
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    setClockSource(() => Date.now());
  });

  it('the desk, operators and the assigned agency read it, with its warning (200)', async () => {
    for (const as of [desk, operator, officerOf('STP')]) {
      const answer = await invoke(route, { as, params: { code: CODE } });
      expect(answer.status).toBe(200);
      const view = FeedbackView.parse(answer.body);
      expect(view).toMatchObject({ code: CODE, assignedTo: 'STP', warning: true, late: false, signedIn: true, dueAt: '2026-12-21T09:00:00+07:00' });
      expect(answer.body.citizenRef).toBeUndefined();
    }
  });

  it('another agency is told nothing (404), the public is refused (401), an unknown code 404, a malformed one 400', async () => {
    expect((await invoke(route, { as: officerOf('SXD'), params: { code: CODE } })).status).toBe(404);
    expect((await invoke(route, { as: 'public', params: { code: CODE } })).status).toBe(401);
    expect((await invoke(route, { as: desk, params: { code: 'PA-261207-0999' } })).status).toBe(404);
    const bad = await invoke(route, { as: desk, params: { code: 'TTHCC-261207-0001' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('code');
  });
});
