import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { now } from '../commons/clock';
import { json, jsonBody, notFound, parse } from '../commons/http';
import { once } from '../commons/idempotency';
import { dossierCode } from '../commons/params';
import { reissueAtDesk } from '../commons/pin-issue';
import { logger } from '../commons/powertools';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: dossierCode });
const Body = z.object({}).strict();

/**
 * POST /dossiers/{code}/pin (desk): a new PIN for the citizen, emailed to the applicant's address
 * on file through the email queue; the old PIN stops working at once (the desk saw the citizen)
 * and the guessing count starts again. The desk never sees the PIN. A retry with the same
 * Idempotency-Key gets the first answer and sends nothing.
 */
export const handler = apiHandler('POST /dossiers/{code}/pin', async (event, { caller }) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  parse(Body, jsonBody(event) ?? {});
  const eventKey = await reissueAtDesk(code);
  if (!eventKey) throw notFound(`No dossier ${code}`);
  logger.info('PIN reissued at the desk', { dossierCode: code, eventKey, by: caller.sub });
  return json(202, { dossierCode: code, reissuedAt: toLocalIso(now()), sentTo: 'applicant' });
}, { idempotency: once });
