import * as z from 'zod';
import { paymentId } from '../commons/params';
import { atSameDesk } from '../commons/access';
import { forbidden, notFound } from '../commons/http';
import { getPayment } from '../commons/payments';
import { receiptFileOf } from '../commons/receipt-pdf';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { getDossier } from '../commons/store';
import { ReceiptPdfFile } from '../contracts/payments';
import { currentCentre } from '../core/centre';

const Path = z.object({ paymentId });

/**
 * GET /payments/{paymentId}/receipt (operators; a desk officer: the payments of its own desk): the
 * receipt as a PDF, to print for a citizen at the counter. Another branch's desk: 403.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/payments/{paymentId}/receipt',
  summary: 'The receipt of a payment as a PDF (to print at the desk)',
  operationId: 'paymentReceiptPdf',
  roles: ['operator', 'desk'],
  access: { table: 'read' },
  params: Path,
  responses: { 200: ReceiptPdfFile },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ caller, params: { paymentId } }) => {
    const payment = await getPayment(paymentId);
    if (!payment) throw notFound(`No payment ${paymentId}`);
    if (!caller.groups.includes('operator') && !atSameDesk(caller, payment.branch)) throw forbidden(`Payment ${paymentId} was taken at ${payment.branch ? `the branch ${payment.branch}` : 'the main desk'}`);
    const file = await receiptFileOf(payment, await getDossier(payment.dossierCode), currentCentre());
    if (!file) throw notFound(`Payment ${paymentId} has no receipt`);
    return reply(200, file, { 'cache-control': 'no-store' });
  },
});
