import * as z from 'zod';
import { paymentId } from '../commons/params';
import { HttpProblem, notFound } from '../commons/http';
import { canonicalConfirmation, hubSecret, signatureValid } from '../commons/payment-hub';
import { getPayment, paymentKey, recordPaid } from '../commons/payments';
import { logger } from '../commons/powertools';
import { defineRoute, reply } from '../commons/route';
import { updateIf } from '../commons/store';
import { ConfirmationAnswer } from '../contracts/payments';

export const Confirmation = z
  .object({
    paymentId,
    dossierCode: z.string().max(40),
    amount: z.number().int('whole đồng'),
    currency: z.string().max(8),
    status: z.enum(['paid', 'cancelled', 'failed']),
    hubRef: z.string().min(1).max(80),
    paidAt: z.iso.datetime({ offset: true }),
    signature: z.string().max(200),
  })
  .strict();

const refused = (status: number, detail: string, reason: string, paymentId: string) => {
  // ids and the reason only: never the payer
  logger.warn('payment confirmation refused', { paymentId, reason });
  return new HttpProblem(status, status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Unprocessable Content', detail);
};

/**
 * POST /public/payments/confirm: the hub's server-to-server confirmation (PayGov-like). Public
 * (the hub has no officer's token) but accepted only with the hub's HMAC-SHA256 signature over the
 * canonical fields (constant-time check). The amount, currency and dossier must be the request's;
 * a payment confirmed twice is recorded once (`duplicate`); one for a dossier that has moved on is
 * recorded and flagged for the day's reconciliation. Unknown, tampered or mismatched: refused 4xx
 * and logged with ids only.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/payments/confirm',
  summary: 'Payment hub: confirm a payment (server to server, signed)',
  operationId: 'confirmPayment',
  roles: ['public'],
  access: { table: 'read-write', sendTaskResult: true, emailQueue: true, paymentHubSecret: true },
  body: Confirmation,
  responses: { 200: ConfirmationAnswer },
  errors: [401, 404, 422],
  // the hub sends no Idempotency-Key: the payment id is the key (a repeated confirmation is recorded once)
  ownIdempotency: true,
  handler: async ({ body }) => {
    const { signature, ...fields } = body;
    if (!signatureValid(await hubSecret(), canonicalConfirmation(fields), signature)) throw refused(401, 'The confirmation is not signed by the payment hub', 'signature', body.paymentId);
    const payment = await getPayment(body.paymentId);
    if (!payment) throw refused(404, 'Unknown payment', 'unknown', body.paymentId);
    if (payment.dossierCode !== body.dossierCode) throw refused(422, 'The confirmation names another dossier', 'dossier-mismatch', body.paymentId);
    if (body.currency !== payment.currency) throw refused(422, 'The confirmation is in another currency', 'currency-mismatch', body.paymentId);
    if (body.amount !== payment.total) throw refused(422, 'The confirmed amount is not the amount requested', 'amount-mismatch', body.paymentId);
    if (body.status !== 'paid') {
      await updateIf({
        Key: paymentKey(payment.id),
        UpdateExpression: 'SET #state = :s, hubRef = :ref',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':s': body.status, ':ref': body.hubRef, ':pending': 'pending' },
      });
      logger.info('payment not made', { dossierCode: payment.dossierCode, paymentId: payment.id, status: body.status });
      return reply(200, { paymentId: payment.id, outcome: body.status });
    }
    const r = await recordPaid(payment.id, { method: 'online', at: new Date(body.paidAt).toISOString(), hubRef: body.hubRef });
    return reply(200, { paymentId: payment.id, outcome: r.outcome, ...(r.flagged ? { reconcile: r.flagged } : {}) });
  },
});
