import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';
import { pdfText } from '../support/pdf-text';

/**
 * Issue 23, "Done when": the day's reconciliation balances to the đồng for a mixed day of online,
 * counter, refunded and failed payments. On the local runtime with the stand-in hub: paid online,
 * paid in cash and by card, a payment that failed at the hub, an online payment refunded through
 * the hub (signed request, signed server-to-server confirmation), cash handed back at the desk, a
 * late confirmation after a withdrawal refunded; never more than was paid, never twice; the
 * letters; then the hub's signed statement reconciled, and a tampered statement refused.
 */
describe('refunds and the day reconciled to the đồng', () => {
  let h: Harness;
  let desk: string;
  let operator: string;
  const DAY = '2026-12-03';
  const FEE = 200_000;

  type D = { code: string; pin: string };
  const receive = async (n: number, fees: 'later' | 'cash' | 'card' = 'later'): Promise<D> => {
    const res = await h.call('POST', '/dossiers', { token: desk, body: { procedureCode: 'TP-LLTP', applicant: applicant(n), channel: 'counter', fees }, headers: { 'idempotency-key': uniqueKey() } });
    expect(res.status).toBe(201);
    return { code: res.body.code, pin: res.body.lookupPin };
  };
  const startPayment = async (d: D) => {
    const res = await h.call('POST', `/public/dossiers/${d.code}/payments`, { body: {}, headers: { 'x-lookup-pin': d.pin, 'idempotency-key': uniqueKey() } });
    expect(res.status).toBe(201);
    return res.body.paymentId as string;
  };
  const payOnline = async (d: D) => {
    const id = await startPayment(d);
    expect((await h.call('POST', `/_local/payhub/payments/${id}/pay`)).body.confirmation).toMatchObject({ status: 200, body: { outcome: 'recorded' } });
    return id;
  };
  const payAtDesk = async (d: D, method: 'cash' | 'card') => {
    const res = await h.call('POST', `/dossiers/${d.code}/payments`, { token: desk, body: { method, amount: FEE }, headers: { 'idempotency-key': uniqueKey() } });
    expect(res.status).toBe(201);
    return res.body.paymentId as string;
  };
  const withdraw = async (d: D) =>
    expect((await h.call('POST', `/public/dossiers/${d.code}/withdraw`, { body: {}, headers: { 'x-lookup-pin': d.pin, 'idempotency-key': uniqueKey() } })).status).toBe(202);
  const refund = (paymentId: string, token: string, body: Record<string, unknown> = { reason: 'Hồ sơ đã rút trước khi xử lý · Withdrawn before processing' }, key = uniqueKey()) =>
    h.call('POST', `/payments/${paymentId}/refund`, { token, body, headers: { 'idempotency-key': key } });

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: `${DAY}T09:00:00+07:00` } });
    desk = await h.token('desk-officer-1', ['desk']);
    operator = await h.token('operator-1', ['operator']);
  });
  afterAll(() => h?.stop());

  const ids: Record<string, string> = {};

  it('an online payment of a withdrawn dossier is refunded through the hub: asked (202), confirmed server to server, the letter sent; never twice, never more', async () => {
    const d = await receive(11);
    ids.onlineRefunded = await payOnline(d);
    // a fee still owed (the dossier goes on) is not refunded
    expect((await refund(ids.onlineRefunded, operator)).status).toBe(409);
    await withdraw(d);
    expect((await refund(ids.onlineRefunded, operator, { reason: 'Hồ sơ đã rút', amount: FEE + 1 })).status).toBe(422);
    const key = uniqueKey();
    const asked = await refund(ids.onlineRefunded, operator, undefined, key);
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ state: 'requested', amount: FEE, method: 'online', ground: 'withdrawn' });
    // the same request again answers the same; the hub's confirmation comes server to server
    expect((await refund(ids.onlineRefunded, operator, undefined, key)).body).toEqual(asked.body);
    const letter = await eventually(async () => (await h.emailsTo(applicant(11).email)).find((e) => /hoàn trả/.test(e.subject)));
    expect(letter.body.text).toContain('200.000 đ');
    expect(letter.body.text).toContain('Reason: Hồ sơ đã rút trước khi xử lý');
    // refunded: a second refund is a conflict, the hub's confirmation again a duplicate
    expect((await refund(ids.onlineRefunded, operator)).status).toBe(409);
    const again = await h.call('POST', `/_local/payhub/refunds/R${ids.onlineRefunded.slice(1)}/confirm`, { body: {} });
    expect(again.body.confirmation).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    const forged = await h.call('POST', `/_local/payhub/refunds/R${ids.onlineRefunded.slice(1)}/confirm`, { body: { amount: 1 } });
    expect(forged.body.confirmation.status).toBe(401);
    await h.settled();
    expect((await h.emailsTo(applicant(11).email)).filter((e) => /hoàn trả/.test(e.subject))).toHaveLength(1);
    // the citizen's page says so; the receipt PDF names the refund; another dossier's PIN gets nothing (404)
    expect((await h.call('GET', `/public/dossiers/${d.code}`, { headers: { 'x-lookup-pin': d.pin } })).body.fees.refunded).toBe(FEE);
    const file = await h.call('GET', `/public/dossiers/${d.code}/payments/${ids.onlineRefunded}/receipt`, { headers: { 'x-lookup-pin': d.pin } });
    expect(file.status).toBe(200);
    const text = pdfText(Buffer.from(file.body.base64, 'base64')).join('\n');
    expect(text).toContain('Tổng cộng · Total: 200.000 đ');
    expect(text).toContain(`Người nộp · Payer: ${applicant(11).name}`);
    expect(text).toContain('Đã hoàn trả · Refunded: 200.000 đ');
    const other = await receive(17);
    expect((await h.call('GET', `/public/dossiers/${other.code}/payments/${ids.onlineRefunded}/receipt`, { headers: { 'x-lookup-pin': other.pin } })).status).toBe(404);
  });

  it('cash handed back at the desk for a withdrawn dossier (201, refunded at once); an operator cannot hand back cash', async () => {
    const d = await receive(12);
    ids.cashRefunded = await payAtDesk(d, 'cash');
    await withdraw(d);
    expect((await refund(ids.cashRefunded, operator)).status).toBe(403);
    const back = await refund(ids.cashRefunded, desk);
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ state: 'refunded', method: 'cash', amount: FEE });
    await eventually(async () => (await h.emailsTo(applicant(12).email)).find((e) => /hoàn trả/.test(e.subject) && e.body.text.includes('tiền mặt')));
  });

  it('a late confirmation after a withdrawal (money not owed) is refunded, and no longer a mismatch', async () => {
    const d = await receive(13);
    const id = await startPayment(d);
    await h.call('POST', `/_local/payhub/payments/${id}/pay`, { body: { confirm: false } });
    await withdraw(d);
    const late = await h.call('POST', '/_local/payhub/replay', { body: { paymentId: id } });
    expect(late.body.confirmation).toMatchObject({ status: 200, body: { reconcile: 'dossier-moved-on' } });
    ids.lateRefunded = id;
    const asked = await refund(id, operator, { reason: 'Tiền nộp sau khi hồ sơ đã rút · Paid after the withdrawal' });
    expect(asked.body).toMatchObject({ state: 'requested', ground: 'not-owed' });
    await eventually(async () => (await h.emailsTo(applicant(13).email)).find((e) => /hoàn trả/.test(e.subject)));
  });

  it('the rest of the day: paid online, paid in cash and by card, a payment that failed at the hub', async () => {
    ids.online = await payOnline(await receive(14));
    ids.cash = await payAtDesk(await receive(15), 'cash');
    const failing = await receive(16);
    const failed = await startPayment(failing);
    expect((await h.call('POST', `/_local/payhub/payments/${failed}/fail`)).body.confirmation).toMatchObject({ status: 200, body: { outcome: 'failed' } });
    ids.card = await payAtDesk(failing, 'card');
  });

  it('the day reconciles to the đồng: the hub\'s signed statement against what was recorded, online and at the counter', async () => {
    await h.settled();
    const rec = await h.call('GET', `/payments/reconciliation?date=${DAY}`, { token: operator });
    expect(rec.status).toBe(200);
    expect(rec.body).toEqual({
      date: DAY,
      // online: paid (three), refunded (two); the failed one is nobody's money
      platform: { count: 3, total: 3 * FEE },
      hub: { count: 3, total: 3 * FEE },
      refunds: { platform: { count: 2, total: 2 * FEE }, hub: { count: 2, total: 2 * FEE } },
      // counter: cash twice and a card, the cash of a withdrawn dossier handed back
      counter: { paid: { count: 3, total: 3 * FEE }, refunded: { count: 1, total: FEE }, net: 2 * FEE },
      net: { hub: FEE, online: FEE, counter: 2 * FEE, total: 3 * FEE },
      balanced: true,
      mismatches: [],
    });
    const list = (await h.call('GET', `/payments?from=${DAY}&to=${DAY}`, { token: operator })).body;
    expect(list.total).toBe(6 * FEE);
    expect(list.byMethod).toEqual({ online: { count: 3, total: 3 * FEE }, cash: { count: 2, total: 2 * FEE }, card: { count: 1, total: FEE } });
  });

  it('a statement changed after the hub signed it is refused, saying so (502); the hub\'s own is reconciled again', async () => {
    await h.call('POST', '/_local/payhub/statement-fault', { body: { tamper: true } });
    try {
      const rec = await h.call('GET', `/payments/reconciliation?date=${DAY}`, { token: operator, headers: { 'accept-language': 'en' } });
      expect(rec.status).toBe(502);
      expect(rec.body.detail).toContain('not signed by the hub');
    } finally {
      await h.call('POST', '/_local/payhub/statement-fault', { body: { tamper: false } });
    }
    expect((await h.call('GET', `/payments/reconciliation?date=${DAY}`, { token: operator })).body.balanced).toBe(true);
  });
});
