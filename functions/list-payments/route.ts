import * as z from 'zod';
import { atSameDesk } from '../commons/access';
import { badRequest } from '../commons/http';
import { paymentsOn } from '../commons/payments';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { PaymentList } from '../contracts/payments';
import { toLocalIso } from '../core/local-time';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const Query = z.object({ from: day, to: day });
const MAX_DAYS = 31;

/** The local days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/**
 * GET /payments?from=&to= (operators: every desk; a desk officer: the payments of its own desk,
 * the branch's or the main desk's): the payments recorded on those local days, with totals per
 * day, per method and per procedure. Integer đồng; no payer named.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/payments',
  summary: 'Payments recorded (per day, method and procedure)',
  operationId: 'listPayments',
  roles: ['operator', 'desk'],
  access: { table: 'read' },
  query: Query,
  responses: { 200: PaymentList },
  errors: [...OFFICER_ERRORS, 400],
  handler: async ({ caller, query: { from, to } }) => {
    const days = daysBetween(from, to);
    if (days.length === 0) throw badRequest('to is before from', [{ field: 'to', message: 'on or after from' }]);
    if (days.length > MAX_DAYS) throw badRequest(`at most ${MAX_DAYS} days`, [{ field: 'to', message: `at most ${MAX_DAYS} days after from` }]);
    const operator = caller.groups.includes('operator');
    const payments = [];
    const add = (m: Record<string, { count: number; total: number }>, k: string, amount: number) => {
      const c = (m[k] ??= { count: 0, total: 0 });
      c.count += 1;
      c.total += amount;
    };
    const byDay: Record<string, { count: number; total: number }> = {};
    const byMethod: Record<string, { count: number; total: number }> = {};
    const byProcedure: Record<string, { count: number; total: number }> = {};
    let total = 0;
    for (const d of days) {
      for (const p of await paymentsOn(d)) {
        if (!operator && !atSameDesk(caller, p.branch)) continue;
        payments.push({
          paymentId: p.paymentId,
          dossierCode: p.dossierCode,
          procedureCode: p.procedureCode,
          unit: p.unit,
          method: p.method,
          total: p.total,
          paidAt: toLocalIso(p.paidAt),
          receipt: p.receipt,
          ...(p.reconcile ? { reconcile: p.reconcile } : {}),
        });
        total += p.total;
        add(byDay, d, p.total);
        add(byMethod, p.method, p.total);
        add(byProcedure, p.procedureCode, p.total);
      }
    }
    return reply(200, { from, to, payments, total, byDay, byMethod, byProcedure });
  },
});
