import { BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { SESv2Client } from '../commons/aws/sesv2';
import { SQSClient, SendMessageCommand } from '../commons/aws/sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator, type As } from '../../test/support/route-unit';
import { applicantEmailPk } from '../commons/personal-data';
import { ApplicantCorrected } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
const sqs = mockClient(SQSClient);
const QUEUE = 'https://sqs.ap-southeast-1.amazonaws.com/000000000000/motcua-emails';

const CODE = 'TTHCC-261207-0001';
const params = { code: CODE };
const OLD = 'an.nguyen@example.vn';
const NEW = 'an.nguyen@mail.example.vn';
const dossier = {
  PK: `DOSSIER#${CODE}`,
  SK: 'META',
  code: CODE,
  status: 4,
  applicant: { name: 'Nguyễn Văn An', email: OLD, phone: '+84912345678' },
  procedure: { code: 'TP-LLTP', name: { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Criminal record certificate' }, stages: [] },
  receivedAt: '2026-12-07T02:00:00.000Z',
  appointmentAt: '2026-12-14T09:00:00.000Z',
};
const email = (eventKey: string, extra: Record<string, unknown>) => ({ PK: `DOSSIER#${CODE}`, SK: `EMAIL#${eventKey}`, eventKey, claim: 1, ...extra });
const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

const onDossier = (item: Record<string, unknown> | undefined) => db.on(GetCommand, { Key: { PK: `DOSSIER#${CODE}`, SK: 'META' } }).resolves({ Item: item });

describe('PATCH /dossiers/{code}/applicant', () => {
  beforeAll(() => vi.stubEnv('EMAIL_QUEUE_URL', QUEUE));
  afterAll(() => vi.unstubAllEnvs());
  beforeEach(() => {
    db.reset();
    ses.reset();
    sqs.reset();
    db.on(GetCommand).resolves({});
    db.on(PutCommand).resolves({});
    db.on(UpdateCommand).resolves({});
    db.on(DeleteCommand).resolves({});
    db.on(QueryCommand).resolves({ Items: [] });
    sqs.on(SendMessageCommand).resolves({ MessageId: 'sqs-1' });
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const answer = await invoke(route, { params, body: { email: NEW } });
    expect(answer.status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it("refuses an agency's officer, an agency's system and an operator (403): only the desk corrects a citizen's details", async () => {
    const callers: As[] = [officerOf('STP'), { clientId: 'STP', scopes: ['motcua/dossiers.write'] }, operator];
    for (const as of callers) {
      const answer = await invoke(route, { as, params, body: { email: NEW } });
      expect(answer.status).toBe(403);
    }
    // the agency system's client is looked up (which agency it acts for); nothing else is read or written
    expect(db.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetCommand']);
  });

  it('names what is wrong in the body (400), in Vietnamese first: nothing given, a bad address, a bad phone, a field that is not a contact detail', async () => {
    const cases: [unknown, string, string?][] = [
      [{}, 'email'],
      [{ email: 'not-an-address' }, 'email'],
      [{ phone: '12' }, 'phone'],
      [{ name: 'Nguyễn Văn Bình' }, 'name', 'unknown_key'],
      [{ idNumber: '001099012345' }, 'idNumber', 'unknown_key'],
    ];
    for (const [body, field, code] of cases) {
      const answer = await invoke(route, { as: desk, params, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      if (code) expect(answer.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(db.calls()).toHaveLength(0);
  });

  it('answers 404 for a dossier that does not exist, writing and queuing nothing', async () => {
    onDossier(undefined);
    const answer = await invoke(route, { as: desk, params, body: { email: NEW } });
    expect(answer.status).toBe(404);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sqs.calls()).toHaveLength(0);
  });

  it('answers 409 once the personal data was anonymised', async () => {
    onDossier({ ...dossier, applicant: { name: '(đã ẩn danh)', email: 'anonymised@invalid' }, anonymisedAt: '2031-01-01T00:00:00.000Z' });
    const answer = await invoke(route, { as: desk, params, body: { email: NEW } });
    expect(answer.status).toBe(409);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sqs.calls()).toHaveLength(0);
  });

  it('the same details again (a retry) change nothing and send nothing (200, changed: []); an address differing only in case is the same', async () => {
    onDossier({ ...dossier, applicant: { ...dossier.applicant, email: NEW }, contactCorrections: [{ n: 1, at: 'x', by: 'desk-officer', fields: ['email'], previousEmail: OLD }] });
    // the correction's letter is already written and sent
    db.on(PutCommand, { Item: { SK: 'EMAIL#contact-changed-1' } }).rejects(conditionFailed());
    db.on(GetCommand, { Key: { PK: `DOSSIER#${CODE}`, SK: 'EMAIL#contact-changed-1' } }).resolves({ Item: email('contact-changed-1', { event: 'contact-changed', state: 'sent' }) });
    for (const body of [{ email: NEW, phone: '0912 345 678' }, { email: NEW.toUpperCase() }]) {
      const answer = await invoke(route, { as: desk, params, body });
      expect(answer.status).toBe(200);
      expect(ApplicantCorrected.parse(answer.body)).toMatchObject({ changed: [], toldPreviousAddress: false, resent: [] });
    }
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sqs.calls()).toHaveLength(0);
  });

  it('a retry after the request before died between the dossier and its letter: the letter and the re-sends are finished now', async () => {
    // the dossier moved (correction 1 stored), but no letter was written
    onDossier({ ...dossier, applicant: { ...dossier.applicant, email: NEW }, contactCorrections: [{ n: 1, at: '2026-12-07T03:00:00.000Z', by: 'desk-officer', fields: ['email'], previousEmail: OLD }] });
    db.on(QueryCommand).resolves({ Items: [email('receipt', { event: 'receipt', state: 'sent', delivery: 'bounced' })] });
    db.on(GetCommand, { Key: { PK: `DOSSIER#${CODE}`, SK: 'EMAIL#receipt' } }).resolves({ Item: email('receipt', { event: 'receipt', state: 'sent', delivery: 'bounced' }) });
    const answer = await invoke(route, { as: desk, params, body: { email: NEW } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ changed: [], toldPreviousAddress: true, resent: [`${CODE}~receipt`] });
    const messages = sqs.commandCalls(SendMessageCommand).map((c) => JSON.parse(c.args[0].input.MessageBody!));
    expect(messages).toEqual([{ dossierCode: CODE, eventKey: 'contact-changed-1' }, { dossierCode: CODE, eventKey: 'receipt' }]);
  });

  it('corrects the address: the lookups follow it, who and when are kept, the old address is told, the bounced letters go again to the new one (200)', async () => {
    onDossier(dossier);
    db.on(QueryCommand).resolves({
      Items: [
        email('receipt', { event: 'receipt', state: 'sent', delivery: 'bounced' }),
        email('apology-1', { event: 'apology', state: 'failed' }),
        email('result-ready', { event: 'result-ready', state: 'sent', delivery: 'delivered' }),
        email('pin-reissued-2', { event: 'pin-reissued', state: 'sent', delivery: 'bounced' }),
      ],
    });
    db.on(GetCommand, { Key: { PK: `DOSSIER#${CODE}`, SK: 'EMAIL#receipt' } }).resolves({ Item: email('receipt', { event: 'receipt', state: 'sent', delivery: 'bounced' }) });
    db.on(GetCommand, { Key: { PK: `DOSSIER#${CODE}`, SK: 'EMAIL#apology-1' } }).resolves({ Item: email('apology-1', { event: 'apology', state: 'failed' }) });

    const answer = await invoke(route, { as: desk, params, body: { email: NEW } });
    expect(answer.status).toBe(200);
    const body = ApplicantCorrected.parse(answer.body);
    expect(body).toMatchObject({ dossierCode: CODE, changed: ['email'], toldPreviousAddress: true, applicant: { email: NEW, phone: '+84912345678' } });
    // the undelivered letters, not the delivered one, never a PIN letter
    expect(body.resent.sort()).toEqual([`${CODE}~apology-1`, `${CODE}~receipt`]);

    // the new address's lookup is written before the dossier moves; the old one goes after
    const puts = db.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(puts[0]!.Item).toMatchObject({ PK: applicantEmailPk(NEW), SK: CODE });
    const meta = db.commandCalls(UpdateCommand).map((c) => c.args[0].input).find((u) => u.Key!.SK === 'META')!;
    expect(meta.ConditionExpression).toContain('applicant.email = :seenEmail');
    expect(meta.ConditionExpression).toContain('attribute_not_exists(contactCorrections)');
    expect(meta.ExpressionAttributeValues![':applicant']).toEqual({ ...dossier.applicant, email: NEW });
    expect(meta.ExpressionAttributeValues![':c']).toEqual([{ n: 1, at: expect.any(String), by: 'desk-officer', fields: ['email'], previousEmail: OLD }]);
    expect(db.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key)).toContainEqual({ PK: applicantEmailPk(OLD), SK: CODE });

    // the letter to the old address: recorded queued with ids only, its message ids only
    const marker = puts.find((p) => p.Item!.SK === 'EMAIL#contact-changed-1')!;
    expect(marker.Item).toMatchObject({ eventKey: 'contact-changed-1', event: 'contact-changed', state: 'queued' });
    expect(JSON.stringify(marker.Item)).not.toMatch(/example\.vn/);
    const messages = sqs.commandCalls(SendMessageCommand).map((c) => JSON.parse(c.args[0].input.MessageBody!));
    expect(messages).toEqual(
      expect.arrayContaining([
        { dossierCode: CODE, eventKey: 'contact-changed-1' },
        { dossierCode: CODE, eventKey: 'receipt' },
        { dossierCode: CODE, eventKey: 'apology-1' },
      ]),
    );
    expect(messages).toHaveLength(3);
    expect(JSON.stringify(messages)).not.toMatch(/example\.vn|912345678/);
    expect(ses.calls()).toHaveLength(0);
  });

  it('a phone-only correction tells the address on file and re-sends nothing; null removes the phone', async () => {
    onDossier({ ...dossier, contactCorrections: [{ n: 1, at: 'x', by: 'desk-2', fields: ['email'] }] });
    const answer = await invoke(route, { as: desk, params, body: { phone: null } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ changed: ['phone'], resent: [] });
    expect(answer.body.applicant.phone).toBeUndefined();
    const meta = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(meta.ConditionExpression).toContain('size(contactCorrections) = :before');
    expect(meta.ConditionExpression).toContain('applicant.phone = :seenPhone');
    expect(meta.ExpressionAttributeValues![':c']).toEqual([expect.objectContaining({ n: 2, fields: ['phone'], previousEmail: OLD })]);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
    // the open dossier's search index follows the phone: its items read (none stored here), the name's written again
    expect(db.commandCalls(QueryCommand).map((c) => c.args[0].input.ExpressionAttributeValues)).toEqual([{ ':pk': `TOKENS#${CODE}`, ':s': 'SEARCH#' }]);
    const index = db.commandCalls(BatchWriteCommand).flatMap((c) => Object.values(c.args[0].input.RequestItems!).flat());
    expect(index.filter((r) => String(r.PutRequest?.Item?.SK).startsWith('SEARCH#')).length).toBeGreaterThan(0);
    expect(sqs.commandCalls(SendMessageCommand).map((c) => JSON.parse(c.args[0].input.MessageBody!))).toEqual([{ dossierCode: CODE, eventKey: 'contact-changed-2' }]);
  });

  it('answers 409 when another correction landed between the read and the write: no letter, no old lookup removed', async () => {
    onDossier(dossier);
    db.on(UpdateCommand).rejects(conditionFailed());
    const answer = await invoke(route, { as: desk, params, body: { email: NEW } });
    expect(answer.status).toBe(409);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
    expect(sqs.calls()).toHaveLength(0);
  });
});
