import * as z from 'zod';
import { paymentId } from '../commons/params';
import { HttpProblem } from '../commons/http';
import { canonicalRefundConfirmation, hubSecret, signatureValid } from '../commons/payment-hub';
import { completeRefund, failRefund, getRefund } from '../commons/refunds';
import { logger } from '../commons/powertools';
import { defineRoute, reply } from '../commons/route';
import { RefundConfirmationAnswer } from '../contracts/payments';

export const RefundConfirmation = z
  .object({
    refundId: z.string().regex(/^R[0-9A-F]{20}$/, 'a refund id'),
    paymentId,
    amount: z.number().int('whole đồng'),
    currency: z.string().max(8),
    status: z.enum(['refunded', 'failed']),
    hubRef: z.string().min(1).max(80),
    refundedAt: z.iso.datetime({ offset: true }),
    signature: z.string().max(200),
  })
  .strict();

const refused = (status: number, detail: string, reason: string, refundId: string) => {
  logger.warn('refund confirmation refused', { refundId, reason });
  return new HttpProblem(status, status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Unprocessable Content', detail);
};

/**
 * POST /public/payments/refund-confirm: the hub's server-to-server confirmation that it returned
 * the money of a refund the platform asked for. Public, accepted only with the hub's HMAC-SHA256
 * signature (constant time); the payment and the amount must be the request's; confirmed twice,
 * recorded once (`duplicate`). Unknown, tampered, mismatched: refused 4xx, logged with ids only.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/payments/refund-confirm',
  summary: 'Payment hub: confirm a refund (server to server, signed)',
  operationId: 'confirmRefund',
  roles: ['public'],
  access: { table: 'read-write', emailQueue: true, paymentHubSecret: true },
  body: RefundConfirmation,
  responses: { 200: RefundConfirmationAnswer },
  errors: [401, 404, 422],
  // the refund's id is the key: a repeated confirmation is recorded once
  ownIdempotency: true,
  handler: async ({ body }) => {
    const { signature, ...fields } = body;
    if (!signatureValid(await hubSecret(), canonicalRefundConfirmation(fields), signature)) throw refused(401, 'The confirmation is not signed by the payment hub', 'signature', body.refundId);
    const refund = await getRefund(body.refundId);
    if (!refund) throw refused(404, 'Unknown refund', 'unknown', body.refundId);
    if (refund.paymentId !== body.paymentId) throw refused(422, 'The confirmation names another payment', 'payment-mismatch', body.refundId);
    if (body.currency !== refund.currency) throw refused(422, 'The confirmation is in another currency', 'currency-mismatch', body.refundId);
    if (body.amount !== refund.amount) throw refused(422, 'The refunded amount is not the amount asked', 'amount-mismatch', body.refundId);
    if (refund.method !== 'online') throw refused(422, 'A counter payment is not refunded by the hub', 'not-online', body.refundId);
    if (body.status === 'failed') {
      await failRefund(refund.id);
      logger.warn('refund failed at the hub', { dossierCode: refund.dossierCode, refundId: refund.id });
      return reply(200, { refundId: refund.id, outcome: 'failed' as const });
    }
    const before = refund.state;
    await completeRefund(refund.id, { at: new Date(body.refundedAt).toISOString(), hubRef: body.hubRef });
    return reply(200, { refundId: refund.id, outcome: before === 'refunded' ? ('duplicate' as const) : ('refunded' as const) });
  },
});
