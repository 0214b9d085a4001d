import * as z from 'zod';
import { once } from '../commons/idempotency';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { logger } from '../commons/powertools';
import { CITIZEN_WRITES, defineRoute, reply, IDEMPOTENCY_HEADER, PIN_HEADER } from '../commons/route';
import { SupplementBody, supply } from '../commons/supplement';
import { SupplementAccepted } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: dossierCode });

/** POST /public/dossiers/{code}/supplement with `X-Lookup-Pin`: the citizen sends what was asked for. */
export const route = defineRoute({
  method: 'POST',
  path: '/public/dossiers/{code}/supplement',
  summary: 'Citizen: send the supplement asked for',
  operationId: 'publicSupplement',
  roles: ['public'],
  access: { table: CITIZEN_WRITES, sendTaskResult: true },
  params: Path,
  body: SupplementBody,
  responses: { 202: SupplementAccepted },
  // 422: an uploaded document named that is not recorded in the round being answered
  errors: [404, 409, 422, 429],
  headers: [PIN_HEADER, IDEMPOTENCY_HEADER],
  idempotency: once,
  citizen: dossierForCitizen,
  handler: async ({ params: { code }, body }) => {
    const out = await supply(code, body, 'citizen');
    logger.info('supplement received from the citizen', { dossierCode: code });
    return reply(202, { dossierCode: code, suppliedAt: toLocalIso(out.suppliedAt) });
  },
});
