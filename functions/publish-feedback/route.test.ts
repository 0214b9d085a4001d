import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { CODE, feedbackTable, item, seed, stored } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;
const params = { code: CODE };
const answered = item({
  status: 'assigned',
  assignedTo: 'STP',
  text: 'Tôi là Nguyễn Văn An (CCCD 001099012345, ĐT 0912 345 678), hồ sơ TTHCC-261201-0003 quá hạn. Liên hệ an@example.vn.',
});

describe('POST /feedback/{code}/publish', () => {
  beforeEach(() => {
    db.reset();
    table = feedbackTable(db);
    seed(table, { ...answered, status: 'answered', answer: { text: 'Kính gửi ông Nguyễn Văn An: hồ sơ đã có kết quả.', at: '2026-12-10T02:00:00.000Z', by: 'officer-stp', agency: 'STP' } });
  });
  afterEach(() => vi.unstubAllEnvs());

  it('an operator publishes an anonymised copy of its own (200): no name, email, phone, ID number or dossier code', async () => {
    const answer = await invoke(route, { as: operator, params, body: {} });
    expect(answer.status).toBe(200);
    expect(answer.body.published.by).toBe('operator-1');
    const copy = table.get({ PK: `FEEDBACK#${CODE}`, SK: 'PUBLISHED' })!;
    expect(copy).toMatchObject({ GSI1PK: 'FEEDBACK#PUBLISHED', kind: 'handling', agency: { vi: expect.any(String), en: expect.any(String) } });
    const published = JSON.stringify(copy);
    for (const personal of ['Nguyễn', 'An ', 'an@example.vn', '001099012345', '0912', 'TTHCC-261201-0003']) expect(published).not.toContain(personal);
    expect(copy.question).toContain('quá hạn');
  });

  it('anonymises the operator\'s own wording too', async () => {
    await invoke(route, { as: operator, params, body: { question: 'Ông Nguyễn Văn An hỏi về hạn hồ sơ, gọi 0912345678.' } });
    expect(table.get({ PK: `FEEDBACK#${CODE}`, SK: 'PUBLISHED' })!.question).toBe('Ông […] hỏi về hạn hồ sơ, gọi […].');
  });

  it('only operators (403 to the desk and agencies, 401 to the public); an unanswered item is not published (409)', async () => {
    expect((await invoke(route, { as: desk, params, body: {} })).status).toBe(403);
    expect((await invoke(route, { as: officerOf('STP'), params, body: {} })).status).toBe(403);
    expect((await invoke(route, { as: 'public', params, body: {} })).status).toBe(401);
    seed(table, answered);
    expect((await invoke(route, { as: operator, params, body: {} })).status).toBe(409);
    expect(stored(table).published).toBeUndefined();
  });
});
