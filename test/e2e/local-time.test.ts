import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../infra/registry';
import { applicant, eventually, scenario, startHarness, uniqueKey, type Harness } from '../support/local';
import { documents, pdf } from '../support/documents';
import { signIn } from '../support/national-sign-in';
import { testCitizens } from '../../infra/local/oidc';
import { canonicalConfirmation, canonicalRefundConfirmation, sign } from '../../functions/commons/payment-hub';
import { applyOnline, askCompletion, attach, citizenToken, judicialRecordAnswers } from '../support/online';
import { seedOnlineDossier } from '../support/online';
import { hanoi } from '../support/centre';
import { signedPush } from '../../infra/local/dvcqg';
import { portalDate } from '../../functions/core/dvcqg';
import { listOutbox } from '../../functions/commons/outbox';

/** Every ISO instant inside a string (a value, or a date written into a sentence). */
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/g;

function instantsNotLocal(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'string') {
    for (const m of value.matchAll(INSTANT)) if (m[1] !== '+07:00') out.push(`${path}: ${m[0]}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => instantsNotLocal(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) instantsNotLocal(v, `${path}.${k}`, out);
  }
  return out;
}

const compiled = routes.map((r) => ({ key: `${r.method} ${r.path}`, method: r.method, pattern: new RegExp(`^(?:/api)?${r.path.replace(/\{\w+\}/g, '[^/]+')}$`) }));
const routeOf = (method: string, path: string) => compiled.find((r) => r.method === method && r.pattern.test(path.split('?')[0]!))?.key;

/**
 * A dossier's whole life driven across every route of the registry through the local gateway —
 * supplement (citizen and desk), delay, lapse, approvals, return, rating, withdrawal, the records,
 * the export — and every JSON answer searched for an instant that is not in local time (+07:00).
 */
describe('every instant of every answer is local time (+07:00)', () => {
  let h: Harness;
  const answers: { route: string; status: number; body: unknown }[] = [];

  beforeAll(async () => {
    h = await startHarness({ resume: false, retryScale: 0.01 });
    const raw = h.call;
    h.call = async (method, path, opts) => {
      const res = await raw(method, path, opts);
      const route = routeOf(method, path);
      if (route) answers.push({ route, status: res.status, body: res.body });
      return res;
    };
  });
  afterAll(() => h?.stop());

  it('walks every route and finds no instant without +07:00', async () => {
    const s = scenario(h);
    await s.setClock('2026-12-02T10:00:00+07:00');
    const [desk, op, stp, catp] = await Promise.all([
      h.token('desk-1', ['desk']),
      h.token('op-1', ['operator']),
      h.token('stp-1', ['agency-STP']),
      h.token('catp-1', ['agency-CATP']),
    ]);
    const pin = (d: { lookupPin: string }) => ({ 'x-lookup-pin': d.lookupPin, 'idempotency-key': uniqueKey() });
    const who = applicant(71);
    await h.call('GET', '/procedures', { token: desk });
    await h.call('GET', '/public/centre');
    const a = await s.receive(desk, 'TP-LLTP', who);
    const b = await s.receive(desk, 'TP-LLTP', applicant(72));
    const c = await s.receive(desk, 'DL-LHND', applicant(73));

    // a supplement asked of A (answered by the citizen) and of B (answered at the desk)
    for (const d of [a, b]) {
      await s.task('STP', stp, d.code, 's1-stp');
      await s.decide(stp, d.code, 's1-stp', { outcome: 'request-supplement', missing: ['Bản sao CCCD'], reason: 'Thiếu giấy tờ tùy thân' });
      await s.status(desk, d.code, 5);
    }
    expect((await h.call('GET', `/public/dossiers/${a.code}`, { headers: pin(a) })).body.supplement.missing).toEqual(['Bản sao CCCD']);
    // the supplement's files: uploaded by the citizen (A) and by the desk (B), each downloaded once scanned
    const files = documents(h);
    const mine = await files.upload(a.code, { pin: a.lookupPin }, pdf(3000));
    const scan = await files.upload(b.code, { token: desk }, pdf(2500));
    await eventually(async () => (await files.download(a.code, { pin: a.lookupPin }, mine.documentId)).status === 200);
    await eventually(async () => (await files.download(b.code, { token: stp }, scan.documentId)).status === 200);
    expect((await h.call('POST', `/public/dossiers/${a.code}/supplement`, { headers: pin(a), body: { documents: [{ documentId: mine.documentId }, { name: 'CCCD', ref: 'upload://cccd.pdf' }] } })).status).toBe(202);
    expect((await h.call('POST', `/dossiers/${b.code}/supplement`, { token: desk, body: { documents: [{ documentId: scan.documentId }, { name: 'CCCD', ref: 'desk://scan/1' }] } })).status).toBe(202);
    // a draft uploaded before its dossier, claimed at intake
    const draft = await files.draft(desk, pdf(2000));
    expect((await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: applicant(74), channel: 'counter', documents: [{ draftId: draft.draftId }] } })).status).toBe(201);

    // A: a delay reported, approved, then the police's step lapses (an apology), then approved
    await s.task('STP', stp, a.code, 's1-stp');
    expect((await h.call('POST', `/dossiers/${a.code}/steps/s1-stp/delay`, { token: stp, body: { reason: 'Chờ xác minh', newDueAt: '2026-12-11T17:00:00+07:00' } })).status).toBe(202);
    await s.email(who.email, 'xin lỗi');
    await s.decide(stp, a.code, 's1-stp', { outcome: 'approve' });
    await s.task('CATP', catp, a.code, 's2-catp');
    await h.advance('P14D');
    await eventually(async () => (await h.emailsTo(who.email)).filter((e) => e.subject.includes('xin lỗi')).length >= 2, 30_000);
    await s.decide(catp, a.code, 's2-catp', { outcome: 'approve' });
    await s.status(desk, a.code, 9);
    await s.task('TTHCC', desk, a.code, 'return');
    await s.decide(desk, a.code, 'return', { outcome: 'approve' });
    await s.status(desk, a.code, 10);
    expect((await h.call('POST', `/public/dossiers/${a.code}/rating`, { headers: pin(a), body: { score: 5, comment: 'Nhanh' } })).status).toBe(201);
    // and evaluated by criterion (issue 25), once
    const best = Object.fromEntries(hanoi.evaluation!.criteria.map((x) => [x.id, x.scale.length]));
    expect((await h.call('GET', `/public/dossiers/${a.code}/evaluation`, { headers: pin(a) })).body.canEvaluate).toBe(true);
    expect((await h.call('POST', `/public/dossiers/${a.code}/evaluation`, { headers: pin(a), body: { answers: best } })).status).toBe(201);
    const seen = await h.call('GET', `/public/dossiers/${a.code}`, { headers: pin(a) });
    expect(seen.body.history.map((e: { event: string }) => e.event)).toContain('apology');

    // C: withdrawn by the citizen
    expect((await h.call('POST', `/public/dossiers/${c.code}/withdraw`, { headers: pin(c), body: { reason: 'Không còn nhu cầu' } })).status).toBe(202);

    // the officers' and operators' reads
    await h.call('GET', `/dossiers/${a.code}`, { token: desk });
    // the desk corrects a phone: its correctedAt is local time too
    expect((await h.call('PATCH', `/dossiers/${b.code}/applicant`, { token: desk, body: { phone: '0911 222 333' } })).status).toBe(200);
    await h.call('GET', `/dossiers?q=${a.code}`, { token: desk });
    await h.call('GET', '/dossiers?q=nguyen', { token: op });
    await h.call('GET', '/agencies/CATP/tasks', { token: catp });
    await h.call('GET', `/dossiers/${a.code}/control-sheet`, { token: desk });
    await h.call('GET', '/agencies/STP/logbook?date=2026-12-02', { token: stp });
    await h.call('GET', '/agencies/TTHCC/logbook?date=2026-12-02', { token: op });
    await h.call('GET', '/reports/timeliness?from=2026-12-01&to=2026-12-31&by=agency', { token: op });
    await h.call('GET', '/reports/timeliness?from=2026-12-01&to=2026-12-31&by=procedure', { token: op });
    await h.call('POST', `/ops/dossiers/${b.code}/resume`, { token: op });
    await h.call('GET', `/ops/applicants/export?email=${encodeURIComponent(who.email)}`, { token: op });
    await h.call('GET', '/ops/dossiers?state=failed', { token: op });
    // the operators' console
    await h.call('GET', '/reports/timeliness/dossiers?from=2026-12-01&to=2026-12-31&by=agency&key=STP&measure=steps', { token: op });
    await h.call('GET', '/ops/emails?state=bounced', { token: op });
    // the national portal's sync: one pass of the outbox (the poller is off in this runtime) while
    // the portal is down, the operators' view, and a resend of the event waiting for its retry
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: true } });
    await h.runtime.outbox.once();
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: false } });
    await h.call('GET', '/ops/sync?state=pending', { token: op });
    const reconciled = await h.call('POST', '/ops/sync/reconciliation', { token: op, headers: { 'idempotency-key': uniqueKey() } });
    await h.call('GET', `/ops/sync/reconciliation?date=${reconciled.body.date}`, { token: op });
    await h.call('GET', '/ops/sync/status', { token: op });
    await h.call('POST', '/ops/sync/backfill', { token: op, headers: { 'idempotency-key': uniqueKey() }, body: {} });
    const hook = (await h.call('POST', '/agencies/STP/webhooks', { token: stp, headers: { 'idempotency-key': uniqueKey() }, body: { url: 'http://127.0.0.1:9/hook' } })).body;
    await h.call('GET', `/agencies/STP/webhooks/${hook.id}/deliveries`, { token: stp });
    await h.call('GET', '/agencies/STP/webhooks', { token: stp });
    await h.call('PATCH', `/agencies/STP/webhooks/${hook.id}`, { token: stp, body: { enabled: false } });
    const stpEvent = (await listOutbox(a.code)).find((e) => e.event.agency === 'STP');
    expect((await h.call('POST', `/agencies/STP/webhooks/${hook.id}/replay`, { token: stp, headers: { 'idempotency-key': uniqueKey() }, body: { code: a.code, seq: stpEvent?.seq ?? 1 } })).status).toBe(202);
    await h.call('DELETE', `/agencies/STP/webhooks/${hook.id}`, { token: stp });
    const retried = await h.call('POST', `/ops/sync/${a.code}.1/retry`, { token: op, headers: { 'idempotency-key': uniqueKey() } });
    expect(retried.status, JSON.stringify(retried.body)).toBe(202);
    await h.call('GET', '/ops/overdue?quietDays=0', { token: op });
    await h.call('GET', '/agencies', { token: stp });
    await h.call('PUT', '/agencies/LTEST', { token: op, body: { name: { vi: 'Cơ quan thử', en: 'Test agency' }, kind: 'department', email: 'ltest@example.vn' } });
    // the PIN: reissued at the desk, a reminder asked by the citizen
    expect((await h.call('POST', `/dossiers/${b.code}/pin`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: {} })).status).toBe(202);
    expect((await h.call('POST', `/public/dossiers/${c.code}/pin-reminder`, { headers: { 'idempotency-key': uniqueKey() }, body: {} })).status).toBe(202);
    // a letter that bounced: the desk's citizens to call, then an operator re-sends it
    const bounced = await s.receive(desk, 'DL-LHND', { ...applicant(75), email: 'bounce@simulator.amazonses.com' });
    await eventually(async () => (await h.call('GET', '/agencies/TTHCC/contacts', { token: desk })).body.contacts.some((x: { dossierCode: string }) => x.dossierCode === bounced.code), 30_000);
    await h.call('GET', `/dossiers/${bounced.code}`, { token: desk });
    expect((await h.call('POST', `/ops/emails/${bounced.code}~receipt/resend`, { token: op })).status).toBe(202);
    await h.call('GET', `/dossiers/${b.code}`, { token: desk });
    await h.call('GET', '/calendars/2026', { token: op });
    await h.call('PUT', '/calendars/2030', { token: op, body: { year: 2030, status: 'awaiting-notice', entries: [] } });
    await h.call('PUT', '/procedures/LT-TEST', {
      token: op,
      body: {
        effectiveFrom: '2026-12-20',
        name: { vi: 'Thủ tục thử', en: 'Test procedure' },
        field: { vi: 'Thử', en: 'Test' },
        legalHours: 16,
        receivingAgency: 'TTHCC',
        stages: [
          { steps: [{ stepId: 's1-stp', agency: 'STP', name: { vi: 'Thẩm định', en: 'Appraisal' }, budgetHours: 8 }] },
          { steps: [{ stepId: 'return', agency: 'TTHCC', name: { vi: 'Trả kết quả', en: 'Return' }, budgetHours: 4 }] },
        ],
      },
    });
    // the signed-in citizen: the national sign-in (its local stand-in), their dossiers, sign-out
    const lan = testCitizens()[0]!;
    const session = await signIn(h, lan.identityNumber);
    const own = await s.receive(desk, 'DL-LHND', { ...applicant(76), idNumber: lan.identityNumber });
    expect((await h.call('GET', '/public/me', { token: session.token })).status).toBe(200);
    expect((await h.call('GET', '/public/me/dossiers', { token: session.token })).body.dossiers.map((x: { code: string }) => x.code)).toContain(own.code);
    expect((await h.call('GET', `/public/me/dossiers/${own.code}`, { token: session.token })).status).toBe(200);
    // fees (docs/fees.md): status 6; paid online (the hub's signed confirmation), with a session, and in cash; listed and reconciled
    const owing = async (n: number, idNumber?: string) =>
      (await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: { ...applicant(n), ...(idNumber ? { idNumber } : {}) }, channel: 'counter', fees: 'later' } })).body;
    const f1 = await owing(77);
    const started = (await h.call('POST', `/public/dossiers/${f1.code}/payments`, { headers: pin(f1), body: {} })).body;
    const hubSecret = JSON.parse(process.env.LOCAL_SECRETS!)[process.env.PAYHUB_SECRET_NAME!] as string;
    const confirmation = { paymentId: started.paymentId, dossierCode: f1.code, amount: 200000, currency: 'VND', status: 'paid' as const, hubRef: 'HUB-LT', paidAt: String((await h.call('GET', '/_local/clock')).body.now) };
    expect((await h.call('POST', '/public/payments/confirm', { body: { ...confirmation, signature: sign(hubSecret, canonicalConfirmation(confirmation)) } })).status).toBe(200);
    // the national portal pushes a dossier (signed): its answer's instants in local time
    const pushAt = new Date(String((await h.call('GET', '/_local/clock')).body.now));
    const pushed = signedPush({ MaHoSo: 'G22.H26-LT-0001', MaTTHC: '2.000488', MaDonVi: '000.00.00.H26', NgayNopHoSo: portalDate(pushAt.toISOString()), ChuHoSo: { HoVaTen: 'Lê Thị Hoa', SoDinhDanh: '001099055555' }, TruongThongTin: judicialRecordAnswers('Lê Thị Hoa', '001099055555') }, pushAt);
    expect((await h.call('POST', '/public/national-portal/dossiers', pushed)).status).toBe(201);
    const f2 = await owing(78, lan.identityNumber);
    expect((await h.call('POST', `/public/me/dossiers/${f2.code}/payments`, { token: session.token, headers: { 'idempotency-key': uniqueKey() }, body: {} })).status).toBe(201);
    const atDesk = await h.call('POST', `/dossiers/${f2.code}/payments`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { method: 'cash', amount: 200000 } });
    expect(atDesk.status).toBe(201);
    expect((await h.call('GET', `/public/dossiers/${f1.code}`, { headers: pin(f1) })).body.fees.paid).toBe(true);
    await h.call('GET', '/payments?from=2026-12-01&to=2026-12-31', { token: op });
    await h.call('GET', '/payments/reconciliation?date=2026-12-02', { token: op });
    // the receipt as a PDF (citizen, desk)
    expect((await h.call('GET', `/public/dossiers/${f1.code}/payments/${started.paymentId}/receipt`, { headers: pin(f1) })).status).toBe(200);
    expect((await h.call('GET', `/payments/${started.paymentId}/receipt`, { token: op })).status).toBe(200);
    expect((await h.call('GET', `/public/me/dossiers/${f2.code}/payments/${atDesk.body.paymentId}/receipt`, { token: session.token })).status).toBe(200);
    // f3 paid through the hub, withdrawn, its fee refunded through the hub (held, then its signed confirmation)
    const f3 = await owing(79);
    const paying = (await h.call('POST', `/public/dossiers/${f3.code}/payments`, { headers: pin(f3), body: {} })).body;
    expect((await h.call('POST', `/_local/payhub/payments/${paying.paymentId}/pay`)).status).toBe(200);
    expect((await h.call('POST', `/public/dossiers/${f3.code}/withdraw`, { headers: pin(f3), body: {} })).status).toBe(202);
    await h.call('POST', '/_local/payhub/refunds/hold', { body: { hold: true } });
    const asked = await h.call('POST', `/payments/${paying.paymentId}/refund`, { token: op, headers: { 'idempotency-key': uniqueKey() }, body: { reason: 'Rút hồ sơ trước khi xử lý' } });
    expect(asked.status).toBe(202);
    await h.call('POST', '/_local/payhub/refunds/hold', { body: { hold: false } });
    const refunded = { refundId: asked.body.refundId, paymentId: paying.paymentId, amount: 200000, currency: 'VND', status: 'refunded' as const, hubRef: 'HUBR-LT', refundedAt: String((await h.call('GET', '/_local/clock')).body.now) };
    expect((await h.call('POST', '/public/payments/refund-confirm', { body: { ...refunded, signature: sign(hubSecret, canonicalRefundConfirmation(refunded)) } })).status).toBe(200);
    // handed back, then evaluated by its signed-in owner (issue 25)
    const sdl1 = await h.token('sdl-1', ['agency-SDL']);
    await s.task('SDL', sdl1, own.code, 's1-sdl');
    await s.decide(sdl1, own.code, 's1-sdl', { outcome: 'approve' });
    await s.task('TTHCC', desk, own.code, 'return');
    await s.decide(desk, own.code, 'return', { outcome: 'approve' });
    await s.status(desk, own.code, 10);
    expect((await h.call('GET', `/public/me/dossiers/${own.code}/evaluation`, { token: session.token })).status).toBe(200);
    expect((await h.call('POST', `/public/me/dossiers/${own.code}/evaluation`, { token: session.token, headers: { 'idempotency-key': uniqueKey() }, body: { answers: best } })).status).toBe(201);
    expect((await h.call('POST', '/public/sign-out', { token: session.token })).status).toBe(200);
    // citizens' feedback: received, listed, assigned, answered, published, found, counted
    const fa = (await h.call('POST', '/public/feedback', { headers: { 'idempotency-key': uniqueKey() }, body: { kind: 'handling', text: 'Hồ sơ chậm', email: 'lt-feedback@example.vn' } })).body;
    const fb = (await h.call('POST', '/feedback', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { channel: 'letter', kind: 'question', text: 'Hỏi bằng thư' } })).body;
    await h.call('GET', '/feedback?limit=1', { token: desk });
    await h.call('POST', `/feedback/${fa.code}/assign`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { agency: 'STP' } });
    await h.call('POST', `/feedback/${fb.code}/merge`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { into: fa.code } });
    await h.call('GET', `/feedback/${fa.code}`, { token: stp });
    await h.call('POST', `/feedback/${fa.code}/answer`, { token: stp, headers: { 'idempotency-key': uniqueKey() }, body: { text: 'Đã giải quyết' } });
    await h.call('POST', `/feedback/${fa.code}/publish`, { token: op, headers: { 'idempotency-key': uniqueKey() }, body: {} });
    await h.call('GET', '/public/feedback?q=ho%20so', {});
    await h.call('GET', '/feedback/figures?from=2026-12-01&to=2026-12-31', { token: op });

    // applying online: the catalogue, a draft with its file, the submission, the application read back, a completion
    await h.call('GET', '/public/procedures?q=ly%20lich');
    await h.call('GET', '/public/procedures/TP-LLTP');
    const applicant76 = await citizenToken(h, 76);
    const applied = await applyOnline(h, applicant76);
    await h.call('GET', `/public/applications/${applied.id}`, { token: applicant76 });
    const later = (await h.call('POST', '/public/applications', { token: applicant76, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP' } })).body;
    expect((await h.call('PUT', `/public/applications/${later.id}`, { token: applicant76, body: { answers: { hoTen: 'Công dân 76' } } })).status).toBe(200);
    await askCompletion(h, applied.code);
    const extra = await attach(h, applicant76, applied.id);
    expect((await h.call('POST', `/public/me/dossiers/${applied.code}/completion`, { token: applicant76, headers: { 'idempotency-key': uniqueKey() }, body: { documents: [{ requirement: 'can-cuoc', documentId: extra }] } })).status).toBe(201);

    // an online dossier: the desk's queue, its check, the fully online result downloaded by its owner
    const online = await seedOnlineDossier(h, { procedureCode: 'DL-LHND', level: 'fully' });
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    await h.call('GET', '/checks', { token: desk });
    expect((await h.call('POST', `/dossiers/${online.code}/check`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { outcome: 'receive' } })).status).toBe(200);
    // its fee (status 6) taken at the desk
    expect((await h.call('POST', `/dossiers/${online.code}/payments`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { method: 'card', amount: 3000000 } })).status).toBe(201);
    await s.task('SDL', sdl, online.code, 's1-sdl');
    const onlineResult = await documents(h).upload(online.code, { token: sdl }, pdf(3000), { name: 'Giấy phép.pdf', purpose: 'result' });
    await s.decide(sdl, online.code, 's1-sdl', { outcome: 'approve', resultDocument: { documentId: onlineResult.documentId } });
    await s.task('TTHCC', desk, online.code, 'return');
    const owner = (await h.call('POST', '/_local/tokens', { body: { citizen: online.citizen } })).body.token;
    await eventually(async () => (await h.call('GET', `/public/me/dossiers/${online.code}/result`, { token: owner })).status === 200);
    // handed back (its result downloaded online), evaluated at the desk's kiosk (issue 25); the figures and reports
    await s.status(desk, online.code, 10);
    expect((await h.call('GET', `/dossiers/${online.code}/evaluation`, { token: desk })).status).toBe(200);
    expect((await h.call('POST', `/dossiers/${online.code}/evaluation`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { answers: best } })).status).toBe(201);
    await h.call('GET', '/reports/officers?from=2026-12-01&to=2026-12-31', { token: op });
    await h.call('GET', '/reports/index766?from=2026-12-01&to=2026-12-31', { token: op });
    await h.call('GET', '/reports/periodic?period=2026-12', { token: op });

    const ok = new Set(answers.filter((x) => x.status < 300).map((x) => x.route));
    expect([...ok].sort(), 'every route answered with success at least once').toEqual(compiled.map((r) => r.key).sort());
    const bad = answers.flatMap((x) => instantsNotLocal(x.body).map((p) => `${x.route} ${p}`));
    expect(bad).toEqual([]);
    console.log(`local time: ${answers.length} answers over ${ok.size} routes, ${answers.reduce((n, x) => n + (JSON.stringify(x.body).match(INSTANT)?.length ?? 0), 0)} instants, all +07:00`);
  }, 240_000);
});
