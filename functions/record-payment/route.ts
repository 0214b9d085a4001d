import { createHash } from 'node:crypto';
import * as z from 'zod';
import { atSameDesk } from '../commons/access';
import { now } from '../commons/clock';
import { conflict, forbidden, HttpProblem, notFound } from '../commons/http';
import { once } from '../commons/idempotency';
import { dossierCode } from '../commons/params';
import { createPayment, recordPaid } from '../commons/payments';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { getDossier } from '../commons/store';
import { PaymentRecorded } from '../contracts/payments';
import { toLocalIso } from '../core/local-time';
import { DossierStatus } from '../core/model';

const Path = z.object({ code: dossierCode });
export const CounterPayment = z
  .object({
    method: z.enum(['cash', 'card']),
    /** The amount taken, in đồng: must be the obligation's total (never a partial payment). */
    amount: z.number().int('whole đồng').positive(),
  })
  .strict();

/**
 * POST /dossiers/{code}/payments (the desk that received the dossier): the fees paid at the
 * counter in cash or by card (a card terminal beside the platform: no card data here). Idempotent:
 * the payment's id is derived from the dossier and the Idempotency-Key, so a retry records
 * nothing twice; a dossier already paid answers 409. Another branch's desk: 403.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/payments',
  summary: 'Desk: record the fees paid at the counter (cash or card)',
  operationId: 'recordPayment',
  roles: ['desk'],
  access: { table: 'read-write', sendTaskResult: true, emailQueue: true },
  params: Path,
  body: CounterPayment,
  responses: { 201: PaymentRecorded },
  errors: [...OFFICER_ERRORS, 404, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, event, params: { code }, body }) => {
    const d = await getDossier(code);
    if (!d) throw notFound(`No dossier ${code}`);
    if (!atSameDesk(caller, d.branch)) throw forbidden(`Dossier ${code} is paid at ${d.branch ? `the branch ${d.branch}` : 'the main desk'}`);
    if (d.status !== DossierStatus.financialObligation || !d.fees || d.fees.paidAt) throw conflict(`Dossier ${code} has no fee to pay`);
    if (body.amount !== d.fees.total) {
      throw new HttpProblem(422, 'Unprocessable Content', `The fees of ${code} total ${d.fees.total} đồng`, [{ field: 'amount', message: `must be ${d.fees.total} (the total of the fee lines)` }]);
    }
    const key = event.headers?.['idempotency-key'] ?? event.headers?.['Idempotency-Key'] ?? '';
    const id = `P${createHash('sha256').update(`${code}#${caller.sub}#${key}`).digest('hex').slice(0, 20).toUpperCase()}`;
    const at = now().toISOString();
    await createPayment(d, id, body.method, at, { recordedBy: caller.sub });
    const r = await recordPaid(id, { method: body.method, at, by: caller.sub });
    logger.info('counter payment recorded', { dossierCode: code, paymentId: id, method: body.method });
    return reply(201, {
      paymentId: id,
      dossierCode: code,
      outcome: r.outcome,
      total: r.payment.total,
      method: body.method,
      paidAt: toLocalIso(r.payment.paidAt!),
      receipt: r.payment.receipt!,
      ...(r.flagged ? { reconcile: r.flagged } : {}),
    });
  },
});
