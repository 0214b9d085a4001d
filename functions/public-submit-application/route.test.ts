import { CopyObjectCommand, S3Client } from '../commons/aws/s3';
import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeTable, goodAnswers, lan, minh, signedIn, storedApplication, storedDraft, uploaded } from '../../test/support/online-unit';
import { invoke } from '../../test/support/route-unit';
import { citizenRef } from '../commons/citizen-session';
import { setClockSource } from '../commons/clock';
import { applicantIdPk } from '../commons/personal-data';
import { Submitted } from '../contracts/online';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const ID = 'a'.repeat(24);
const FILE = 'c'.repeat(32);
const CODE = 'TTHCC-261207-0001';
const ready = () => storedApplication({ answers: goodAnswers, documents: [{ requirement: 'can-cuoc', documentId: FILE }], files: { [FILE]: { requirement: 'can-cuoc' } } });

describe('POST /public/applications/{id}/submit', () => {
  // Mon 7/12/2026 09:00 local
  beforeAll(() => setClockSource(() => Date.parse('2026-12-07T02:00:00.000Z')));
  afterAll(() => setClockSource(() => Date.now()));
  let table: ReturnType<typeof fakeTable>;
  beforeEach(() => {
    db.reset();
    s3.reset();
    vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents');
    table = fakeTable(db, [lan], [ready(), storedDraft(FILE)]);
    uploaded(s3);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('makes a dossier in status 1 in its desk’s check queue, due 8 working hours on (201)', async () => {
    const answer = await invoke(route, { as: signedIn(lan), params: { id: ID } });
    expect(answer.status).toBe(201);
    expect(Submitted.parse(answer.body)).toEqual({ code: CODE, status: 1, submittedAt: '2026-12-07T09:00:00+07:00', checkDueAt: '2026-12-08T09:00:00+07:00' });
    const dossier = table.get(`DOSSIER#${CODE}|META`)!;
    expect(dossier).toMatchObject({
      status: 1,
      channel: 'online',
      GSI1PK: 'CHECK#TTHCC',
      GSI1SK: `2026-12-08T02:00:00.000Z#${CODE}`,
      applicant: { name: lan.name, email: lan.email, phone: '+84912345678', idNumber: lan.identityNumber },
      online: { level: 'fully', applicationId: ID, citizenRef: citizenRef(lan), documents: [{ requirement: 'can-cuoc', documentId: FILE }] },
    });
    // the schema's values: the phone as +84
    expect((dossier.online as { answers: Record<string, unknown> }).answers.dienThoai).toBe('+84912345678');
    expect(dossier).not.toHaveProperty('GSI2PK');
    expect(dossier.pinHash).toEqual(expect.any(String));
    // the file: copied under the dossier and recorded; the applicant findable by ID number
    expect(s3.commandCalls(CopyObjectCommand)[0]!.args[0].input.Key).toBe(`dossiers/${CODE}/${FILE}`);
    expect(table.get(`DOSSIER#${CODE}|DOCUMENT#${FILE}`)).toMatchObject({ kind: 'citizen', stage: 'intake' });
    expect(table.has(`${applicantIdPk(lan.identityNumber)}|${CODE}`)).toBe(true);
    expect(table.get(`APPLICATION#${ID}|APPLICATION`)).toMatchObject({ status: 'submitted', dossierCode: CODE });
  });

  it("at a branch: the branch's prefix and day counter, its check queue", async () => {
    table.set(`APPLICATION#${ID}|APPLICATION`, { ...ready(), desk: 'BDH' });
    const answer = await invoke(route, { as: signedIn(lan), params: { id: ID } });
    expect(answer.body.code).toBe('BDH-261207-0001');
    expect(table.get('DOSSIER#BDH-261207-0001|META')).toMatchObject({ branch: 'BDH', GSI1PK: 'CHECK#BDH' });
  });

  it('submitted twice: the same dossier, never a second', async () => {
    const first = await invoke(route, { as: signedIn(lan), params: { id: ID } });
    const second = await invoke(route, { as: signedIn(lan), params: { id: ID } });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect([...table.keys()].filter((k) => k.endsWith('|META'))).toEqual([`DOSSIER#${CODE}|META`]);
  });

  it('a crash after the dossier was written: the retry finds it and finishes (claims the file, marks the application)', async () => {
    await invoke(route, { as: signedIn(lan), params: { id: ID } });
    table.set(`APPLICATION#${ID}|APPLICATION`, ready());
    const again = await invoke(route, { as: signedIn(lan), params: { id: ID } });
    expect(again.status).toBe(201);
    expect(again.body.code).toBe(CODE);
  });

  it('a crash between the code and the dossier, retried the next day (or from another tab): the code already given, never a second dossier', async () => {
    // the first attempt gave the application its code on Monday, then died before the dossier was written
    table.set(`APPLICATION#${ID}|APPLICATION`, { ...ready(), dossierCode: CODE });
    setClockSource(() => Date.parse('2026-12-08T02:00:00.000Z'));
    try {
      const again = await invoke(route, { as: signedIn(lan), params: { id: ID } });
      expect(again.status).toBe(201);
      expect(again.body.code).toBe(CODE);
      expect([...table.keys()].filter((k) => k.endsWith('|META'))).toEqual([`DOSSIER#${CODE}|META`]);
    } finally {
      setClockSource(() => Date.parse('2026-12-07T02:00:00.000Z'));
    }
  });

  it('gives the application its code before the dossier is written: a crash in between leaves the code to reuse', async () => {
    const order: string[] = [];
    await invoke(route, { as: signedIn(lan), params: { id: ID } });
    for (const call of db.calls()) {
      const input = (call.args[0] as { input: unknown }).input as { Key?: { PK: string }; Item?: { PK: string; SK: string }; UpdateExpression?: string };
      if (input.Item?.SK === 'META') order.push('dossier');
      if (input.Key?.PK === `APPLICATION#${ID}` && input.UpdateExpression?.includes('dossierCode')) order.push('application');
    }
    // the code first, the dossier, then the application marked submitted
    expect(order).toEqual(['application', 'dossier', 'application']);
  });

  it('names each wrong answer by its label and each missing document (422), writing no dossier', async () => {
    table.set(`APPLICATION#${ID}|APPLICATION`, storedApplication({ answers: { ...goodAnswers, soDinhDanh: '123', hoTen: '' } }));
    const answer = await invoke(route, { as: signedIn(lan), params: { id: ID }, headers: { 'accept-language': 'en' } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: 'answers.hoTen', label: 'Full name', message: 'Full name: required' }),
      expect.objectContaining({ field: 'answers.soDinhDanh', label: 'Personal identification number', message: 'Personal identification number: not in the expected form (12 digits)' }),
      expect.objectContaining({ field: 'documents', message: expect.stringContaining('identity card') }),
    ]);
    const vi = await invoke(route, { as: signedIn(lan), params: { id: ID } });
    expect(vi.body.errors[0]).toMatchObject({ label: 'Họ và tên', message: 'Họ và tên: chưa nhập' });
    expect([...table.keys()].some((k) => k.startsWith('DOSSIER#'))).toBe(false);
  });

  it('refuses a file gone or not matching (422 naming it)', async () => {
    table.delete(`DRAFT#${FILE}|DRAFT`);
    const answer = await invoke(route, { as: signedIn(lan), params: { id: ID } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0].field).toBe('documents.0.documentId');
  });

  it("answers another citizen 404", async () => {
    expect((await invoke(route, { as: signedIn(minh), params: { id: ID } })).status).toBe(404);
    expect([...table.keys()].some((k) => k.startsWith('DOSSIER#'))).toBe(false);
  });
});
