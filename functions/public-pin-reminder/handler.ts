import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { json, jsonBody, parse } from '../commons/http';
import { once } from '../commons/idempotency';
import { dossierCode } from '../commons/params';
import { confirm, remind } from '../commons/pin-reminder';

export { REMINDER_ANSWER } from '../commons/pin-reminder';

const Path = z.object({ code: dossierCode });
const Body = z.object({ confirmation: z.string().max(40).optional() }).strict();

/**
 * POST /public/dossiers/{code}/pin-reminder (no PIN). `{}`: "I lost my PIN" — always 202 with the
 * same body; when the dossier exists and may have one, a letter with a new PIN and a one-time code
 * goes through the email queue; the PIN the citizen holds keeps working. `{ confirmation }`: the
 * letter's one-time code — 200, the new PIN replaces the old one; 400 otherwise (unknown dossier
 * alike). Logic in functions/commons/pin-reminder.ts and pin-issue.ts.
 */
export const handler = apiHandler('POST /public/dossiers/{code}/pin-reminder', async (event) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  const body = parse(Body, jsonBody(event) ?? {});
  if (body.confirmation !== undefined) return json(200, await confirm(event, code, body.confirmation));
  return json(202, await remind(event, code));
}, { idempotency: once });
