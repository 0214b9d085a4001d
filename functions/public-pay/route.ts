import * as z from 'zod';
import { once } from '../commons/idempotency';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { startOnlinePayment } from '../commons/payments';
import { CITIZEN_WRITES, defineRoute, reply, IDEMPOTENCY_HEADER, PIN_HEADER } from '../commons/route';
import { PaymentStarted } from '../contracts/payments';

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
  access: { table: CITIZEN_WRITES, paymentHubSecret: true },
  params: Path,
  body: StartPayment,
  responses: { 201: PaymentStarted },
  errors: [404, 409, 429, 502],
  headers: [PIN_HEADER, IDEMPOTENCY_HEADER],
  idempotency: once,
  citizen: dossierForCitizen,
  handler: async ({ dossier }) => reply(201, await startOnlinePayment(dossier!)),
});
