import * as z from 'zod';
import { once } from '../commons/idempotency';
import { dossierCode } from '../commons/params';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { SupplementBody, supply } from '../commons/supplement';
import { SupplementAccepted } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: dossierCode });

/** POST /dossiers/{code}/supplement (desk): the citizen brought the missing documents to the desk. */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/supplement',
  summary: 'The desk records the supplement the citizen brought',
  operationId: 'supplyAtDesk',
  roles: ['desk'],
  access: { table: 'read-write', sendTaskResult: true },
  params: Path,
  body: SupplementBody,
  responses: { 202: SupplementAccepted },
  errors: [...OFFICER_ERRORS, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code }, body }) => {
    const out = await supply(code, body, caller.sub);
    logger.info('supplement received at the desk', { dossierCode: code });
    return reply(202, { ...out, suppliedAt: toLocalIso(out.suppliedAt) });
  },
});
