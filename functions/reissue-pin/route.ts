import * as z from 'zod';
import { now } from '../commons/clock';
import { notFound } from '../commons/http';
import { once } from '../commons/idempotency';
import { dossierCode } from '../commons/params';
import { reissueAtDesk } from '../commons/pin-issue';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { PinReissued } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: dossierCode });
const Body = z.object({}).strict();

/**
 * POST /dossiers/{code}/pin (desk): a new PIN for the citizen, emailed to the applicant's address
 * on file through the email queue; the old PIN stops working at once (the desk saw the citizen)
 * and the guessing count starts again. The desk never sees the PIN. A retry with the same
 * Idempotency-Key gets the first answer and sends nothing.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/pin',
  summary: 'Issue a new lookup PIN and email it to the applicant',
  operationId: 'reissuePin',
  roles: ['desk'],
  access: { table: 'read-write', emailQueue: true },
  params: Path,
  body: Body,
  responses: { 202: PinReissued },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code } }) => {
    const eventKey = await reissueAtDesk(code);
    if (!eventKey) throw notFound(`No dossier ${code}`);
    logger.info('PIN reissued at the desk', { dossierCode: code, eventKey, by: caller.sub });
    return reply(202, { dossierCode: code, reissuedAt: toLocalIso(now()), sentTo: 'applicant' as const });
  },
});
