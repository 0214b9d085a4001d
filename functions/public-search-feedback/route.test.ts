import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { feedbackTable, item, seed } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { PublishedList } from '../contracts/feedback';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;

describe('GET /public/feedback', () => {
  beforeEach(() => {
    db.reset();
    table = feedbackTable(db);
    // an answered item not published: its text must never show
    seed(table, item({ code: 'PA-261207-0003', status: 'answered', text: 'Lý lịch tư pháp của Nguyễn Văn An', answer: { text: 'x', at: '2026-12-09T02:00:00.000Z', by: 'o' } }));
    const published = (code: string, question: string, at: string) =>
      table.put({ PK: `FEEDBACK#${code}`, SK: 'PUBLISHED', GSI1PK: 'FEEDBACK#PUBLISHED', GSI1SK: `${at}#${code}`, code, kind: 'question', question, answer: 'Trả lời.', answeredAt: at, publishedAt: at });
    published('PA-261207-0001', 'Lệ phí cấp phiếu lý lịch tư pháp là bao nhiêu?', '2026-12-09T02:00:00.000Z');
    published('PA-261207-0002', 'Thời hạn cấp giấy phép xây dựng?', '2026-12-10T02:00:00.000Z');
  });
  afterEach(() => vi.unstubAllEnvs());

  const codes = (body: { items: { code: string }[] }) => body.items.map((i) => i.code);

  it('anyone reads the published answers, newest first (200)', async () => {
    const answer = await invoke(route, { as: 'public' });
    expect(answer.status).toBe(200);
    expect(codes(PublishedList.parse(answer.body))).toEqual(['PA-261207-0002', 'PA-261207-0001']);
    expect(answer.body.items[0].publishedAt).toBe('2026-12-10T09:00:00+07:00');
  });

  it('finds with or without diacritics; never an unpublished item', async () => {
    for (const q of ['lý lịch', 'ly lich tu phap', 'LE PHI']) expect(codes((await invoke(route, { query: { q } })).body)).toEqual(['PA-261207-0001']);
    expect(codes((await invoke(route, { query: { q: 'Nguyễn' } })).body)).toEqual([]);
    expect((await invoke(route, { query: { q: 'x'.repeat(201) } })).body.errors[0].field).toBe('q');
  });
});
