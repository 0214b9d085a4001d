import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { SQSClient, SendMessageCommand } from '../commons/aws/sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke, sessionItem } from '../../test/support/route-unit';
import { feedbackTable, stored } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { setClockSource } from '../commons/clock';
import { FEEDBACK_CLIENT_MAX } from '../commons/feedback-store';
import { FeedbackReceived } from '../contracts/feedback';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
let table: FakeTable;
const body = { kind: 'handling', text: 'Hồ sơ TTHCC-261201-0003 của tôi đã quá hạn mà chưa có kết quả.', name: 'Trần Thị Bình', email: 'binh@example.vn', dossierCode: 'TTHCC-261201-0003' };

describe('POST /public/feedback', () => {
  beforeEach(() => {
    db.reset();
    sqs.reset();
    sqs.on(SendMessageCommand).resolves({});
    table = feedbackTable(db);
    setClockSource(() => Date.parse('2026-12-07T02:00:00Z')); // Monday 09:00 local
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    setClockSource(() => Date.now());
  });

  it('receives it anonymously or not (201): a day counter code, due in 10 working days, the receipt queued with ids only', async () => {
    const answer = await invoke(route, { body });
    expect(answer.status).toBe(201);
    expect(FeedbackReceived.parse(answer.body)).toEqual({ code: 'PA-261207-0001', dueAt: '2026-12-21T09:00:00+07:00' });
    expect(stored(table)).toMatchObject({ channel: 'web', kind: 'handling', status: 'received', name: 'Trần Thị Bình', email: 'binh@example.vn', dossierCode: 'TTHCC-261201-0003', receivedBy: 'public' });
    expect(table.get({ PK: 'FEEDBACK#PA-261207-0001', SK: 'EMAIL#feedback-received' })).toMatchObject({ state: 'queued', event: 'feedback-received' });
    const message = sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageBody!;
    expect(JSON.parse(message)).toEqual({ dossierCode: 'PA-261207-0001', eventKey: 'feedback-received' });
    expect(message).not.toContain('example.vn');

    const second = await invoke(route, { body: { kind: 'question', text: 'Lệ phí cấp phiếu lý lịch tư pháp là bao nhiêu?' } });
    expect(second.body.code).toBe('PA-261207-0002');
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1); // no address, no letter
  });

  it('names the wrong field in the reader\'s language (400) and keeps nothing', async () => {
    for (const [bad, field] of [
      [{ ...body, kind: 'rant' }, 'kind'],
      [{ ...body, text: ' \u200b ' }, 'text'],
      [{ ...body, email: 'not-an-address' }, 'email'],
      [{ ...body, dossierCode: '12' }, 'dossierCode'],
      [{ ...body, channel: 'hotline' }, 'channel'],
    ] as const) {
      const answer = await invoke(route, { body: bad, headers: { 'accept-language': 'vi' } });
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect(table.all().filter((i) => String(i.PK).startsWith('FEEDBACK#'))).toHaveLength(0);
  });

  it(`answers 429 with Retry-After after ${FEEDBACK_CLIENT_MAX} from one client in an hour`, async () => {
    for (let i = 0; i < FEEDBACK_CLIENT_MAX; i++) expect((await invoke(route, { body: { kind: 'question', text: `Câu hỏi ${i}` } })).status).toBe(201);
    const refused = await invoke(route, { body: { kind: 'question', text: 'Một câu nữa' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBe(3600);
    const other = await invoke(route, { body: { kind: 'question', text: 'Từ máy khác' }, headers: { 'cloudfront-viewer-address': '198.51.100.7:443' } });
    expect(other.status).toBe(429); // the header counts only where the stack trusts it (CLIENT_IP_HEADER)
  });

  it('attaches a signed-in citizen by reference, never by ID number', async () => {
    const citizen = { identityNumber: '001099012345', name: 'Lê Văn Cường', email: 'cuong@example.vn' };
    table.put(sessionItem(citizen));
    const answer = await invoke(route, { body: { kind: 'suggestion', text: 'Nên có thêm quầy.' }, headers: { authorization: `Bearer unit-citizen-session-token-0000000000000000` } });
    expect(answer.status).toBe(201);
    const f = stored(table);
    expect(f).toMatchObject({ name: 'Lê Văn Cường', email: 'cuong@example.vn' });
    expect(f.citizenRef).toMatch(/\S/);
    expect(JSON.stringify(f)).not.toContain('001099012345');
  });
});
