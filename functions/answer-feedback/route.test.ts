import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { SQSClient, SendMessageCommand } from '../commons/aws/sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { CODE, OTHER, feedbackTable, item, seed, stored } from '../../test/support/feedback';
import type { FakeTable } from '../../test/support/fake-table';
import { setClockSource } from '../commons/clock';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
let table: FakeTable;
const params = { code: CODE };
const body = { text: 'Hồ sơ đã được giải quyết ngày 10/12/2026; Sở xin lỗi ông/bà vì sự chậm trễ.' };

describe('POST /feedback/{code}/answer', () => {
  beforeEach(() => {
    db.reset();
    sqs.reset();
    sqs.on(SendMessageCommand).resolves({});
    table = feedbackTable(db);
    seed(table, item({ status: 'assigned', assignedTo: 'STP', merged: [OTHER] }));
    seed(table, item({ code: OTHER, status: 'merged', mergedInto: CODE, email: 'other@example.vn' }));
    setClockSource(() => Date.parse('2026-12-10T02:00:00Z'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    setClockSource(() => Date.now());
  });

  it('the assigned agency answers once (200); the answer goes by email to the citizen and to the merged duplicate\'s', async () => {
    const answer = await invoke(route, { as: officerOf('STP'), params, body });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'answered', late: false, answer: { text: body.text, agency: 'STP', by: 'officer-stp' } });
    expect(stored(table, OTHER).answer?.text).toBe(body.text);
    const messages = sqs.commandCalls(SendMessageCommand).map((c) => JSON.parse(c.args[0].input.MessageBody!));
    expect(messages).toEqual([
      { dossierCode: CODE, eventKey: 'feedback-answered' },
      { dossierCode: OTHER, eventKey: 'feedback-answered' },
    ]);
    expect((await invoke(route, { as: officerOf('STP'), params, body })).status).toBe(409);
  });

  it('the desk may answer too', async () => {
    expect((await invoke(route, { as: desk, params, body })).status).toBe(200);
    expect(stored(table).answer).toMatchObject({ by: 'desk-officer' });
    expect(stored(table).answer?.agency).toBeUndefined();
  });

  it('another agency is told nothing (404); an operator (403) and the public (401) are refused; nothing changes', async () => {
    expect((await invoke(route, { as: officerOf('SXD'), params, body })).status).toBe(404);
    expect((await invoke(route, { as: operator, params, body })).status).toBe(403);
    expect((await invoke(route, { as: 'public', params, body })).status).toBe(401);
    expect(stored(table).status).toBe('assigned');
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('a merged item is answered through the other (409); an empty answer names `text` (400)', async () => {
    expect((await invoke(route, { as: desk, params: { code: OTHER }, body })).status).toBe(409);
    const empty = await invoke(route, { as: desk, params, body: { text: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('text');
  });
});
