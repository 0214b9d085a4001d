import * as z from 'zod';
import { notFound } from '../commons/http';
import { ownDossier } from '../commons/my-dossiers';
import { dossierCode, paymentId } from '../commons/params';
import { getPayment } from '../commons/payments';
import { receiptFileOf } from '../commons/receipt-pdf';
import { defineRoute, reply } from '../commons/route';
import { ReceiptPdfFile } from '../contracts/payments';
import { currentCentre } from '../core/centre';

const Path = z.object({ code: dossierCode, paymentId });

/**
 * GET /public/me/dossiers/{code}/payments/{paymentId}/receipt: the signed-in citizen downloads the
 * receipt of a payment of one of their dossiers as a PDF (as GET /public/dossiers/{code}/payments/
 * {paymentId}/receipt with the PIN). Another citizen's dossier, another dossier's payment or a
 * payment not paid: the same 404 as one that does not exist.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/me/dossiers/{code}/payments/{paymentId}/receipt',
  summary: 'Citizen (signed in): the receipt of a payment of my dossier as a PDF',
  operationId: 'publicMyReceiptPdf',
  roles: ['citizen'],
  access: { table: 'read' },
  params: Path,
  responses: { 200: ReceiptPdfFile },
  errors: [401, 404, 429],
  handler: async ({ params: { code, paymentId }, citizen }) => {
    const d = await ownDossier(code, citizen!);
    const file = await receiptFileOf(await getPayment(paymentId), d, currentCentre());
    if (!file) throw notFound(`Không có biên lai ${paymentId} của hồ sơ này / No receipt ${paymentId} for this dossier`);
    return reply(200, file, { 'cache-control': 'no-store' });
  },
});
