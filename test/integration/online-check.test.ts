import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, scenario, startHarness, uniqueKey, type Harness } from '../support/local';
import { documents, pdf } from '../support/documents';
import { seedOnlineDossier } from '../support/online';

/**
 * The desk's check of an online dossier (issue 21 item 4) against the local runtime: the queue,
 * receive (status 2, the workflow, form 01), ask for completion (the letter), refuse (status 3,
 * form 03), two officers at once, who may check, and the check's lapse warning the desk once.
 */
describe("the desk's check of online dossiers", () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  const t: Record<string, string> = {};
  const DESK_EMAIL = 'motcua@hanoi.example.gov.vn';
  const check = (code: string, body: unknown, token = t.desk) => h.call('POST', `/dossiers/${code}/check`, { token, body, headers: { 'idempotency-key': uniqueKey() } });

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    s = scenario(h);
    await s.setClock('2026-12-07T09:00:00+07:00'); // a Monday
    t.desk = await h.token('desk-1', ['desk']);
    t.desk2 = await h.token('desk-2', ['desk']);
    t.branch = await h.token('desk-bdh', ['desk', 'branch-BDH']);
    t.stp = await h.token('stp-1', ['agency-STP']);
    t.operator = await h.token('op-1', ['operator']);
  });
  afterAll(() => h?.stop());

  it('lists the dossier in the desk’s queue, then receives it: status 2, the workflow runs, form 01 by email for an online applicant', async () => {
    const d = await seedOnlineDossier(h);
    const queue = await h.call('GET', '/checks', { token: t.desk });
    expect(queue.status).toBe(200);
    const row = queue.body.checks.find((c: { code: string }) => c.code === d.code);
    expect(row).toMatchObject({ lapsed: false, completionAsked: false, workingHoursLeft: 8, applicantName: d.citizen.name });
    expect((await h.call('GET', '/checks', { token: t.branch })).body.checks.some((c: { code: string }) => c.code === d.code)).toBe(false);

    const answer = await check(d.code, { outcome: 'receive' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ outcome: 'receive', status: 2, receivedAt: '2026-12-07T09:00:00+07:00' });
    await s.task('STP', t.stp, d.code);
    const receipt = await s.email(d.citizen.email, `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${d.code}`);
    expect(receipt.body.text).toContain('/dvc/');
    expect(receipt.body.text).not.toContain('printed on your paper receipt');
    expect((await h.call('GET', '/checks', { token: t.desk })).body.checks.some((c: { code: string }) => c.code === d.code)).toBe(false);
    // checked again: the same officer's retry is answered the same; another decision is 409
    expect((await check(d.code, { outcome: 'receive' })).status).toBe(200);
    expect((await check(d.code, { outcome: 'refuse', reason: 'Không đủ điều kiện' })).status).toBe(409);
  });

  it('asks for completion: stays in status 1, shown as waiting for the citizen, the letter says what is missing and why', async () => {
    const d = await seedOnlineDossier(h);
    const answer = await check(d.code, { outcome: 'request-completion', missing: ['Bản sao căn cước công dân'], reason: 'Thiếu giấy tờ tùy thân' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ status: 1 });
    const row = (await h.call('GET', '/checks', { token: t.desk })).body.checks.find((c: { code: string }) => c.code === d.code);
    expect(row).toMatchObject({ completionAsked: true, workingHoursLeft: null });
    const letter = await s.email(d.citizen.email, `Đề nghị bổ sung, hoàn thiện hồ sơ trực tuyến ${d.code}`);
    expect(letter.body.text).toContain('Bản sao căn cước công dân');
    expect(letter.body.text).toContain('Lý do: Thiếu giấy tờ tùy thân.');
    expect(letter.body.text).toMatch(/\/dvc\//);
    expect((await check(d.code, { outcome: 'receive' })).status).toBe(409);
  });

  it('refuses to receive it: status 3, closed, form 03 by email', async () => {
    const d = await seedOnlineDossier(h);
    const answer = await check(d.code, { outcome: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền của Trung tâm' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ outcome: 'refuse', status: 3 });
    const letter = await s.email(d.citizen.email, `Phiếu từ chối tiếp nhận hồ sơ ${d.code}`);
    expect(letter.body.text).toContain('Lý do: Thủ tục không thuộc thẩm quyền của Trung tâm.');
    expect((await s.dossier(t.desk, d.code)).status).toBe(3);
  });

  it('two officers receiving at once: one 200, the other 409, one workflow', async () => {
    const d = await seedOnlineDossier(h);
    const answers = await Promise.all([check(d.code, { outcome: 'receive' }, t.desk), check(d.code, { outcome: 'receive' }, t.desk2)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    await s.task('STP', t.stp, d.code);
  });

  it("refuses another branch's desk officer, an agency officer and an operator; an unknown dossier is 404", async () => {
    const d = await seedOnlineDossier(h);
    expect((await check(d.code, { outcome: 'receive' }, t.branch)).status).toBe(403);
    expect((await check(d.code, { outcome: 'receive' }, t.stp)).status).toBe(403);
    expect((await check(d.code, { outcome: 'receive' }, t.operator)).status).toBe(403);
    expect((await h.call('GET', '/checks', { token: t.stp })).status).toBe(403);
    expect((await check('TTHCC-261207-7777', { outcome: 'receive' })).status).toBe(404);
    expect((await s.dossier(t.desk, d.code)).status).toBe(1);
  });

  /** The citizen pays the dossier's fee on the portal, through the stand-in hub (its confirmation reaches the API). */
  const payOnline = async (code: string, token: string) => {
    expect((await s.dossier(t.desk, code)).status).toBe(6);
    const started = await h.call('POST', `/public/me/dossiers/${code}/payments`, { token, headers: { 'idempotency-key': uniqueKey() }, body: {} });
    expect(started.status).toBe(201);
    expect((await h.call('POST', `/_local/payhub/payments/${started.body.paymentId}/pay`)).body.confirmation.status).toBe(200);
  };

  it('a fully online result: its owner downloads it on the portal and the dossier closes as returned (status 10); nobody else may', async () => {
    const d = await seedOnlineDossier(h, { procedureCode: 'DL-LHND', level: 'fully' });
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    const owner = (await h.call('POST', '/_local/tokens', { body: { citizen: d.citizen } })).body.token;
    const other = (await h.call('POST', '/_local/tokens', { body: { citizen: { identityNumber: '001099099999', name: 'Trần Thị Bình', email: 'binh@example.vn' } } })).body.token;
    const result = `/public/me/dossiers/${d.code}/result`;
    expect((await check(d.code, { outcome: 'receive' })).status).toBe(200);
    await payOnline(d.code, owner); // its fee (docs/fees.md): status 6 until paid
    await s.task('SDL', sdl, d.code, 's1-sdl');
    expect((await h.call('GET', result, { token: owner })).status).toBe(409); // not ready yet
    const file = await documents(h).upload(d.code, { token: sdl }, pdf(4000), { name: 'Giấy phép lữ hành.pdf', purpose: 'result' });
    await s.decide(sdl, d.code, 's1-sdl', { outcome: 'approve', resultDocument: { documentId: file.documentId } });
    await s.status(t.desk, d.code, 9);
    await s.task('TTHCC', t.desk, d.code, 'return');
    await h.runtime.documents.scanner.idle();
    expect((await h.call('GET', result, { token: other })).status).toBe(404);
    expect((await h.call('GET', result, { token: t.desk })).status).toBe(401);
    const link = await eventually(async () => {
      const res = await h.call('GET', result, { token: owner });
      return res.status === 200 && res.body;
    });
    expect(link.url).toContain(file.documentId);
    await s.status(t.desk, d.code, 10);
    expect((await s.dossier(t.desk, d.code)).status).toBe(10);
    // downloaded again after the return: still the link
    expect((await h.call('GET', result, { token: owner })).status).toBe(200);
  });

  it('a check not done in time: the job warns the desk once (run twice: one letter), and the console lists it', async () => {
    const d = await seedOnlineDossier(h);
    await h.advance('PT30H'); // Tuesday 15:00: the 8 working hours ended Tuesday 09:00
    const row = (await h.call('GET', '/checks', { token: t.desk })).body.checks.find((c: { code: string }) => c.code === d.code);
    expect(row).toMatchObject({ lapsed: true });
    expect(row.workingHoursLeft).toBeLessThan(0);
    const first = await h.call('POST', '/_local/jobs/check-lapses');
    expect(first.status).toBe(200);
    expect(first.body.warned).toBeGreaterThanOrEqual(1);
    const warning = await s.email(DESK_EMAIL, `Quá hạn kiểm tra hồ sơ trực tuyến ${d.code}`);
    expect(warning.body.text).not.toContain(d.citizen.name);
    const again = await h.call('POST', '/_local/jobs/check-lapses');
    expect(again.body.warned).toBe(0);
    await h.settled();
    expect((await h.emailsTo(DESK_EMAIL)).filter((e) => e.subject.includes(d.code))).toHaveLength(1);
    const overdue = await h.call('GET', '/ops/overdue', { token: t.operator });
    expect(overdue.body.lapsedChecks.find((c: { dossierCode: string }) => c.dossierCode === d.code)).toMatchObject({ desk: 'TTHCC', procedure: 'TP-LLTP' });
    await eventually(async () => (await h.call('GET', '/ops/overdue', { token: t.operator })).body.lapsedChecks.find((c: { dossierCode: string; warnedAt: string | null }) => c.dossierCode === d.code && c.warnedAt));
  });
  it('a fully online result nobody downloads is handed back by the job after 10 working days (status 10)', async () => {
    const d = await seedOnlineDossier(h, { procedureCode: 'DL-LHND', level: 'fully' });
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    expect((await check(d.code, { outcome: 'receive' })).status).toBe(200);
    await payOnline(d.code, (await h.call('POST', '/_local/tokens', { body: { citizen: d.citizen } })).body.token);
    await s.task('SDL', sdl, d.code, 's1-sdl');
    const file = await documents(h).upload(d.code, { token: sdl }, pdf(3000), { name: 'Giấy phép lữ hành.pdf', purpose: 'result' });
    await s.decide(sdl, d.code, 's1-sdl', { outcome: 'approve', resultDocument: { documentId: file.documentId } });
    await s.status(t.desk, d.code, 9);
    await s.task('TTHCC', t.desk, d.code, 'return');
    // not yet: ready a moment ago
    expect((await h.call('POST', '/_local/jobs/check-lapses')).body.returned).toBe(0);
    await h.advance('P15D');
    const run = await h.call('POST', '/_local/jobs/check-lapses');
    expect(run.body.returned).toBe(1);
    await s.status(t.desk, d.code, 10);
    const returnStep = (await s.dossier(t.desk, d.code)).steps.find((x: { stepId: string }) => x.stepId === 'return');
    expect(returnStep.state).toBe('approved');
    expect((await h.call('POST', '/_local/jobs/check-lapses')).body.returned).toBe(0);
  });
});
