import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { feedbackTable, item, seed } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { setClockSource } from '../commons/clock';
import { FeedbackList } from '../contracts/feedback';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;

describe('GET /feedback', () => {
  beforeEach(() => {
    db.reset();
    table = feedbackTable(db);
    seed(table, item({ code: 'PA-261207-0001', status: 'assigned', assignedTo: 'STP' }));
    seed(table, item({ code: 'PA-261207-0002', status: 'assigned', assignedTo: 'SXD', channel: 'hotline', receivedAt: '2026-12-07T03:00:00.000Z' }));
    seed(table, item({ code: 'PA-261208-0001', kind: 'question', receivedAt: '2026-12-08T02:00:00.000Z', dueAt: '2026-12-22T02:00:00.000Z', warnAt: '2026-12-18T02:00:00.000Z' }));
    setClockSource(() => Date.parse('2026-12-21T09:00:00Z')); // past the first two's due time
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    setClockSource(() => Date.now());
  });

  const codes = (body: { items: { code: string }[] }) => body.items.map((i) => i.code);

  it('the desk and operators see all, newest first, without personal data in the list', async () => {
    for (const as of [desk, operator]) {
      const answer = await invoke(route, { as });
      expect(answer.status).toBe(200);
      expect(codes(FeedbackList.parse(answer.body))).toEqual(['PA-261208-0001', 'PA-261207-0002', 'PA-261207-0001']);
      expect(JSON.stringify(answer.body)).not.toMatch(/an@example\.vn|Nguyễn Văn An/);
    }
  });

  it('filters: late, warning, status, agency, kind, channel', async () => {
    const q = async (query: Record<string, string>) => codes((await invoke(route, { as: desk, query })).body);
    expect(await q({ late: 'true' })).toEqual(['PA-261207-0002', 'PA-261207-0001']);
    expect(await q({ warning: 'true' })).toEqual(['PA-261208-0001']);
    expect(await q({ status: 'received' })).toEqual(['PA-261208-0001']);
    expect(await q({ agency: 'STP' })).toEqual(['PA-261207-0001']);
    expect(await q({ kind: 'question' })).toEqual(['PA-261208-0001']);
    expect(await q({ channel: 'hotline' })).toEqual(['PA-261207-0002']);
  });

  it('pages with a cursor', async () => {
    const first = await invoke(route, { as: desk, query: { limit: '2' } });
    expect(codes(first.body)).toEqual(['PA-261208-0001', 'PA-261207-0002']);
    const second = await invoke(route, { as: desk, query: { limit: '2', cursor: first.body.nextCursor } });
    expect(codes(second.body)).toEqual(['PA-261207-0001']);
    expect(second.body.nextCursor).toBeUndefined();
    expect((await invoke(route, { as: desk, query: { cursor: 'x' } })).body.errors[0].field).toBe('cursor');
  });

  it("an agency's officers see their agency's only; naming another is refused (403); the public too (401)", async () => {
    expect(codes((await invoke(route, { as: officerOf('STP') })).body)).toEqual(['PA-261207-0001']);
    expect((await invoke(route, { as: officerOf('STP'), query: { agency: 'SXD' } })).status).toBe(403);
    expect((await invoke(route, { as: 'public' })).status).toBe(401);
  });
});
