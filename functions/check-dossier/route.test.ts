import { GetCommand, PutCommand, QueryCommand, UpdateCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { SFNClient, StartExecutionCommand } from '../commons/aws/sfn';
import { SendMessageCommand, SQSClient } from '../commons/aws/sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { CheckDone } from '../contracts/responses';
import { openIndexKeys } from '../commons/open-index';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
const sqs = mockClient(SQSClient);

const CODE = 'TTHCC-261207-0001';
const NOW = '2026-12-07T03:00:00.000Z'; // Monday 10:00 in Hà Nội
const params = { code: CODE };
const procedure = { code: 'TP-LLTP', name: { vi: 'Lý lịch tư pháp', en: 'Criminal record' }, receivingAgency: 'TTHCC', stages: [{ steps: [{ stepId: 's1', agency: 'STP', budgetHours: 16 }] }] };
const online = { level: 'fully', applicationId: 'app-1', citizenRef: 'citizen:abc', submittedAt: '2026-12-07T02:00:00.000Z', answers: {}, checkDueAt: '2026-12-08T02:00:00.000Z' };
const submitted = (extra: Record<string, unknown> = {}) => ({
  PK: `DOSSIER#${CODE}`,
  SK: 'META',
  code: CODE,
  status: 1,
  channel: 'online',
  procedure,
  applicant: { name: 'Nguyễn Văn An', email: 'an@example.vn' },
  receivedAt: online.submittedAt,
  appointmentAt: '2026-12-09T02:00:00.000Z',
  online,
  ...extra,
});

const stored = (item: Record<string, unknown> | undefined) => db.on(GetCommand, { Key: { PK: `DOSSIER#${CODE}`, SK: 'META' } }).resolves({ Item: item });
const updates = () => db.commandCalls(UpdateCommand).map((c) => c.args[0].input);

describe('POST /dossiers/{code}/check', () => {
  beforeAll(() => {
    setClockSource(() => Date.parse(NOW));
    vi.stubEnv('STATE_MACHINE_ARN', 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:dossier');
    vi.stubEnv('EMAIL_QUEUE_URL', 'http://queue.unit/emails');
  });
  afterAll(() => {
    setClockSource(() => Date.now());
    vi.unstubAllEnvs();
  });
  beforeEach(() => {
    db.reset();
    sfn.reset();
    sqs.reset();
    db.on(QueryCommand).resolves({ Items: [] });
    db.on(PutCommand).resolves({});
  });

  it('answers 401 to a caller who is not signed in, and refuses an agency officer (403)', async () => {
    expect((await invoke(route, { params, body: { outcome: 'receive' } })).status).toBe(401);
    expect((await invoke(route, { as: officerOf('STP'), params, body: { outcome: 'receive' } })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it("refuses another branch's desk officer (403) and writes nothing", async () => {
    stored(submitted());
    const answer = await invoke(route, { as: { sub: 'bdh-officer', groups: ['desk', 'branch-BDH'] }, params, body: { outcome: 'receive' } });
    expect(answer.status).toBe(403);
    expect(updates()).toHaveLength(0);
  });

  it('names the missing reason of a refusal and of an ask for completion (400)', async () => {
    const refusal = await invoke(route, { as: desk, params, body: { outcome: 'refuse' } });
    expect(refusal.status).toBe(400);
    expect(refusal.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    const ask = await invoke(route, { as: desk, params, body: { outcome: 'request-completion', reason: 'x' } });
    expect(ask.body.errors.map((e: { field: string }) => e.field)).toContain('missing');
  });

  it('answers 404 for a dossier that is not an online one', async () => {
    stored({ ...submitted(), online: undefined });
    expect((await invoke(route, { as: desk, params, body: { outcome: 'receive' } })).status).toBe(404);
  });

  it('receives: status 2 now, the appointment from now, OPEN and the logbook, under the period seen; the workflow starts', async () => {
    stored(submitted());
    db.on(UpdateCommand).callsFake((input) => ({ Attributes: { ...submitted(), status: 2, receivedAt: input.ExpressionAttributeValues[':at'], appointmentAt: input.ExpressionAttributeValues[':appt'], online: { ...online, check: input.ExpressionAttributeValues[':check'] } } }));
    const answer = await invoke(route, { as: desk, params, body: { outcome: 'receive' } });
    expect(answer.status).toBe(200);
    expect(CheckDone.parse(answer.body)).toMatchObject({ code: CODE, outcome: 'receive', status: 2, receivedAt: '2026-12-07T10:00:00+07:00' });
    // 16 working hours from Monday 10:00: Wednesday 10:00
    expect(answer.body.appointmentAt).toBe('2026-12-09T10:00:00+07:00');
    const [update] = updates();
    expect(update!.ConditionExpression).toContain('#status = :submitted');
    expect(update!.ConditionExpression).toContain('#online.checkDueAt = :due');
    expect(update!.ConditionExpression).toContain('attribute_not_exists(#online.completions)');
    expect(update!.ExpressionAttributeValues).toMatchObject({ ':open': openIndexKeys(CODE).GSI1PK, ':code': CODE, ':lpk': 'LOG#TTHCC#2026-12', ':due': online.checkDueAt, ':submitted': 1 });
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input).toMatchObject({ name: CODE, input: JSON.stringify({ dossierCode: CODE }) });
  });

  it('a second officer who loses the race gets 409', async () => {
    stored(submitted());
    db.on(UpdateCommand).rejects(Object.assign(new Error('no'), { name: 'ConditionalCheckFailedException' }));
    const answer = await invoke(route, { as: desk, params, body: { outcome: 'receive' } });
    expect(answer.status).toBe(409);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('answers a retry of the same decision by the same officer the same way, starting the workflow again (idempotent)', async () => {
    stored(submitted({ status: 2, receivedAt: NOW, online: { ...online, check: { outcome: 'receive', at: NOW, by: 'desk-officer' } } }));
    const answer = await invoke(route, { as: desk, params, body: { outcome: 'receive' } });
    expect(answer.status).toBe(200);
    expect(updates()).toHaveLength(0);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
    // another decision on a checked dossier: 409
    expect((await invoke(route, { as: desk, params, body: { outcome: 'refuse', reason: 'Không đủ' } })).status).toBe(409);
  });

  it('asks for completion: recorded, the lapse warning reset, the letter queued with ids only', async () => {
    stored(submitted());
    db.on(UpdateCommand).callsFake((input) => ({ Attributes: { ...submitted(), online: { ...online, completions: input.ExpressionAttributeValues[':ask'] } } }));
    const body = { outcome: 'request-completion', missing: ['Bản sao căn cước'], reason: 'Thiếu giấy tờ tùy thân' };
    const answer = await invoke(route, { as: desk, params, body });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ outcome: 'request-completion', status: 1 });
    const [update] = updates();
    expect(update!.UpdateExpression).toContain('REMOVE #online.lapseWarnedAt');
    expect(update!.ExpressionAttributeValues![':ask']).toEqual([{ askedAt: NOW, by: 'desk-officer', missing: body.missing, reason: body.reason }]);
    const put = db.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.Item).toMatchObject({ SK: 'EMAIL#online-completion-1', event: 'online-completion', state: 'queued' });
    expect(JSON.parse(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageBody!)).toEqual({ dossierCode: CODE, eventKey: 'online-completion-1' });
  });

  it('asks again, after the citizen completed, with the same words as the first ask: a new ask (round 2), not a retry of the first', async () => {
    const first = { askedAt: '2026-12-07T02:30:00.000Z', by: 'desk-officer', missing: ['Bản sao căn cước'], reason: 'Thiếu giấy tờ tùy thân', completedAt: '2026-12-07T02:45:00.000Z' };
    stored(submitted({ online: { ...online, completions: [first] } }));
    db.on(UpdateCommand).callsFake((input) => ({ Attributes: { ...submitted(), online: { ...online, completions: [first, ...input.ExpressionAttributeValues[':ask']] } } }));
    const answer = await invoke(route, { as: desk, params, body: { outcome: 'request-completion', missing: first.missing, reason: first.reason } });
    expect(answer.status).toBe(200);
    expect(answer.body.checkedAt).toBe('2026-12-07T10:00:00+07:00');
    expect(updates()).toHaveLength(1);
    expect(JSON.parse(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageBody!)).toEqual({ dossierCode: CODE, eventKey: 'online-completion-2' });
  });

  it('while the citizen completes, only a refusal is possible (receive: 409)', async () => {
    stored(submitted({ online: { ...online, completions: [{ askedAt: NOW, by: 'x', missing: ['a'], reason: 'b' }] } }));
    expect((await invoke(route, { as: desk, params, body: { outcome: 'receive' } })).status).toBe(409);
    db.on(UpdateCommand).callsFake((input) => ({ Attributes: { ...submitted(), status: 3, closedAt: NOW, online: { ...online, check: input.ExpressionAttributeValues[':check'] } } }));
    const answer = await invoke(route, { as: desk, params, body: { outcome: 'refuse', reason: 'Không bổ sung' } });
    expect(answer.status).toBe(200);
    expect(updates()[0]!.ConditionExpression).toContain('size(#online.completions) = :n AND attribute_not_exists(#online.completions[0].completedAt)');
  });

  it('refuses: status 3, closed, off the queue, a retention item, form 03 queued', async () => {
    stored(submitted());
    db.on(UpdateCommand).callsFake((input) => ({ Attributes: { ...submitted(), status: 3, closedAt: NOW, online: { ...online, check: input.ExpressionAttributeValues[':check'] } } }));
    const answer = await invoke(route, { as: desk, params, body: { outcome: 'refuse', reason: 'Không thuộc thẩm quyền' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ outcome: 'refuse', status: 3 });
    expect(updates()[0]!.UpdateExpression).toContain('REMOVE GSI1PK, GSI1SK');
    const puts = db.commandCalls(PutCommand).map((c) => c.args[0].input.Item!);
    expect(puts.some((i) => String(i.PK).startsWith('RETENTION#') && i.SK === CODE)).toBe(true);
    expect(puts.some((i) => i.SK === 'EMAIL#online-not-received')).toBe(true);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
  });
});
