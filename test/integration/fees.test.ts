import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/**
 * Issue 23 on the local runtime: a dossier with a fee enters status 6 with its letter; the citizen
 * pays at the stand-in hub, which confirms server to server; the dossier moves on, the receipt is
 * emailed, the clock did not count the wait; a repeated confirmation is recorded once, a tampered
 * or mismatched one refused; cash at the desk; a late confirmation flagged; the day reconciled.
 */
describe('fees paid online and at the counter', () => {
  let h: Harness;
  let desk: string;
  let operator: string;
  const DAY = '2026-12-02';

  const receive = async (n: number, fees: 'later' | 'cash' = 'later') => {
    const res = await h.call('POST', '/dossiers', {
      token: desk,
      body: { procedureCode: 'TP-LLTP', applicant: applicant(n), channel: 'counter', fees },
      headers: { 'idempotency-key': uniqueKey() },
    });
    expect(res.status).toBe(201);
    return { code: res.body.code as string, pin: res.body.lookupPin as string, appointmentAt: res.body.appointmentAt as string };
  };
  const lookup = (d: { code: string; pin: string }) => h.call('GET', `/public/dossiers/${d.code}`, { headers: { 'x-lookup-pin': d.pin } });
  const startPayment = (d: { code: string; pin: string }) =>
    h.call('POST', `/public/dossiers/${d.code}/payments`, { body: {}, headers: { 'x-lookup-pin': d.pin, 'idempotency-key': uniqueKey() } });

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: `${DAY}T09:00:00+07:00` } });
    desk = await h.token('desk-officer-1', ['desk']);
    operator = await h.token('operator-1', ['operator']);
  });
  afterAll(() => h?.stop());

  let paid: { code: string; pin: string; appointmentAt: string };
  let paymentId: string;

  it('a fee due at submission: status 6, the letter names the fee and the total', async () => {
    paid = await receive(1);
    const view = await lookup(paid);
    expect(view.status).toBe(200);
    expect(view.body.status).toBe(6);
    expect(view.body.fees).toMatchObject({ total: 200000, paid: false, lines: [{ code: 'LLTP-01', amount: 200000 }] });
    const letter = await eventually(async () => (await h.emailsTo(applicant(1).email)).find((e) => /phí, lệ phí/.test(e.subject)));
    expect(letter.body.text).toContain('200.000 đ');
    expect(letter.body.text).toContain('Total: 200.000 đ');
  });

  it('the citizen pays at the hub; the hub confirms server to server; the dossier moves on, the clock skipped the wait', async () => {
    await h.advance('PT2H'); // two working hours waiting for the fee
    const started = await startPayment(paid);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ total: 200000, currency: 'VND' });
    expect(started.body.payUrl).toContain('/_local/payhub/pay/');
    paymentId = started.body.paymentId;
    const page = await fetch(started.body.payUrl);
    expect(await page.text()).toContain('200.000 đ');
    const settled = await h.call('POST', `/_local/payhub/payments/${paymentId}/pay`);
    expect(settled.status).toBe(200);
    expect(settled.body.confirmation).toMatchObject({ status: 200, body: { outcome: 'recorded' } });
    const view = (await lookup(paid)).body;
    expect(view.status).not.toBe(6);
    expect(view.fees).toMatchObject({ paid: true, receipt: { invoiceTemplateNo: '01BLP0-001', invoiceNo: '0000001' } });
    // the two hours in status 6 did not count: the appointment moved on by them
    const moved = Date.parse(view.appointmentAt) - Date.parse(paid.appointmentAt);
    expect(moved).toBeGreaterThanOrEqual(2 * 3600_000);
    expect(moved).toBeLessThan(2 * 3600_000 + 60_000);
    const receipt = await eventually(async () => (await h.emailsTo(applicant(1).email)).find((e) => /Biên lai/.test(e.subject)));
    expect(receipt.body.text).toContain('0000001');
  });

  it('a repeated confirmation is recorded once; a tampered one is refused; a mismatched amount is refused', async () => {
    const again = await h.call('POST', '/_local/payhub/replay', { body: { paymentId } });
    expect(again.body.confirmation).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    const tampered = await h.call('POST', '/_local/payhub/replay', { body: { paymentId, amount: 1 } });
    expect(tampered.body.confirmation.status).toBe(401);
    const forged = await h.call('POST', '/_local/payhub/replay', { body: { paymentId, signature: 'ab'.repeat(32) } });
    expect(forged.body.confirmation.status).toBe(401);
    const wrongAmount = await h.call('POST', '/_local/payhub/replay', { body: { paymentId, amount: 100000, resign: true } });
    expect(wrongAmount.body.confirmation.status).toBe(422);
    const list = await h.call('GET', `/payments?from=${DAY}&to=${DAY}`, { token: operator });
    expect(list.status).toBe(200);
    expect(list.body.payments.filter((p: { paymentId: string }) => p.paymentId === paymentId)).toHaveLength(1);
    await h.settled();
    expect((await h.emailsTo(applicant(1).email)).filter((e) => /Biên lai/.test(e.subject))).toHaveLength(1);
  });

  it('cash at the desk: recorded once with its receipt; an amount that is not the total is refused', async () => {
    const d = await receive(2);
    const key = uniqueKey();
    const pay = (amount: number, k = key) => h.call('POST', `/dossiers/${d.code}/payments`, { token: desk, body: { method: 'cash', amount }, headers: { 'idempotency-key': k } });
    expect((await pay(150000, uniqueKey())).status).toBe(422);
    const first = await pay(200000);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ outcome: 'recorded', method: 'cash', total: 200000, receipt: { invoiceNo: '0000002' } });
    expect((await pay(200000)).body).toEqual(first.body);
    expect((await pay(200000, uniqueKey())).status).toBe(409);
    expect((await lookup(d)).body.fees.paid).toBe(true);
  });

  it('a cancelled payment leaves status 6 and a way to pay again; a late confirmation after a withdrawal is recorded and flagged', async () => {
    const d = await receive(3);
    const first = (await startPayment(d)).body;
    expect((await h.call('POST', `/_local/payhub/payments/${first.paymentId}/cancel`)).body.confirmation).toMatchObject({ status: 200, body: { outcome: 'cancelled' } });
    expect((await lookup(d)).body.status).toBe(6);
    const second = (await startPayment(d)).body;
    // the hub settles, but its confirmation is late: the citizen withdraws meanwhile
    await h.call('POST', `/_local/payhub/payments/${second.paymentId}/pay`, { body: { confirm: false } });
    expect((await h.call('POST', `/public/dossiers/${d.code}/withdraw`, { body: {}, headers: { 'x-lookup-pin': d.pin, 'idempotency-key': uniqueKey() } })).status).toBe(202);
    const late = await h.call('POST', '/_local/payhub/replay', { body: { paymentId: second.paymentId } });
    expect(late.body.confirmation).toMatchObject({ status: 200, body: { outcome: 'recorded', reconcile: 'dossier-moved-on' } });
  });

  it('fees due before the return: decided → status 6 with its letter; the return step refuses to hand back an unpaid result (409 naming the fee); paid → handed back', async () => {
    const stp = await h.token('stp-1', ['agency-STP']);
    const published = await h.call('PUT', '/procedures/FEE-RETURN', {
      token: operator,
      headers: { 'idempotency-key': uniqueKey() },
      body: {
        effectiveFrom: DAY,
        name: { vi: 'Thủ tục có lệ phí khi trả kết quả', en: 'Procedure with a fee on return' },
        field: { vi: 'Thử', en: 'Test' },
        legalHours: 16,
        receivingAgency: 'TTHCC',
        stages: [
          { steps: [{ stepId: 's1-stp', agency: 'STP', name: { vi: 'Thẩm định', en: 'Appraisal' }, budgetHours: 8 }] },
          { steps: [{ stepId: 'return', agency: 'TTHCC', name: { vi: 'Trả kết quả', en: 'Return' }, budgetHours: 4 }] },
        ],
        fees: [{ code: 'LP-01', kind: 'le-phi', name: { vi: 'Lệ phí cấp giấy phép', en: 'Licence fee' }, amount: 75000 }],
        feesDue: 'before-return',
      },
    });
    expect(published.status).toBe(201);
    const res = await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'FEE-RETURN', applicant: applicant(4), channel: 'counter' } });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe(2); // nothing due at submission
    const code = res.body.code as string;
    await eventually(async () => (await h.call('GET', '/agencies/STP/tasks', { token: stp })).body.tasks?.some((t: { dossierCode: string }) => t.dossierCode === code));
    expect((await h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: stp, headers: { 'idempotency-key': uniqueKey() }, body: { outcome: 'approve' } })).status).toBe(202);
    await eventually(async () => (await h.call('GET', `/dossiers/${code}`, { token: desk })).body.status === 6);
    await eventually(async () => (await h.emailsTo(applicant(4).email)).some((e) => /phí, lệ phí/.test(e.subject) && e.body.text.includes('75.000 đ')));
    await eventually(async () => (await h.call('GET', '/agencies/TTHCC/tasks', { token: desk })).body.tasks?.some((t: { dossierCode: string; stepId: string }) => t.dossierCode === code && t.stepId === 'return'));
    const refused = await h.call('POST', `/dossiers/${code}/steps/return/decision`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { outcome: 'approve' } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('LP-01');
    const cash = await h.call('POST', `/dossiers/${code}/payments`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { method: 'cash', amount: 75000 } });
    expect(cash.status).toBe(201);
    expect((await h.call('GET', `/dossiers/${code}`, { token: desk })).body.status).toBe(9);
    expect((await h.call('POST', `/dossiers/${code}/steps/return/decision`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { outcome: 'approve' } })).status).toBe(202);
    await eventually(async () => (await h.call('GET', `/dossiers/${code}`, { token: desk })).body.status === 10);
  });

  it('the day reconciles: every online payment the hub settled is recorded, the flagged one listed', async () => {
    const rec = await h.call('GET', `/payments/reconciliation?date=${DAY}`, { token: operator });
    expect(rec.status).toBe(200);
    expect(rec.body.hub).toEqual(rec.body.platform);
    expect(rec.body.mismatches.map((m: { kind: string }) => m.kind)).toEqual(['flagged']);
    const list = (await h.call('GET', `/payments?from=${DAY}&to=${DAY}`, { token: operator })).body;
    expect(list.total).toBe(3 * 200000 + 75000);
    expect(list.byMethod).toEqual({ online: { count: 2, total: 400000 }, cash: { count: 2, total: 275000 } });
    expect((await h.call('GET', `/payments/reconciliation?date=${DAY}`, { token: desk })).status).toBe(403);
  });
});
