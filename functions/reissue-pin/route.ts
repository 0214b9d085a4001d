import * as z from 'zod';
import { now } from '../commons/clock';
import { HttpProblem, notFound } from '../commons/http';
import { once } from '../commons/idempotency';
import { dossierCode } from '../commons/params';
import { liftGuard } from '../commons/pin-guard';
import { replacePin, sendPinLetter } from '../commons/pin-issue';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { PinReissued } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: dossierCode });
const Body = z.object({}).strict();

/**
 * POST /dossiers/{code}/pin (desk): a new PIN for the citizen, emailed to the applicant's address
 * on file; the old PIN stops working and the guessing count starts again. The desk never sees
 * the PIN. A retry with the same Idempotency-Key gets the first answer and sends nothing.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/pin',
  summary: 'Issue a new lookup PIN and email it to the applicant',
  operationId: 'reissuePin',
  roles: ['desk'],
  access: { table: 'read-write', sendEmail: true },
  params: Path,
  body: Body,
  responses: { 202: PinReissued },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code } }) => {
    const issued = await replacePin(code);
    if (!issued) throw notFound(`No dossier ${code}`);
    await liftGuard(code);
    try {
      await sendPinLetter(issued.dossier, issued.pin, 'desk');
    } catch (error) {
      logger.error('PIN letter not sent', { dossierCode: code, error: error as Error });
      throw new HttpProblem(503, 'Service Unavailable', 'The new PIN could not be emailed; reissue it again', undefined, { 'retry-after': '5' });
    }
    logger.info('PIN reissued at the desk', { dossierCode: code, by: caller.sub });
    return reply(202, { dossierCode: code, reissuedAt: toLocalIso(now()), sentTo: 'applicant' as const });
  },
});
