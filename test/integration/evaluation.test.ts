import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, type Harness } from '../support/local';
import { hanoi } from '../support/centre';

/**
 * Issue 25 on the local runtime: dossiers handled by known officers (two at the police, one late
 * step), evaluations → the officers' figures, the agencies', the 766 panel and the periodic report
 * (its workbook read back), each number with the dossiers behind it.
 *   A: received by desk-1, STP approved by stp-1, CATP approved LATE by catp-1 (after 14 days),
 *      returned by desk-2, evaluated with the PIN.
 *   B: received by desk-1, STP approved by stp-2, CATP still pending past its due (held by nobody).
 */
describe('evaluations and figures (issue 25)', () => {
  let h: Harness;
  const tok = {} as Record<'desk1' | 'desk2' | 'stp1' | 'stp2' | 'catp1' | 'headCatp' | 'headStp' | 'op', string>;
  const d = {} as Record<'a' | 'b', { code: string; lookupPin: string }>;
  const best = Object.fromEntries(hanoi.evaluation!.criteria.map((c) => [c.id, c.scale.length]));
  const answers = { ...best, visits: 2 };
  const range = 'from=2026-12-01&to=2026-12-31';

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    const s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    tok.desk1 = await h.token('desk-1', ['desk']);
    tok.desk2 = await h.token('desk-2', ['desk']);
    tok.stp1 = await h.token('stp-1', ['agency-STP']);
    tok.stp2 = await h.token('stp-2', ['agency-STP']);
    tok.catp1 = await h.token('catp-1', ['agency-CATP']);
    tok.headCatp = await h.token('catp-head', ['agency-CATP', 'head-CATP']);
    tok.headStp = await h.token('stp-head', ['agency-STP', 'head-STP']);
    tok.op = await h.token('op-1', ['operator']);
    d.a = await s.receive(tok.desk1, 'TP-LLTP', applicant(251));
    d.b = await s.receive(tok.desk1, 'TP-LLTP', applicant(252));
    await s.task('STP', tok.stp1, d.a.code, 's1-stp');
    await s.decide(tok.stp1, d.a.code, 's1-stp', { outcome: 'approve' });
    await s.task('STP', tok.stp2, d.b.code, 's1-stp');
    await s.decide(tok.stp2, d.b.code, 's1-stp', { outcome: 'approve' });
    await s.task('CATP', tok.catp1, d.a.code, 's2-catp');
    await s.task('CATP', tok.catp1, d.b.code, 's2-catp');
    await h.advance('P14D');
    await s.decide(tok.catp1, d.a.code, 's2-catp', { outcome: 'approve' });
    await s.task('TTHCC', tok.desk2, d.a.code, 'return');
    await s.decide(tok.desk2, d.a.code, 'return', { outcome: 'approve' });
    await s.status(tok.desk2, d.a.code, 10);
  }, 120_000);
  afterAll(() => h?.stop());

  const pin = (x: { lookupPin: string }) => ({ 'x-lookup-pin': x.lookupPin });

  it('takes one evaluation per dossier after the return; a wrong PIN is 404; before the return 409', async () => {
    expect((await h.call('POST', `/public/dossiers/${d.b.code}/evaluation`, { headers: pin(d.b), body: { answers } })).status).toBe(409);
    expect((await h.call('POST', `/public/dossiers/${d.a.code}/evaluation`, { headers: { 'x-lookup-pin': '00000000' }, body: { answers } })).status).toBe(404);
    const form = await h.call('GET', `/public/dossiers/${d.a.code}/evaluation`, { headers: pin(d.a) });
    expect(form.body).toMatchObject({ canEvaluate: true, given: false });
    expect(form.body.criteria).toHaveLength(12);
    const given = await h.call('POST', `/public/dossiers/${d.a.code}/evaluation`, { headers: pin(d.a), body: { answers, comment: 'Cán bộ tận tình' } });
    expect(given.status).toBe(201);
    expect(given.body).toEqual({ dossierCode: d.a.code, officers: 4 });
    // the kiosk cannot give a second one
    expect((await h.call('POST', `/dossiers/${d.a.code}/evaluation`, { token: tok.desk2, body: { answers } })).status).toBe(409);
  });

  it("shows each officer their own figures, with the dossiers behind them; another's refused", async () => {
    const catp = (await h.call('GET', `/reports/officers?${range}`, { token: tok.catp1 })).body;
    expect(catp.scope).toBe('own');
    expect(catp.officers).toHaveLength(1);
    expect(catp.officers[0]).toMatchObject({ key: 'catp-1', handled: { count: 1, dossiers: [d.a.code] }, late: { count: 1 } });
    expect(catp.officers[0].late.steps).toEqual([{ code: d.a.code, stepId: 's2-catp', agency: 'CATP', officer: 'catp-1', decided: true }]);
    expect(catp.officers[0].evaluations.criteria.find((c: { id: string }) => c.id === 'visits')).toMatchObject({ count: 1, mean: 2 });
    expect(catp.officers[0].evaluations.comments).toEqual(['Cán bộ tận tình']);
    const stp2 = (await h.call('GET', `/reports/officers?${range}`, { token: tok.stp2 })).body.officers[0];
    expect(stp2).toMatchObject({ key: 'stp-2', handled: { dossiers: [d.b.code] }, onTime: { count: 1, dossiers: [d.b.code] }, evaluations: { count: 0 } });
    const desk1 = (await h.call('GET', `/reports/officers?${range}`, { token: tok.desk1 })).body.officers[0];
    expect(desk1).toMatchObject({ key: 'desk-1', handled: { count: 2 }, evaluations: { count: 1, dossiers: [d.a.code] } });
    expect((await h.call('GET', `/reports/officers?${range}&officer=catp-1`, { token: tok.stp2 })).status).toBe(403);
    expect((await h.call('GET', `/reports/officers?${range}&agency=CATP`, { token: tok.headStp })).status).toBe(403);
  });

  it("shows an agency's head the agency's figures: the late steps name who held them (nobody yet for a pending one)", async () => {
    const head = (await h.call('GET', `/reports/officers?${range}`, { token: tok.headCatp })).body;
    expect(head.scope).toBe('agency');
    expect(head.agencies.map((a: { key: string }) => a.key)).toEqual(['CATP']);
    expect(head.officers.map((o: { key: string }) => o.key)).toEqual(['catp-1']);
    const late = head.agencies[0].late.steps.map((s: { code: string; officer: string | null }) => [s.code, s.officer]);
    expect(late).toEqual(expect.arrayContaining([[d.a.code, 'catp-1'], [d.b.code, null]]));
    expect(head.agencies[0].late.count).toBe(2);
  });

  it('computes the 766 panel with the dossiers behind each component, and names what it cannot', async () => {
    const panel = (await h.call('GET', `/reports/index766?${range}`, { token: tok.op })).body;
    const c = Object.fromEntries(panel.components.map((x: { id: string }) => [x.id, x]));
    expect(c['satisfaction-overall']).toMatchObject({ numerator: 1, denominator: 1, value: 100, dossiers: { numerator: [d.a.code] } });
    expect(c['progress-on-time'].dossiers.denominator).toEqual([d.a.code]);
    expect(c['online-share']).toMatchObject({ numerator: 0, denominator: 2 });
    expect(panel.notComputed.length).toBeGreaterThan(0);
  });

  it("exports the month's report as a workbook whose cells equal the API's figures and the timeliness report's", async () => {
    const json = (await h.call('GET', '/reports/periodic?period=2026-12', { token: tok.op })).body;
    expect(json.total).toMatchObject({ newReception: 2, preExisting: 0, totalSolved: 1, pending: 1, pendingLate: 1 });
    expect(json.total.dossiers.pendingLate).toEqual([d.b.code]);
    const timeliness = (await h.call('GET', `/reports/timeliness?${range}&by=procedure`, { token: tok.op })).body;
    expect(json.total.newReception).toBe(timeliness.total.dossiers.received);
    expect(json.lateDossiers.find((l: { code: string }) => l.code === d.b.code).steps).toEqual([{ code: d.b.code, stepId: 's2-catp', agency: 'CATP', officer: null, decided: false }]);
    const file = (await h.call('GET', '/reports/periodic?period=2026-12&format=xlsx', { token: tok.op })).body;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const total = book.getWorksheet('Theo thủ tục')!.getRow(3).values as unknown[];
    const t = json.total;
    expect(total.slice(1)).toEqual(['Tổng cộng', t.newReception, t.preExisting, t.totalSolved, t.solvedInTime, t.solvedLate, t.withdrawn, t.refused, t.pending, t.pendingLate]);
    const intake = book.getWorksheet('Tiếp nhận theo ngày')!.getRow(2).values as unknown[];
    expect(intake.slice(1)).toEqual(['2026-12-02', 'TTHCC', 2]);
    const late = book.getWorksheet('Hồ sơ trễ hạn')!;
    expect(late.getRow(1).values).toEqual([undefined, 'Mã hồ sơ', 'Tình trạng', 'Bước', 'Cơ quan', 'Cán bộ giữ hồ sơ khi trễ']);
  });
});
