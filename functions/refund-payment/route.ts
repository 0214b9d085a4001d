import * as z from 'zod';
import { paymentId } from '../commons/params';
import { atSameDesk } from '../commons/access';
import { now } from '../commons/clock';
import { conflict, forbidden, HttpProblem, notFound } from '../commons/http';
import { once } from '../commons/idempotency';
import { getPayment } from '../commons/payments';
import { startRefund } from '../commons/refunds';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { getDossier, listDossierItems } from '../commons/store';
import { RefundAnswer } from '../contracts/payments';
import { FeeError, refundAmount, refundGround } from '../core/fees';
import { toLocalIso } from '../core/local-time';

export const Path = z.object({ paymentId });
export const RefundBody = z
  .object({
    /** Why (told to the citizen in the letter, vi or en as the officer writes it). */
    reason: z
      .string()
      .transform((s) => s.normalize('NFC').trim())
      .pipe(z.string().min(5, 'at least 5 characters').max(500, 'at most 500 characters')),
    /** In đồng; the whole payment when absent; never more than was paid. */
    amount: z.number().int('whole đồng').positive().optional(),
  })
  .strict();

/**
 * POST /payments/{paymentId}/refund: refund a paid fee where the rules allow it (core/fees.ts
 * refundGround: a dossier refused or withdrawn before any step was approved, or money that came
 * when nothing was owed). Online payments: an operator or the receiving desk asks the hub (201
 * would be a lie: 202, refunded when the hub's signed confirmation arrives); cash and card: the
 * receiving desk hands the money back and records it (201). One refund per payment, never more
 * than was paid; an Idempotency-Key retry answers the same. Another branch's desk: 403.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/payments/{paymentId}/refund',
  summary: 'Refund a paid fee (a refused or withdrawn dossier, money not owed): online through the hub, cash at the desk',
  operationId: 'refundPayment',
  roles: ['operator', 'desk'],
  access: { table: 'read-write', emailQueue: true, paymentHubSecret: true },
  params: Path,
  body: RefundBody,
  responses: { 201: RefundAnswer, 202: RefundAnswer },
  errors: [...OFFICER_ERRORS, 404, 409, 422, 502],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { paymentId }, body }) => {
    const payment = await getPayment(paymentId);
    if (!payment) throw notFound(`No payment ${paymentId}`);
    const operator = caller.groups.includes('operator');
    if (payment.method !== 'online' && !caller.groups.includes('desk')) throw forbidden('Money taken at the counter is handed back at the counter: the desk that took it records the refund');
    if (!operator && !atSameDesk(caller, payment.branch)) throw forbidden(`Payment ${paymentId} was taken at ${payment.branch ? `the branch ${payment.branch}` : 'the main desk'}`);
    const [dossier, items] = await Promise.all([getDossier(payment.dossierCode), listDossierItems(payment.dossierCode)]);
    if (!dossier) throw notFound(`No dossier ${payment.dossierCode}`);
    const decision = refundGround(dossier, items.steps, payment);
    if (!decision.ok) throw conflict(`Payment ${paymentId} is not refunded: ${decision.why}`);
    let amount: number;
    try {
      amount = refundAmount(payment.total, body.amount);
    } catch (error) {
      if (!(error instanceof FeeError)) throw error;
      throw new HttpProblem(422, 'Unprocessable Content', `At most ${payment.total} đồng can be refunded`, [{ field: 'amount', message: error.message }]);
    }
    const r = await startRefund(payment, { amount, ground: decision.ground, reason: body.reason, by: caller.sub, at: now().toISOString() });
    const answer = {
      refundId: r.id,
      paymentId: r.paymentId,
      dossierCode: r.dossierCode,
      method: r.method,
      amount: r.amount,
      ground: r.ground,
      state: r.state,
      requestedAt: toLocalIso(r.requestedAt),
      ...(r.refundedAt ? { refundedAt: toLocalIso(r.refundedAt) } : {}),
    };
    return r.state === 'refunded' ? reply(201, answer) : reply(202, answer);
  },
});
