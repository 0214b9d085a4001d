import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { once } from '../commons/idempotency';
import { now } from '../commons/clock';
import { closeContact } from '../commons/contacts';
import { enqueueEmail } from '../commons/email-queue';
import { PIN_LETTER_NOT_RESENT, requeueEmail } from '../commons/email-store';
import { conflict, json, notFound, parse } from '../commons/http';
import { logger } from '../commons/powertools';
import { EMAIL_ID } from '../core/email-delivery';

const Path = z.object({ id: z.string().regex(EMAIL_ID, 'an email id <dossierCode>~<eventKey>, such as TTHCC-261201-0001~receipt') });

/**
 * POST /ops/emails/{id}/resend (operator): send a failed, bounced or already sent email again
 * (typically after the desk corrected the address). It goes back on the queue with a new retry
 * budget; what it was before is kept in its history. 409 while it is queued or being sent. An
 * `Idempotency-Key` makes a retried request answer the first 202 instead of sending it again.
 */
export const handler = apiHandler('POST /ops/emails/{id}/resend', async (event, { caller }) => {
  const { id } = parse(Path, event.pathParameters, 'path');
  const [, code, eventKey] = EMAIL_ID.exec(id)!;
  const outcome = await requeueEmail(code!, eventKey!, caller.sub);
  if (outcome === 'missing') throw notFound(`No email ${id}`);
  if (outcome === 'busy') throw conflict(`Email ${id} is already on its way: nothing to resend`);
  if (outcome === 'pin') throw conflict(PIN_LETTER_NOT_RESENT);
  await enqueueEmail({ dossierCode: code!, eventKey: eventKey! });
  await closeContact(code!, eventKey!, now().toISOString());
  logger.info('email resent by an operator', { dossierCode: code, eventKey });
  return json(202, { id, dossierCode: code, eventKey, state: 'queued' });
}, { idempotency: once });
