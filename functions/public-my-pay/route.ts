import * as z from 'zod';
import { once } from '../commons/idempotency';
import { ownDossier } from '../commons/my-dossiers';
import { dossierCode } from '../commons/params';
import { startOnlinePayment } from '../commons/payments';
import { CITIZEN_WRITES, defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { PaymentStarted } from '../contracts/payments';

const Path = z.object({ code: dossierCode });
export const StartPayment = z.object({}).strict();

/**
 * POST /public/me/dossiers/{code}/payments: the signed-in citizen pays one of their dossiers'
 * fees online (as POST /public/dossiers/{code}/payments with the PIN). Another citizen's dossier:
 * the same 404 as one that does not exist.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/me/dossiers/{code}/payments',
  summary: 'Citizen (signed in): pay my dossier\'s fees online',
  operationId: 'publicMyPay',
  roles: ['citizen'],
  access: { table: CITIZEN_WRITES, paymentHubSecret: true },
  params: Path,
  body: StartPayment,
  responses: { 201: PaymentStarted },
  errors: [401, 404, 409, 429],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ params: { code }, citizen }) => {
    const d = await ownDossier(code, citizen!);
    return reply(201, await startOnlinePayment(d, `/dvc/my/${code}`));
  },
});
