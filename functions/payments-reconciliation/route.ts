import * as z from 'zod';
import { hubSettlements } from '../commons/payment-hub';
import { paymentsOn } from '../commons/payments';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { Reconciliation } from '../contracts/payments';

export const Query = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD') });

type Mismatch = z.infer<typeof Reconciliation>['mismatches'][number];

/** What the hub settled against what the platform recorded online, one payment at a time. Pure. */
export function reconcile(
  hub: { paymentId: string; amount: number }[],
  platform: { paymentId: string; total: number; method: string; reconcile?: string }[],
): { mismatches: Mismatch[]; hub: { count: number; total: number }; platform: { count: number; total: number } } {
  const online = platform.filter((p) => p.method === 'online');
  const mine = new Map(online.map((p) => [p.paymentId, p]));
  const theirs = new Map(hub.map((h) => [h.paymentId, h]));
  const mismatches: Mismatch[] = [];
  for (const h of hub) {
    const p = mine.get(h.paymentId);
    if (!p) mismatches.push({ paymentId: h.paymentId, kind: 'hub-only', hubAmount: h.amount });
    else if (p.total !== h.amount) mismatches.push({ paymentId: h.paymentId, kind: 'amount-differs', hubAmount: h.amount, platformAmount: p.total });
  }
  for (const p of online) if (!theirs.has(p.paymentId)) mismatches.push({ paymentId: p.paymentId, kind: 'platform-only', platformAmount: p.total });
  for (const p of platform) if (p.reconcile) mismatches.push({ paymentId: p.paymentId, kind: 'flagged', platformAmount: p.total, note: p.reconcile });
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    mismatches,
    hub: { count: hub.length, total: sum(hub.map((h) => h.amount)) },
    platform: { count: online.length, total: sum(online.map((p) => p.total)) },
  };
}

/**
 * GET /payments/reconciliation?date= (operators): the day's online payments as the hub settled
 * them against what the platform recorded — payments only one side knows, amounts that differ,
 * and payments recorded for a dossier that had moved on. Balanced: no mismatch.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/payments/reconciliation',
  summary: 'The day\'s reconciliation of the hub\'s settlements with the payments recorded',
  operationId: 'paymentsReconciliation',
  roles: ['operator'],
  access: { table: 'read', paymentHubSecret: true },
  query: Query,
  responses: { 200: Reconciliation },
  errors: [...OFFICER_ERRORS, 502],
  handler: async ({ query: { date } }) => {
    const [hub, platform] = await Promise.all([hubSettlements(date), paymentsOn(date)]);
    const r = reconcile(hub, platform);
    return reply(200, { date, ...r, balanced: r.mismatches.length === 0 });
  },
});
