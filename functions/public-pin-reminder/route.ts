import * as z from 'zod';
import { once } from '../commons/idempotency';
import { dossierCode } from '../commons/params';
import { confirm, remind } from '../commons/pin-reminder';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { PinConfirmed, PinReminder } from '../contracts/responses';

export { REMINDER_ANSWER } from '../commons/pin-reminder';

const Path = z.object({ code: dossierCode });
const Body = z
  .object({ confirmation: z.string().max(40).optional().meta({ description: "The letter's one-time code (10 symbols, dashes and spaces ignored)" }) })
  .strict();

/**
 * POST /public/dossiers/{code}/pin-reminder (no PIN). `{}`: "I lost my PIN" — always 202 with the
 * same body; when the dossier exists and may have one, a letter with a new PIN and a one-time code
 * goes through the email queue; the PIN the citizen holds keeps working. `{ confirmation }`: the
 * letter's one-time code — 200, the new PIN replaces the old one; 400 otherwise (unknown dossier
 * alike). Logic in functions/commons/pin-reminder.ts and pin-issue.ts.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/dossiers/{code}/pin-reminder',
  summary:
    "Citizen: I lost my PIN (`{}`: a new PIN and a one-time code are emailed if the code is right; the old PIN keeps working) or the letter's one-time code (`{confirmation}`: the new PIN replaces the old one)",
  operationId: 'publicPinReminder',
  roles: ['public'],
  access: { table: 'read-write', emailQueue: true },
  params: Path,
  body: Body,
  responses: { 202: PinReminder, 200: PinConfirmed },
  errors: [429],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ event, params: { code }, body }) => {
    if (body.confirmation !== undefined) return reply(200, await confirm(event, code, body.confirmation));
    return reply(202, await remind(event, code));
  },
});
