import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { feedbackTable, item, seed } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { setClockSource } from '../commons/clock';
import { FeedbackFiguresAnswer } from '../contracts/feedback';
import { route as getFeedback } from '../get-feedback/route';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;
const query = { from: '2026-12-01', to: '2026-12-31' };

describe('GET /feedback/figures', () => {
  beforeEach(() => {
    db.reset();
    table = feedbackTable(db);
    seed(table, item({ code: 'PA-261207-0001', status: 'assigned', assignedTo: 'STP' }));
    seed(table, item({ code: 'PA-261207-0002', status: 'answered', assignedTo: 'SXD', channel: 'hotline', answer: { text: 'a', at: '2026-12-09T02:00:00.000Z', by: 'o', agency: 'SXD' } }));
    seed(table, item({ code: 'PA-261130-0001', receivedAt: '2026-11-30T02:00:00.000Z' }));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    setClockSource(() => Date.now());
  });

  it('a lapse: the unanswered item warns its agency, then appears as late in the figures', async () => {
    setClockSource(() => Date.parse('2026-12-17T03:00:00Z')); // past the warning (17 Dec 09:00)
    const warned = await invoke(getFeedback, { as: officerOf('STP'), params: { code: 'PA-261207-0001' } });
    expect(warned.body).toMatchObject({ warning: true, late: false });
    expect((await invoke(route, { as: desk, query })).body.late).toBe(0);

    setClockSource(() => Date.parse('2026-12-21T02:01:00Z')); // past the due time (21 Dec 09:00)
    const answer = await invoke(route, { as: desk, query });
    expect(answer.status).toBe(200);
    const figures = FeedbackFiguresAnswer.parse(answer.body);
    expect(figures).toMatchObject({ from: '2026-12-01', to: '2026-12-31', total: 2, late: 1 });
    const row = (by: string, key: string) => figures.rows.find((r) => r.by === by && r.key === key);
    expect(row('agency', 'STP')).toMatchObject({ received: 1, open: 1, openLate: 1 });
    expect(row('agency', 'SXD')).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1 });
    expect(row('channel', 'hotline')).toMatchObject({ received: 1 });
    expect(row('month', '2026-12')).toMatchObject({ received: 2 });
  });

  it('operators too; agencies (403) and the public (401) are refused; a bad period names its field (400)', async () => {
    expect((await invoke(route, { as: operator, query })).status).toBe(200);
    expect((await invoke(route, { as: officerOf('STP'), query })).status).toBe(403);
    expect((await invoke(route, { as: 'public', query })).status).toBe(401);
    expect((await invoke(route, { as: desk, query: { from: '2026-12-31', to: '2026-12-01' } })).body.errors[0].field).toBe('to');
    expect((await invoke(route, { as: desk, query: { from: '2026-12', to: '2026-12-01' } })).body.errors[0].field).toBe('from');
    expect((await invoke(route, { as: desk, query: { from: '2025-01-01', to: '2026-12-01' } })).body.errors[0].field).toBe('to');
  });
});
