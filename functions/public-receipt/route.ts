import * as z from 'zod';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode, paymentId } from '../commons/params';
import { getPayment } from '../commons/payments';
import { receiptFileOf } from '../commons/receipt-pdf';
import { CITIZEN_READS, defineRoute, reply, PIN_HEADER } from '../commons/route';
import { ReceiptPdfFile } from '../contracts/payments';
import { currentCentre } from '../core/centre';

const Path = z.object({ code: dossierCode, paymentId });

/**
 * GET /public/dossiers/{code}/payments/{paymentId}/receipt with `X-Lookup-Pin`: the electronic
 * receipt of a payment of this dossier as a PDF (Vietnamese, with English; commons/receipt-pdf.ts).
 * A payment of another dossier, or one not paid: 404 (as if it did not exist).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/dossiers/{code}/payments/{paymentId}/receipt',
  summary: 'Citizen: the receipt of a payment as a PDF',
  operationId: 'publicReceiptPdf',
  roles: ['public'],
  access: { table: CITIZEN_READS },
  params: Path,
  responses: { 200: ReceiptPdfFile },
  errors: [404, 429],
  headers: [PIN_HEADER],
  citizen: dossierForCitizen,
  handler: async ({ dossier, params: { paymentId } }) => {
    const file = await receiptFileOf(await getPayment(paymentId), dossier, currentCentre());
    if (!file) throw notFound(`No receipt ${paymentId} for this dossier`);
    return reply(200, file, { 'cache-control': 'no-store' });
  },
});
