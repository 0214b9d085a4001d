import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { HUB_SECRET, paymentEnv } from '../../test/support/fees';
import { canonicalStatement, sign } from '../commons/payment-hub';
import { paymentsOn, type PaydayItem } from '../commons/payments';
import { refundsOn, type RefundDayItem } from '../commons/refunds';
import { Reconciliation } from '../contracts/payments';
import { reconcile, route } from './route';

vi.mock('../commons/payments', () => ({ paymentsOn: vi.fn() }));
vi.mock('../commons/refunds', async (original) => ({ ...(await original<object>()), refundsOn: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const receipt = { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000001' };
const paid = (paymentId: string, total: number, method: PaydayItem['method'] = 'online', extra: Partial<PaydayItem> = {}): PaydayItem => ({
  paymentId, dossierCode: 'TTHCC-261207-0001', procedureCode: 'TP-LLTP', unit: 'TTHCC', method, total, lines: [], receipt, paidAt: '2026-12-07T03:00:00.000Z', ...extra,
});
const refunded = (paymentId: string, amount: number, method: RefundDayItem['method'] = 'online'): RefundDayItem => ({
  refundId: `R${paymentId.slice(1)}`, paymentId, dossierCode: 'TTHCC-261207-0001', procedureCode: 'TP-LLTP', unit: 'TTHCC', method, amount, refundedAt: '2026-12-07T05:00:00.000Z',
});
const settled = (paymentId: string, amount: number) => ({ paymentId, amount, hubRef: `HUB-${paymentId}`, paidAt: '2026-12-07T03:00:00.000Z' });
const hubRefund = (paymentId: string, amount: number) => ({ refundId: `R${paymentId.slice(1)}`, paymentId, amount, hubRef: `HUBR-${paymentId}`, refundedAt: '2026-12-07T05:00:00.000Z' });

/** The hub's answer: its statement of the day, signed with `secret` (the hub's unless a test says otherwise). */
function hubAnswers(settlements: ReturnType<typeof settled>[], refunds: ReturnType<typeof hubRefund>[], tamper?: (s: { settlements: typeof settlements }) => void, secret = HUB_SECRET) {
  const statement = { date: '2026-12-07', settlements, refunds };
  const signature = sign(secret, canonicalStatement(statement));
  tamper?.(statement);
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ ...statement, signature }), { status: 200 }));
}

describe('GET /payments/reconciliation', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    vi.mocked(paymentsOn).mockReset().mockResolvedValue([paid('P1', 200000), paid('P2', 3000000, 'cash'), paid('P3', 75000), paid('P4', 200000, 'card')]);
    vi.mocked(refundsOn).mockReset().mockResolvedValue([refunded('P3', 75000), refunded('P4', 200000, 'card')]);
  });
  afterEach(() => vi.restoreAllMocks());

  it('balances a day to the đồng: online paid and refunded as the hub says, the counter\'s money taken and handed back', async () => {
    hubAnswers([settled('P1', 200000), settled('P3', 75000)], [hubRefund('P3', 75000)]);
    const answer = await invoke(route, { as: operator, query: { date: '2026-12-07' } });
    expect(answer.status).toBe(200);
    expect(Reconciliation.parse(answer.body)).toEqual({
      date: '2026-12-07',
      platform: { count: 2, total: 275000 },
      hub: { count: 2, total: 275000 },
      refunds: { platform: { count: 1, total: 75000 }, hub: { count: 1, total: 75000 } },
      counter: { paid: { count: 2, total: 3200000 }, refunded: { count: 1, total: 200000 }, net: 3000000 },
      net: { hub: 200000, online: 200000, counter: 3000000, total: 3200000 },
      balanced: true,
      mismatches: [],
    });
    // the request to the hub is signed too
    const [, init] = vi.mocked(fetch).mock.calls[0]!;
    expect((init as RequestInit).headers).toEqual({ 'x-signature': sign(HUB_SECRET, 'date=2026-12-07') });
  });

  it('refuses a statement changed after the hub signed it, or signed with another key (502, saying so), reconciling nothing', async () => {
    hubAnswers([settled('P1', 200000), settled('P3', 75000)], [hubRefund('P3', 75000)], (s) => void (s.settlements[0]!.amount = 100));
    const tampered = await invoke(route, { as: operator, query: { date: '2026-12-07' } });
    expect(tampered.status).toBe(502);
    expect(tampered.body.detail).toContain('not signed by the hub');
    expect(tampered.body.detail).toContain('không có chữ ký hợp lệ');
    vi.restoreAllMocks();
    hubAnswers([settled('P1', 200000)], [], undefined, 'someone-else');
    expect((await invoke(route, { as: operator, query: { date: '2026-12-07' } })).status).toBe(502);
    expect(paymentsOn).not.toHaveBeenCalled();
  });

  it('lists what only one side knows, amounts that differ, refunds likewise, and payments flagged on arrival until refunded', () => {
    const r = reconcile(
      { settlements: [settled('P1', 200000), settled('P4', 75000), settled('P5', 200000), settled('P6', 200000), settled('P7', 200000)], refunds: [hubRefund('P7', 200000), hubRefund('P8', 5000)] },
      [paid('P1', 200000), paid('P3', 200000), paid('P5', 100000), paid('P6', 200000, 'online', { reconcile: 'dossier-moved-on' }), paid('P7', 200000, 'online', { reconcile: 'already-paid' }), paid('P2', 5, 'cash')],
      [refunded('P7', 150000), refunded('P9', 1000)],
      new Set(['P7']),
    );
    expect(r.mismatches).toEqual([
      { paymentId: 'P4', kind: 'hub-only', hubAmount: 75000 },
      { paymentId: 'P5', kind: 'amount-differs', hubAmount: 200000, platformAmount: 100000 },
      { paymentId: 'P3', kind: 'platform-only', platformAmount: 200000 },
      { paymentId: 'P6', kind: 'flagged', platformAmount: 200000, note: 'dossier-moved-on' },
      { paymentId: 'P7', refundId: 'R7', kind: 'refund-amount-differs', hubAmount: 200000, platformAmount: 150000 },
      { paymentId: 'P8', refundId: 'R8', kind: 'refund-hub-only', hubAmount: 5000 },
      { paymentId: 'P9', refundId: 'R9', kind: 'refund-platform-only', platformAmount: 1000 },
    ]);
    expect(r.hub).toEqual({ count: 5, total: 875000 });
    expect(r.platform).toEqual({ count: 5, total: 900000 });
    expect(r.net).toEqual({ hub: 875000 - 205000, online: 900000 - 151000, counter: 5, total: 900000 - 151000 + 5 });
  });

  it('is the operators\': a desk officer is refused (403), and a bad date named (400)', async () => {
    const hub = hubAnswers([], []);
    expect((await invoke(route, { as: desk, query: { date: '2026-12-07' } })).status).toBe(403);
    const bad = await invoke(route, { as: operator, query: { date: '7/12/2026' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('date');
    expect(hub).not.toHaveBeenCalled();
  });
});
