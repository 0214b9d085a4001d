import { DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { retentionItem } from '../../functions/commons/personal-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, uniqueKey, type Harness } from '../support/local';
import { declare, pdf, postToS3 } from '../support/documents';
import { applyOnline, askCompletion, attach } from '../support/online';

/**
 * Applying online against the local runtime (issue 21): a signed-in citizen finds the judicial
 * record in the public catalogue, drafts an application, uploads a real file through the presigned
 * POST to the local S3, completes it and submits. The desk then finds a dossier in status 1 with
 * the file, in its check queue and in no OPEN set or logbook; a second submission answers the
 * same code; another citizen's token gets 404 on the draft.
 */
describe('applying online', () => {
  let h: Harness;
  let db: DynamoDBClient;
  let lan: string;
  let minh: string;
  let desk: string;
  const key = () => ({ 'idempotency-key': uniqueKey() });
  const citizen = async (identityNumber: string, name: string, email: string) =>
    (await h.call('POST', '/_local/tokens', { body: { citizen: { identityNumber, name, email, phone: '0912 345 678', address: 'Số 1 phố Huế, Hà Nội' } } })).body.token as string;
  const meta = async (code: string) =>
    unmarshall((await db.send(new GetItemCommand({ TableName: 'motcua', Key: { PK: { S: `DOSSIER#${code}` }, SK: { S: 'META' } }, ConsistentRead: true }))).Item!);

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    db = new DynamoDBClient({ endpoint: h.runtime.dynamoDbUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    // Mon 7/12/2026 09:00 local
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-07T09:00:00+07:00' } });
    lan = await citizen('001099012345', 'Nguyễn Thị Lan', 'lan@example.com');
    minh = await citizen('001088054321', 'Trần Văn Minh', 'minh@example.com');
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(async () => {
    db?.destroy();
    await h?.stop();
  });

  it('finds the procedure without diacritics and reads its form', async () => {
    const found = await h.call('GET', `/public/procedures?q=${encodeURIComponent('ly lich tu phap')}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: { code: string; level: string }) => [p.code, p.level])).toEqual([['TP-LLTP', 'fully']]);
    const one = await h.call('GET', '/public/procedures/TP-LLTP');
    expect(one.body.online.form.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['hoTen', 'ngaySinh', 'soDinhDanh', 'noiCuTru', 'mucDich']));
    expect(one.body.desks[0]).toMatchObject({ code: 'TTHCC', main: true });
  });

  it('drafts, uploads a real file, submits: a dossier in status 1 with the file, in the check queue only; once', async () => {
    const answers = {
      hoTen: 'Nguyễn Thị Lan', gioiTinh: 'nu', ngaySinh: '1990-05-12', noiSinh: 'Hà Nội', quocTich: 'Việt Nam', soDinhDanh: '001099012345',
      noiCuTru: 'Số 1 phố Huế, Hà Nội', dienThoai: '0912 345 678', loaiPhieu: 'so-1', soLuongPhieu: 1, mucDich: 'Bổ sung hồ sơ xin việc', camDoan: true,
    };
    const created = await h.call('POST', '/public/applications', { token: lan, headers: key(), body: { procedureCode: 'TP-LLTP', answers: { hoTen: answers.hoTen } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    // another citizen, an officer, nobody: the draft does not exist for them
    expect((await h.call('GET', `/public/applications/${id}`, { token: minh })).status).toBe(404);
    expect((await h.call('GET', `/public/applications/${id}`, { token: desk })).status).toBe(401);
    expect((await h.call('GET', `/public/applications/${id}`)).status).toBe(401);

    // not yet complete: the answers named by their labels, the missing document
    const early = await h.call('POST', `/public/applications/${id}/submit`, { token: lan, headers: key() });
    expect(early.status).toBe(422);
    expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['answers.ngaySinh', 'answers.camDoan', 'documents']));
    expect(early.body.errors.find((e: { field: string }) => e.field === 'answers.ngaySinh').label).toBe('Ngày, tháng, năm sinh');

    const file = pdf(4096);
    const asked = await h.call('POST', `/public/applications/${id}/documents`, { token: lan, headers: key(), body: { ...declare(file), requirement: 'can-cuoc' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(await postToS3(asked.body, file)).toBeLessThan(300);
    const done = await h.call('POST', asked.body.complete, { token: lan, headers: key() });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.documents).toEqual([expect.objectContaining({ requirement: 'can-cuoc', documentId: asked.body.documentId, size: 4096 })]);

    const put = await h.call('PUT', `/public/applications/${id}`, { token: lan, body: { answers, documents: done.body.documents.map(({ requirement, documentId }: { requirement: string; documentId: string }) => ({ requirement, documentId })) } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    const submitKey = key();
    const submitted = await h.call('POST', `/public/applications/${id}/submit`, { token: lan, headers: submitKey });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body).toEqual({ code: 'TTHCC-261207-0001', status: 1, submittedAt: '2026-12-07T09:00:00+07:00', checkDueAt: '2026-12-08T09:00:00+07:00' });
    const code = submitted.body.code as string;

    // the same key, and the same draft again: the same dossier
    expect((await h.call('POST', `/public/applications/${id}/submit`, { token: lan, headers: submitKey })).body.code).toBe(code);
    expect((await h.call('POST', `/public/applications/${id}/submit`, { token: lan, headers: key() })).body.code).toBe(code);
    expect((await h.call('GET', `/public/applications/${id}`, { token: lan })).body).toMatchObject({ status: 'submitted', code });
    // another citizen cannot submit it
    expect((await h.call('POST', `/public/applications/${id}/submit`, { token: minh, headers: key() })).status).toBe(404);

    const seen = await h.call('GET', `/dossiers/${code}`, { token: desk });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ code, status: 1, channel: 'online' });
    expect(seen.body.files).toEqual([expect.objectContaining({ documentId: asked.body.documentId, uploaderKind: 'citizen', stage: 'intake', size: 4096 })]);
    // the file was copied under the dossier and can be fetched once scanned
    await eventually(async () => (await h.call('GET', `/dossiers/${code}/documents/${asked.body.documentId}`, { token: desk })).status === 200);

    const item = await meta(code);
    expect(item).toMatchObject({ GSI1PK: 'CHECK#TTHCC', GSI1SK: `2026-12-08T02:00:00.000Z#${code}`, online: { level: 'fully', applicationId: id } });
    expect(item.GSI2PK).toBeUndefined();
    expect(item.executionName).toBeUndefined();
    expect(item.applicant).toMatchObject({ name: 'Nguyễn Thị Lan', idNumber: '001099012345' });
    // no workflow started: nothing in any agency's queue
    expect((await h.call('GET', '/agencies/STP/tasks', { token: await h.token('stp-1', ['agency-STP']) })).body.tasks).toEqual([]);
  });

  it('completes a dossier the desk asked to complete: a new file, the check time counted again, the queue key moved', async () => {
    const { id, code } = await applyOnline(h, lan);
    // no completion asked yet: nothing to complete
    expect((await h.call('POST', `/public/me/dossiers/${code}/completion`, { token: lan, headers: key(), body: { answers: { mucDich: 'Xin thị thực' } } })).status).toBe(409);
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-07T14:00:00+07:00' } });
    // sessions last 2 hours: the citizens sign in again
    lan = await citizen('001099012345', 'Nguyễn Thị Lan', 'lan@example.com');
    minh = await citizen('001088054321', 'Trần Văn Minh', 'minh@example.com');
    await askCompletion(h, code);
    const documentId = await attach(h, lan, id);
    expect((await h.call('POST', `/public/me/dossiers/${code}/completion`, { token: minh, headers: key(), body: { documents: [{ requirement: 'can-cuoc', documentId }] } })).status).toBe(404);
    const done = await h.call('POST', `/public/me/dossiers/${code}/completion`, { token: lan, headers: key(), body: { answers: { mucDich: 'Xin thị thực' }, documents: [{ requirement: 'can-cuoc', documentId }] } });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    // 14:00 Monday + 8 working hours: 14:00 Tuesday
    expect(done.body).toEqual({ code, status: 1, completedAt: '2026-12-07T14:00:00+07:00', checkDueAt: '2026-12-08T14:00:00+07:00' });
    const item = await meta(code);
    expect(item.GSI1SK).toBe(`2026-12-08T07:00:00.000Z#${code}`);
    expect(item.online.answers.mucDich).toBe('Xin thị thực');
    expect(item.online.completions[0].completedAt).toBe('2026-12-07T07:00:00.000Z');
    const files = (await h.call('GET', `/dossiers/${code}`, { token: desk })).body.files;
    expect(files.map((f: { documentId: string }) => f.documentId)).toContain(documentId);
    // once completed, no second completion
    expect((await h.call('POST', `/public/me/dossiers/${code}/completion`, { token: lan, headers: key(), body: { answers: { mucDich: 'Khác' } } })).status).toBe(409);
  });

  it("anonymisation clears an online dossier's form answers with its applicant", async () => {
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-07T15:30:00+07:00' } });
    lan = await citizen('001099012345', 'Nguyễn Thị Lan', 'lan@example.com');
    const { code } = await applyOnline(h, lan);
    // refused by the desk (its check route is another module's): closed, with its retention item
    const closedAt = '2026-12-07T09:00:00.000Z';
    await db.send(new UpdateItemCommand({ TableName: 'motcua', Key: marshall({ PK: `DOSSIER#${code}`, SK: 'META' }), UpdateExpression: 'SET closedAt = :c, #s = :three REMOVE GSI1PK, GSI1SK', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: marshall({ ':c': closedAt, ':three': 3 }) }));
    const dossier = await meta(code);
    await db.send(new PutItemCommand({ TableName: 'motcua', Item: marshall(retentionItem({ code, closedAt, procedure: dossier.procedure } as never)) }));
    expect(dossier.online.answers.soDinhDanh).toBe('001099012345');
    await h.call('POST', '/_local/clock', { body: { set: '2032-01-10T09:00:00+07:00' } });
    const run = await h.call('POST', '/_local/jobs/anonymise-closed');
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const after = await meta(code);
    expect(after.anonymisedAt).toBeDefined();
    expect(after.online.answers).toEqual({});
    expect(JSON.stringify(after)).not.toContain('001099012345');
  });

  it('refuses a procedure at the desk only (422) and an unknown one', async () => {
    lan = await citizen('001099012345', 'Nguyễn Thị Lan', 'lan@example.com');
    const res = await h.call('POST', '/public/applications', { token: lan, headers: key(), body: { procedureCode: 'XD-GPXD' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('procedureCode');
    const unknown = await h.call('POST', '/public/applications', { token: lan, headers: key(), body: { procedureCode: 'XX-NONE' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('procedureCode');
  });
});
