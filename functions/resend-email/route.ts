import * as z from 'zod';
import { once } from '../commons/idempotency';
import { now } from '../commons/clock';
import { closeContact } from '../commons/contacts';
import { enqueueEmail } from '../commons/email-queue';
import { PIN_LETTER_NOT_RESENT, requeueEmail } from '../commons/email-store';
import { conflict, notFound } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { EmailRequeued } from '../contracts/responses';
import { EMAIL_ID } from '../core/email-delivery';

const Path = z.object({ id: z.string().regex(EMAIL_ID, 'an email id <dossierCode>~<eventKey>, such as TTHCC-261201-0001~receipt') });

/**
 * POST /ops/emails/{id}/resend (operator): send a failed, bounced or already sent email again
 * (typically after the desk corrected the address). It goes back on the queue with a new retry
 * budget; what it was before is kept in its history. 409 while it is queued or being sent. An
 * `Idempotency-Key` makes a retried request answer the first 202 instead of sending it again.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/ops/emails/{id}/resend',
  summary: 'Send a failed, bounced or sent email again',
  operationId: 'resendEmail',
  roles: ['operator'],
  access: { table: 'read-write', emailQueue: true },
  params: Path,
  responses: { 202: EmailRequeued },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { id } }) => {
    const [, code, eventKey] = EMAIL_ID.exec(id)!;
    const outcome = await requeueEmail(code!, eventKey!, caller.sub);
    if (outcome === 'missing') throw notFound(`No email ${id}`);
    if (outcome === 'busy') throw conflict(`Email ${id} is already on its way: nothing to resend`);
    if (outcome === 'pin') throw conflict(PIN_LETTER_NOT_RESENT);
    await enqueueEmail({ dossierCode: code!, eventKey: eventKey! });
    await closeContact(code!, eventKey!, now().toISOString());
    logger.info('email resent by an operator', { dossierCode: code, eventKey });
    return reply(202, { id, dossierCode: code!, eventKey: eventKey!, state: 'queued' as const });
  },
});
