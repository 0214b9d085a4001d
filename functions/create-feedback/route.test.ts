import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { SQSClient, SendMessageCommand } from '../commons/aws/sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { feedbackTable, stored } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { setClockSource } from '../commons/clock';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
let table: FakeTable;
const body = { channel: 'hotline', kind: 'rule', text: 'Người gọi hỏi vì sao phải nộp bản sao chứng thực.', phone: '0912 345 678', assignTo: 'STP' };

describe('POST /feedback', () => {
  beforeEach(() => {
    db.reset();
    sqs.reset();
    sqs.on(SendMessageCommand).resolves({});
    table = feedbackTable(db);
    setClockSource(() => Date.parse('2026-12-07T02:00:00Z'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    setClockSource(() => Date.now());
  });

  it('the desk enters what came by the hotline, assigned at once (201); no address, no letter', async () => {
    const answer = await invoke(route, { as: desk, body });
    expect(answer.status).toBe(201);
    expect(answer.body.code).toBe('PA-261207-0001');
    expect(stored(table)).toMatchObject({ channel: 'hotline', status: 'assigned', assignedTo: 'STP', phone: '+84912345678', receivedBy: 'desk-officer' });
    expect(stored(table).assignments).toEqual([{ at: '2026-12-07T02:00:00.000Z', by: 'desk-officer', agency: 'STP' }]);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
    expect((await invoke(route, { as: operator, body: { ...body, channel: 'zalo', assignTo: undefined } })).status).toBe(201);
  });

  it('refuses the public (401) and an agency\'s officer (403)', async () => {
    expect((await invoke(route, { as: 'public', body })).status).toBe(401);
    expect((await invoke(route, { as: officerOf('STP'), body })).status).toBe(403);
    expect(table.all().filter((i) => String(i.PK).startsWith('FEEDBACK#'))).toHaveLength(0);
  });

  it('names the field: an unknown agency (400), the web channel is the public form\'s (400)', async () => {
    const unknown = await invoke(route, { as: desk, body: { ...body, assignTo: 'XYZ' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('assignTo');
    const web = await invoke(route, { as: desk, body: { ...body, channel: 'web' } });
    expect(web.status).toBe(400);
    expect(web.body.errors[0].field).toBe('channel');
  });
});
