import * as z from 'zod';
import { HttpProblem } from '../commons/http';
import { hubStatement, StatementUnsigned, type SettledRefund, type Settlement } from '../commons/payment-hub';
import { paymentsOn } from '../commons/payments';
import { logger } from '../commons/powertools';
import { getRefund, refundIdOf, refundsOn } from '../commons/refunds';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { Reconciliation } from '../contracts/payments';
import { sumDong } from '../core/fees';

export const Query = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD') });

type Mismatch = z.infer<typeof Reconciliation>['mismatches'][number];
type Count = { count: number; total: number };
const count = (amounts: number[]): Count => ({ count: amounts.length, total: sumDong(amounts) });

/**
 * What the hub settled and refunded against what the platform recorded, one payment and one
 * refund at a time, and the day's money to the đồng. Pure. Online: the hub's lines against the
 * platform's (hub-only, platform-only, amounts that differ; for refunds the same, `refund-…`); a
 * payment flagged on arrival (its dossier had moved on) is a mismatch until it is refunded
 * (`resolved`: the payment ids whose refund is recorded, on any day). Counter money is not the
 * hub's: it is summed (taken, handed back, net: what the desks' drawers must hold).
 */
export function reconcile(
  hub: { settlements: Pick<Settlement, 'paymentId' | 'amount'>[]; refunds: Pick<SettledRefund, 'refundId' | 'paymentId' | 'amount'>[] },
  platform: { paymentId: string; total: number; method: string; reconcile?: string }[],
  refunds: { refundId: string; paymentId: string; amount: number; method: string }[] = [],
  resolved: ReadonlySet<string> = new Set(),
) {
  const online = platform.filter((p) => p.method === 'online');
  const mine = new Map(online.map((p) => [p.paymentId, p]));
  const theirs = new Map(hub.settlements.map((h) => [h.paymentId, h]));
  const mismatches: Mismatch[] = [];
  for (const h of hub.settlements) {
    const p = mine.get(h.paymentId);
    if (!p) mismatches.push({ paymentId: h.paymentId, kind: 'hub-only', hubAmount: h.amount });
    else if (p.total !== h.amount) mismatches.push({ paymentId: h.paymentId, kind: 'amount-differs', hubAmount: h.amount, platformAmount: p.total });
  }
  for (const p of online) if (!theirs.has(p.paymentId)) mismatches.push({ paymentId: p.paymentId, kind: 'platform-only', platformAmount: p.total });
  for (const p of platform) if (p.reconcile && !resolved.has(p.paymentId)) mismatches.push({ paymentId: p.paymentId, kind: 'flagged', platformAmount: p.total, note: p.reconcile });

  const onlineRefunds = refunds.filter((r) => r.method === 'online');
  const myRefunds = new Map(onlineRefunds.map((r) => [r.refundId, r]));
  const theirRefunds = new Map(hub.refunds.map((r) => [r.refundId, r]));
  for (const h of hub.refunds) {
    const r = myRefunds.get(h.refundId);
    if (!r) mismatches.push({ paymentId: h.paymentId, refundId: h.refundId, kind: 'refund-hub-only', hubAmount: h.amount });
    else if (r.amount !== h.amount) mismatches.push({ paymentId: h.paymentId, refundId: h.refundId, kind: 'refund-amount-differs', hubAmount: h.amount, platformAmount: r.amount });
  }
  for (const r of onlineRefunds) if (!theirRefunds.has(r.refundId)) mismatches.push({ paymentId: r.paymentId, refundId: r.refundId, kind: 'refund-platform-only', platformAmount: r.amount });

  const counterPaid = count(platform.filter((p) => p.method !== 'online').map((p) => p.total));
  const counterRefunded = count(refunds.filter((r) => r.method !== 'online').map((r) => r.amount));
  const hubPaid = count(hub.settlements.map((h) => h.amount));
  const hubRefunded = count(hub.refunds.map((r) => r.amount));
  const platformPaid = count(online.map((p) => p.total));
  const platformRefunded = count(onlineRefunds.map((r) => r.amount));
  const counterNet = counterPaid.total - counterRefunded.total;
  return {
    mismatches,
    hub: hubPaid,
    platform: platformPaid,
    refunds: { hub: hubRefunded, platform: platformRefunded },
    counter: { paid: counterPaid, refunded: counterRefunded, net: counterNet },
    net: {
      hub: hubPaid.total - hubRefunded.total,
      online: platformPaid.total - platformRefunded.total,
      counter: counterNet,
      total: platformPaid.total - platformRefunded.total + counterNet,
    },
  };
}

/**
 * GET /payments/reconciliation?date= (operators): the day's money. The hub's statement (its
 * settlements and refunds, signed by the hub: a statement whose signature is not the hub's is
 * refused, 502, and nothing of it is reconciled) against what the platform recorded — payments
 * and refunds only one side knows, amounts that differ, payments recorded for a dossier that had
 * moved on and not yet refunded — and the counter's money taken and handed back. Balanced: no
 * mismatch, and the hub's net is the platform's online net.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/payments/reconciliation',
  summary: 'The day\'s reconciliation: the hub\'s signed statement against the payments and refunds recorded',
  operationId: 'paymentsReconciliation',
  roles: ['operator'],
  access: { table: 'read', paymentHubSecret: true },
  query: Query,
  responses: { 200: Reconciliation },
  errors: [...OFFICER_ERRORS, 502],
  handler: async ({ query: { date } }) => {
    let statement;
    try {
      statement = await hubStatement(date);
    } catch (error) {
      if (!(error instanceof StatementUnsigned)) throw error;
      logger.error('hub statement refused: bad signature', { date });
      throw new HttpProblem(502, 'Bad Gateway', `Bảng kê ngày ${date} của cổng thanh toán không có chữ ký hợp lệ của cổng: không đối soát được · The payment hub's statement of ${date} is not signed by the hub (tampered or not from the hub): it is not reconciled`);
    }
    const [platform, refunds] = await Promise.all([paymentsOn(date), refundsOn(date)]);
    const flagged = platform.filter((p) => p.reconcile);
    const resolved = new Set<string>();
    for (const p of flagged) if ((await getRefund(refundIdOf(p.paymentId)))?.state === 'refunded') resolved.add(p.paymentId);
    const r = reconcile(statement, platform, refunds, resolved);
    return reply(200, { date, ...r, balanced: r.mismatches.length === 0 && r.net.hub === r.net.online });
  },
});
