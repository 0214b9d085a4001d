import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { once } from '../commons/idempotency';
import { now } from '../commons/clock';
import { conflict } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { createPayment } from '../commons/payments';
import { requestHubPayment } from '../commons/payment-hub';
import { logger } from '../commons/powertools';
import { CITIZEN_WRITES, defineRoute, reply, IDEMPOTENCY_HEADER, PIN_HEADER } from '../commons/route';
import { currentCentre } from '../core/centre';
import { PaymentStarted } from '../contracts/payments';
import { DossierStatus } from '../core/model';

const Path = z.object({ code: dossierCode });
export const StartPayment = z.object({}).strict();

/**
 * POST /public/dossiers/{code}/payments with `X-Lookup-Pin`: start paying the dossier's fees
 * online (status 6). The payment request goes to the hub signed, server to server; the answer is
 * the hub's page to send the citizen to. Nothing is paid until the hub confirms (POST
 * /public/payments/confirm); the browser's return to the dossier's page only shows the status.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/dossiers/{code}/payments',
  summary: 'Citizen: pay the dossier\'s fees online (answers the hub\'s page)',
  operationId: 'publicPay',
  roles: ['public'],
  access: { table: CITIZEN_WRITES },
  params: Path,
  body: StartPayment,
  responses: { 201: PaymentStarted },
  errors: [404, 409, 429, 502],
  headers: [PIN_HEADER, IDEMPOTENCY_HEADER],
  idempotency: once,
  citizen: dossierForCitizen,
  handler: async ({ params: { code }, dossier: citizenDossier }) => {
    const d = citizenDossier!;
    if (d.status !== DossierStatus.financialObligation || !d.fees || d.fees.paidAt) throw conflict(`Dossier ${code} has no fee to pay`);
    const at = now().toISOString();
    const id = `P${randomBytes(10).toString('hex').toUpperCase()}`;
    const payment = await createPayment(d, id, 'online', at);
    const returnUrl = `${currentCentre().portalUrl.replace(/\/$/, '')}/c/${code}?payment=${id}`;
    const { payUrl } = await requestHubPayment({
      paymentId: id,
      dossierCode: code,
      procedureCode: payment.procedureCode,
      unit: payment.unit,
      lines: payment.lines.map((l) => ({ code: l.code, kind: l.kind, amount: l.amount })),
      total: payment.total,
      currency: 'VND',
      returnUrl,
      payerName: payment.payerName,
    });
    logger.info('online payment requested', { dossierCode: code, paymentId: id, total: payment.total });
    return reply(201, { paymentId: id, dossierCode: code, total: payment.total, currency: 'VND' as const, payUrl });
  },
});
