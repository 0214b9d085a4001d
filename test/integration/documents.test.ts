import { ListObjectVersionsCommand, ListObjectsV2Command, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EICAR } from '../../infra/local/documents';
import { applicant, eventually, scenario, startHarness, uniqueKey, type Harness } from '../support/local';
import { declare, documents, pdf, png, postToS3, sha256 } from '../support/documents';

/**
 * Documents against the local S3 stand-in (s3rver): real presigned POSTs sent with fetch +
 * FormData, registration checks, downloads by every kind of caller, the result, anonymisation.
 * s3rver enforces no POST policy and verifies no presigned signature: every refusal below is the
 * platform's own (the declaration, HeadObject and the hash at registration), never s3rver's.
 */
describe('documents: upload, registration, download, result, deletion', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let d: ReturnType<typeof documents>;
  const t = {} as Record<'desk' | 'operator' | 'stp' | 'catp' | 'sdl' | 'nobody', string>;
  let s3: S3Client;
  const objectsUnder = async (prefix: string) =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: h.runtime.documents.bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!);
  const askSupplement = async (code: string) => {
    await s.task('STP', t.stp, code, 's1-stp');
    await s.decide(t.stp, code, 's1-stp', { outcome: 'request-supplement', missing: ['Bản sao CCCD'], reason: 'Thiếu giấy tờ' });
    await s.status(t.desk, code, 5);
  };
  const fetchBytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
  const downloadWhenScanned = (code: string, who: { token?: string; pin?: string }, id: string) =>
    eventually(async () => {
      const res = await d.download(code, who, id);
      return res.status !== 409 && res;
    });

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    s = scenario(h);
    d = documents(h);
    await s.setClock('2026-12-02T10:00:00+07:00');
    t.desk = await h.token('desk-1', ['desk']);
    t.operator = await h.token('op-1', ['operator']);
    t.stp = await h.token('stp-1', ['agency-STP']);
    t.catp = await h.token('catp-1', ['agency-CATP']);
    t.sdl = await h.token('sdl-1', ['agency-SDL']);
    t.nobody = await h.token('someone-1', []);
    s3 = new S3Client({ endpoint: h.runtime.documents.endpoint, forcePathStyle: true, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });
  afterAll(async () => {
    s3?.destroy();
    await h?.stop();
  });

  it('claims a draft uploaded before the dossier exists, beside the {name, ref} references', async () => {
    const file = pdf(5000);
    const draft = await d.draft(t.desk, file);
    expect(draft.upload.url).toContain(h.runtime.documents.endpoint);
    expect(draft.upload.fields).toMatchObject({ 'Content-Type': 'application/pdf', 'x-amz-checksum-sha256': sha256(file), 'x-amz-checksum-algorithm': 'SHA256' });
    const policy = JSON.parse(Buffer.from(draft.upload.fields.Policy!, 'base64').toString());
    expect(policy.conditions).toEqual(expect.arrayContaining([['content-length-range', 5000, 5000], ['eq', '$Content-Type', 'application/pdf'], ['eq', '$x-amz-checksum-sha256', sha256(file)]]));
    const res = await h.call('POST', '/dossiers', {
      token: t.desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'TP-LLTP', applicant: applicant(1), channel: 'counter', documents: [{ draftId: draft.draftId }, { name: 'Đơn đề nghị', ref: 'desk://scan/1' }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = await s.dossier(t.desk, res.body.code);
    expect(view.documents).toEqual([{ name: 'Đơn đề nghị', ref: 'desk://scan/1' }]);
    expect(view.files).toMatchObject([{ documentId: draft.draftId, stage: 'intake', size: 5000, sha256: sha256(file), uploadedBy: 'desk-1', name: 'Bản sao Căn cước công dân.pdf' }]);
    const link = await downloadWhenScanned(res.body.code, { token: t.desk }, draft.draftId);
    expect(link.status).toBe(200);
    expect((await fetchBytes(link.body.url)).equals(file)).toBe(true);
    // the control sheet lists it too; the draft cannot be claimed a second time
    expect((await h.call('GET', `/dossiers/${res.body.code}/control-sheet`, { token: t.desk })).body.documents).toHaveLength(1);
    const again = await h.call('POST', '/dossiers', {
      token: t.desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'TP-LLTP', applicant: applicant(1), channel: 'counter', documents: [{ draftId: draft.draftId }] },
    });
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({ field: 'documents.0.draftId', message: expect.stringContaining('claimed') });
  });

  it('lets the pages (the gateway’s origin) POST to the bucket and GET from it across origins (CORS)', async () => {
    const origin = new URL(h.runtime.apiUrl).origin;
    for (const method of ['POST', 'GET']) {
      const res = await fetch(`${h.runtime.documents.endpoint}/${h.runtime.documents.bucket}/dossiers/x`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': method },
      });
      expect(res.status, method).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeTruthy(); // s3rver answers a matched preflight with '*'
      expect(res.headers.get('access-control-allow-methods')).toContain(method);
    }
    const get = await fetch(`${h.runtime.documents.endpoint}/${h.runtime.documents.bucket}/dossiers/x`, { headers: { origin } });
    expect(get.headers.get('access-control-allow-origin')).toBe(origin);
    const foreign = await fetch(`${h.runtime.documents.endpoint}/${h.runtime.documents.bucket}/dossiers/x`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an intake whose draft does not match, naming the draft, without using a dossier number', async () => {
    const file = pdf(3000);
    const draft = await d.draft(t.desk, file, { sha256: sha256(pdf(3000)) }); // declared another checksum
    const refused = await h.call('POST', '/dossiers', {
      token: t.desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'TP-LLTP', applicant: applicant(2), channel: 'counter', documents: [{ draftId: draft.draftId }] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'documents.0.draftId', message: expect.stringContaining('sha256') })]);
    const unknown = await h.call('POST', '/dossiers', {
      token: t.desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'TP-LLTP', applicant: applicant(2), channel: 'counter', documents: [{ draftId: 'f'.repeat(32) }] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('documents.0.draftId');
    const next = await s.receive(t.desk, 'TP-LLTP', applicant(2));
    expect(next.code).toMatch(/-0002$/); // the refused intakes took no number
  });

  it('refuses uploads that are too large, of a wrong type, or that do not match what was declared', async () => {
    const { code } = await s.receive(t.desk, 'TP-LLTP', applicant(3));
    const file = pdf(4000);
    const tooLarge = await d.ask(code, { token: t.desk }, declare(file, { size: 20 * 1024 * 1024 + 1 }));
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.errors[0]).toMatchObject({ field: 'size', message: expect.stringContaining('20971520') });
    const wrongType = await d.ask(code, { token: t.desk }, declare(file, { contentType: 'text/html' }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].field).toBe('contentType');
    const badSha = await d.ask(code, { token: t.desk }, declare(file, { sha256: 'abc' }));
    expect(badSha.status).toBe(400);
    expect(badSha.body.errors[0].field).toBe('sha256');

    // declared one checksum, uploaded other bytes of the same size (s3rver lets the POST through)
    const other = await d.ask(code, { token: t.desk }, declare(file));
    expect(await postToS3(other.body, pdf(4000))).toBeLessThan(300);
    const mismatch = await d.complete(code, { token: t.desk }, other.body.documentId);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.errors.map((e: { field: string }) => e.field)).toEqual(['sha256']);
    // a bigger file than declared
    const bigger = await d.ask(code, { token: t.desk }, declare(file));
    expect(await postToS3(bigger.body, Buffer.concat([file, Buffer.alloc(10)]))).toBeLessThan(300);
    expect((await d.complete(code, { token: t.desk }, bigger.body.documentId)).body.errors[0].field).toBe('size');
    // a PNG sent as a PDF (right size and checksum, wrong bytes)
    const image = png(2000);
    const disguised = await d.ask(code, { token: t.desk }, declare(image));
    expect(await postToS3(disguised.body, image)).toBeLessThan(300);
    const refused = await d.complete(code, { token: t.desk }, disguised.body.documentId);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'contentType', message: expect.stringContaining('does not start like') });
    // nothing uploaded yet
    const early = await d.ask(code, { token: t.desk }, declare(file));
    expect((await d.complete(code, { token: t.desk }, early.body.documentId)).status).toBe(409);
    // completing on another dossier's code, or by another officer
    const { code: another } = await s.receive(t.desk, 'TP-LLTP', applicant(4));
    expect(await postToS3(early.body, file)).toBeLessThan(300);
    expect((await d.complete(another, { token: t.desk }, early.body.documentId)).status).toBe(404);
    expect((await d.complete(code, { token: await h.token('desk-2', ['desk']) }, early.body.documentId)).status).toBe(404);
    // none of the refused uploads is on the dossier; the right one is, once
    expect((await s.dossier(t.desk, code)).files).toEqual([]);
    expect((await d.complete(code, { token: t.desk }, early.body.documentId)).status).toBe(201);
    expect((await d.complete(code, { token: t.desk }, early.body.documentId)).status).toBe(200);
    expect((await s.dossier(t.desk, code)).files).toHaveLength(1);
  });

  it('takes supplement documents from the desk, the agency that asked and the citizen, only while the supplement is asked', async () => {
    const desk = await s.receive(t.desk, 'TP-LLTP', applicant(5));
    const online = await s.receive(t.desk, 'TP-LLTP', applicant(6));
    const citizen = { pin: online.lookupPin };
    // before any supplement is asked: the citizen and the agency may not upload
    expect((await d.ask(online.code, citizen, declare(pdf()))).status).toBe(409);
    await s.task('STP', t.stp, online.code, 's1-stp');
    expect((await d.ask(online.code, { token: t.stp }, declare(pdf()))).status).toBe(409);
    expect((await d.ask(online.code, { pin: '00000000' }, declare(pdf()))).status).toBe(404);

    await askSupplement(desk.code);
    await askSupplement(online.code);
    // the desk's scan, in the round STP asked for
    const scan = await d.upload(desk.code, { token: t.desk }, pdf(3000));
    expect(scan).toMatchObject({ stage: 'supplement', round: 's1-stp-1' });
    const supplied = await h.call('POST', `/dossiers/${desk.code}/supplement`, { token: t.desk, body: { documents: [{ documentId: scan.documentId }, { name: 'Giấy ủy quyền', ref: 'desk://scan/9' }] } });
    expect(supplied.status, JSON.stringify(supplied.body)).toBe(202);
    expect((await s.dossier(t.desk, desk.code)).documents).toEqual([
      { name: 'Bản sao Căn cước công dân.pdf', ref: `document:${scan.documentId}` },
      { name: 'Giấy ủy quyền', ref: 'desk://scan/9' },
    ]);
    // the round is closed: neither the agency nor the citizen may upload into it any more
    expect((await d.ask(desk.code, { pin: desk.lookupPin }, declare(pdf()))).status).toBe(409);

    // the agency that asked may upload (e.g. what came by post); another agency on the route may not
    expect((await d.upload(online.code, { token: t.stp }, pdf(2500))).round).toBe('s1-stp-1');
    expect((await d.ask(online.code, { token: t.catp }, declare(pdf()))).status).toBe(403);
    expect((await d.ask(online.code, { token: t.sdl }, declare(pdf()))).status).toBe(404);
    expect((await d.ask(online.code, { token: t.operator }, declare(pdf()))).status).toBe(403);
    // the citizen, from home
    const mine = pdf(6000);
    const up = await d.upload(online.code, citizen, mine, { name: 'CCCD mặt trước.pdf' });
    expect(up).toMatchObject({ stage: 'supplement', round: 's1-stp-1' });
    const lateFile = pdf(1500);
    const lateAsk = await d.ask(online.code, citizen, declare(lateFile));
    expect(await postToS3(lateAsk.body, lateFile)).toBeLessThan(300);
    // a document id that is not of this round is refused, naming it
    const wrong = await h.call('POST', `/public/dossiers/${online.code}/supplement`, { headers: { 'x-lookup-pin': online.lookupPin }, body: { documents: [{ documentId: scan.documentId }] } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe('documents.0.documentId');
    const sent = await h.call('POST', `/public/dossiers/${online.code}/supplement`, { headers: { 'x-lookup-pin': online.lookupPin }, body: { documents: [{ documentId: up.documentId }] } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await s.status(t.desk, online.code, 4);
    // completing an upload of the round after the supplement was sent: refused, nothing recorded
    expect((await d.complete(online.code, citizen, lateAsk.body.documentId)).status).toBe(409);
    expect((await s.dossier(t.desk, online.code)).files.map((f: { documentId: string }) => f.documentId)).not.toContain(lateAsk.body.documentId);

    // downloads: every officer who may read the dossier, the citizen with the PIN; nobody else
    for (const who of [t.desk, t.operator, t.stp, t.catp]) {
      const res = await downloadWhenScanned(online.code, { token: who }, up.documentId);
      expect(res.status).toBe(200);
      expect(res.body.expiresAt).toMatch(/\+07:00$/);
      expect((await fetchBytes(res.body.url)).equals(mine)).toBe(true);
    }
    expect((await d.download(online.code, { token: t.sdl }, up.documentId)).status).toBe(404);
    expect((await d.download(online.code, { token: t.nobody }, up.documentId)).status).toBe(403);
    expect((await d.download(online.code, {}, up.documentId)).status).toBe(401);
    expect((await d.download(online.code, { pin: '00000000' }, up.documentId)).status).toBe(404);
    const own = await d.download(online.code, citizen, up.documentId);
    expect(own.status).toBe(200);
    expect((await fetchBytes(own.body.url)).equals(mine)).toBe(true);
    // another dossier's document under this code: 404 (for the citizen and the officers)
    expect((await d.download(online.code, citizen, scan.documentId)).status).toBe(404);
    expect((await d.download(online.code, { token: t.desk }, scan.documentId)).status).toBe(404);
  });

  it('refuses to sign a download of a file the scan found infected, and tells who asked', async () => {
    const { code } = await s.receive(t.desk, 'TP-LLTP', applicant(7));
    const doc = await d.upload(code, { token: t.desk }, pdf(4000, EICAR));
    const res = await downloadWhenScanned(code, { token: t.desk }, doc.documentId);
    expect(res.status).toBe(423);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toContain('THREATS_FOUND');
    expect(res.body.detail).toContain('cách ly');
    // a file not scanned yet is not served either: 409 with Retry-After
    const clean = await d.upload(code, { token: t.desk }, pdf(3000));
    await h.runtime.documents.scanner.idle();
    await s3.send(new PutObjectTaggingCommand({ Bucket: h.runtime.documents.bucket, Key: `dossiers/${code}/${clean.documentId}`, Tagging: { TagSet: [] } }));
    const unscanned = await d.download(code, { token: t.desk }, clean.documentId);
    expect(unscanned.status).toBe(409);
    expect(unscanned.headers.get('retry-after')).toBe('10');
  });

  it('returns the result file with the last approval: the citizen gets a link to their page, then the file', async () => {
    const { code, lookupPin } = await s.receive(t.desk, 'DL-LHND', applicant(8));
    await s.task('SDL', t.sdl, code, 's1-sdl');
    // only the agency of the last agency step, while it is pending, uploads the result
    expect((await d.ask(code, { token: t.desk }, declare(pdf(), { purpose: 'result' }))).status).toBe(403);
    expect((await d.ask(code, { pin: lookupPin }, declare(pdf(), { purpose: 'result' }))).status).toBe(422);
    const licence = pdf(8000);
    const result = await d.upload(code, { token: t.sdl }, licence, { name: 'Giấy phép kinh doanh lữ hành.pdf', purpose: 'result' });
    expect(result.stage).toBe('result');
    const notResult = await d.upload(code, { token: t.desk }, pdf(1000));
    const refused = await h.call('POST', `/dossiers/${code}/steps/s1-sdl/decision`, { token: t.sdl, body: { outcome: 'approve', resultDocument: { documentId: notResult.documentId } } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('resultDocument.documentId');
    await s.decide(t.sdl, code, 's1-sdl', { outcome: 'approve', resultDocument: { documentId: result.documentId } });
    await s.status(t.desk, code, 9);
    // decided, not yet returned: the citizen can neither see nor download the result yet
    expect((await d.download(code, { pin: lookupPin }, result.documentId)).status).toBe(404);
    expect((await h.call('GET', `/public/dossiers/${code}`, { headers: { 'x-lookup-pin': lookupPin } })).body.documents.map((x: { purpose: string }) => x.purpose)).toEqual(['dossier']);
    await s.task('TTHCC', t.desk, code, 'return');
    await s.decide(t.desk, code, 'return', { outcome: 'approve' });
    await s.status(t.desk, code, 10);
    const email = await s.email(applicant(8).email, 'Đã trả kết quả');
    // locally the portal is the gateway itself (infra/local/runtime.ts), so the link opens the page
    expect(email.body.text).toContain(`${h.runtime.apiUrl}/c/${code}`);
    expect(email.body.text).toContain('Bản điện tử của kết quả');
    expect(email.body.text).not.toContain('Giấy phép kinh doanh lữ hành'); // no file name, no file
    expect(JSON.stringify(email)).not.toContain(licence.subarray(20, 60).toString('base64'));
    const page = await h.call('GET', `/public/dossiers/${code}`, { headers: { 'x-lookup-pin': lookupPin } });
    const listed = page.body.documents.map((x: { documentId: string; purpose: string }) => `${x.purpose}:${x.documentId}`).sort();
    expect(listed).toEqual([`dossier:${notResult.documentId}`, `result:${result.documentId}`]);
    expect(JSON.stringify(page.body.documents)).not.toMatch(/uploadedBy|sdl-1|desk-1/);
    const link = await downloadWhenScanned(code, { pin: lookupPin }, result.documentId);
    expect(link.status).toBe(200);
    expect((await fetchBytes(link.body.url)).equals(licence)).toBe(true);
    // the desk's own scan is not the citizen's result, but it is a document of their dossier
    expect((await d.download(code, { pin: lookupPin }, notResult.documentId)).status).toBe(200);
  });

  it('deletes every file of a dossier at anonymisation, says how many, and no name is left', async () => {
    const { code, lookupPin } = await s.receive(t.desk, 'TP-LLTP', applicant(9));
    const files = [await d.upload(code, { token: t.desk }, pdf(2000)), await d.upload(code, { token: t.desk }, pdf(3000))];
    expect(await objectsUnder(`dossiers/${code}/`)).toHaveLength(2);
    // s3rver keeps no versions (ListObjectVersions is refused): deletion falls back to listing objects, as documented
    await expect(s3.send(new ListObjectVersionsCommand({ Bucket: h.runtime.documents.bucket, Prefix: `dossiers/${code}/` }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 405 } });
    expect((await h.call('POST', `/public/dossiers/${code}/withdraw`, { headers: { 'x-lookup-pin': lookupPin }, body: { reason: 'Không còn nhu cầu' } })).status).toBe(202);
    const exportOf = async () => (await h.call('GET', `/ops/applicants/export?email=${encodeURIComponent(applicant(9).email)}`, { token: t.operator })).body;
    await eventually(async () => (await exportOf()).dossiers?.[0]?.dossier?.closedAt);
    const exported = (await exportOf()).dossiers[0];
    expect(exported.documents.map((x: { documentId: string }) => x.documentId).sort()).toEqual(files.map((f) => f.documentId).sort());
    expect(exported.documents[0].download).toContain(`GET /dossiers/${code}/documents/`);
    expect((await s.setClock('2032-01-10T09:00:00+07:00')).status).toBe(200);
    const run = (await h.call('POST', '/_local/jobs/anonymise-closed')).body;
    expect(run.anonymised).toBeGreaterThanOrEqual(1);
    expect(run.filesDeleted).toBeGreaterThanOrEqual(2);
    expect(await objectsUnder(`dossiers/${code}/`)).toEqual([]);
    const view = await s.dossier(t.desk, code);
    expect(view.files).toHaveLength(2);
    for (const f of view.files) expect(f).toMatchObject({ name: '(đã xóa / deleted)', deletedAt: expect.any(String) });
    expect((await d.download(code, { token: t.desk }, files[0]!.documentId)).status).toBe(410);
    expect((await h.call('POST', '/_local/jobs/anonymise-closed')).body.filesDeleted).toBe(0);
  });
});
