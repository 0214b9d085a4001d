import { CopyObjectCommand, S3Client } from '../commons/aws/s3';
import { DynamoDBDocumentClient, UpdateCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeTable, goodAnswers, lan, lltp, minh, signedIn, storedDraft, uploaded } from '../../test/support/online-unit';
import { invoke } from '../../test/support/route-unit';
import { citizenRef } from '../commons/citizen-session';
import { setClockSource } from '../commons/clock';
import { Completed } from '../contracts/online';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const ID = 'a'.repeat(24);
const FILE = 'e'.repeat(32);
const CODE = 'TTHCC-261207-0001';
const asked = { askedAt: '2026-12-07T03:00:00.000Z', by: 'desk-officer', missing: ['Bản chụp căn cước rõ nét'], reason: 'Ảnh mờ' };
const dossier = (completions: unknown[], status = 1) => ({
  PK: `DOSSIER#${CODE}`,
  SK: 'META',
  code: CODE,
  status,
  procedure: lltp,
  intakeKey: 'k'.repeat(24),
  online: { level: 'fully', applicationId: ID, citizenRef: citizenRef(lan), submittedAt: '2026-12-07T02:00:00.000Z', answers: goodAnswers, checkDueAt: '2026-12-08T02:00:00.000Z', completions },
});
const body = { answers: { mucDich: 'Xin thị thực' }, documents: [{ requirement: 'can-cuoc', documentId: FILE }] };

describe('POST /public/me/dossiers/{code}/completion', () => {
  // Tue 8/12/2026 10:00 local
  beforeAll(() => setClockSource(() => Date.parse('2026-12-08T03:00:00.000Z')));
  afterAll(() => setClockSource(() => Date.now()));
  let table: ReturnType<typeof fakeTable>;
  beforeEach(() => {
    db.reset();
    s3.reset();
    vi.stubEnv('DOCUMENTS_BUCKET', 'motcua-unit-documents');
    table = fakeTable(db, [lan], [dossier([asked]), storedDraft(FILE, { stage: 'supplement' })]);
    uploaded(s3);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('records the completion: the file on the dossier, the answers, the check time counting again from now (201)', async () => {
    const answer = await invoke(route, { as: signedIn(lan), params: { code: CODE }, body });
    expect(answer.status).toBe(201);
    expect(Completed.parse(answer.body)).toEqual({ code: CODE, status: 1, completedAt: '2026-12-08T10:00:00+07:00', checkDueAt: '2026-12-09T10:00:00+07:00' });
    const update = db.commandCalls(UpdateCommand).map((c) => c.args[0].input).find((i) => i.Key?.SK === 'META')!;
    expect(update.UpdateExpression).toContain('#o.completions[0].completedAt = :at');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':due': '2026-12-09T03:00:00.000Z', ':sk': `2026-12-09T03:00:00.000Z#${CODE}`, ':answers': { mucDich: 'Xin thị thực' } });
    expect(s3.commandCalls(CopyObjectCommand)[0]!.args[0].input.Key).toBe(`dossiers/${CODE}/${FILE}`);
  });

  it('refuses wrong answers by the form’s labels (422)', async () => {
    const answer = await invoke(route, { as: signedIn(lan), params: { code: CODE }, body: { answers: { ngaySinh: '1990-02-30' } } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0]).toMatchObject({ field: 'answers.ngaySinh', label: 'Ngày, tháng, năm sinh' });
  });

  it('answers 409 when no completion is asked (none, or already completed)', async () => {
    table.set(`DOSSIER#${CODE}|META`, dossier([]));
    expect((await invoke(route, { as: signedIn(lan), params: { code: CODE }, body })).status).toBe(409);
    table.set(`DOSSIER#${CODE}|META`, dossier([{ ...asked, completedAt: '2026-12-07T04:00:00.000Z' }]));
    expect((await invoke(route, { as: signedIn(lan), params: { code: CODE }, body })).status).toBe(409);
  });

  it("answers another citizen 404, as for a desk dossier", async () => {
    expect((await invoke(route, { as: signedIn(minh), params: { code: CODE }, body })).status).toBe(404);
    const { online: _o, ...desk } = dossier([asked]);
    table.set(`DOSSIER#${CODE}|META`, desk);
    expect((await invoke(route, { as: signedIn(lan), params: { code: CODE }, body })).status).toBe(404);
  });

  it('needs answers or files (400)', async () => {
    expect((await invoke(route, { as: signedIn(lan), params: { code: CODE }, body: {} })).status).toBe(400);
  });
});
