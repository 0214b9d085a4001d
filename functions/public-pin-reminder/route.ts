import * as z from 'zod';
import { clientKey, clientOf } from '../commons/client';
import { now } from '../commons/clock';
import { HttpProblem } from '../commons/http';
import { once } from '../commons/idempotency';
import { dossierCode } from '../commons/params';
import { replacePin, sendPinLetter } from '../commons/pin-issue';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { updateIf } from '../commons/store';
import { PinReminder } from '../contracts/responses';
import { REMINDER_CLIENT_ASKS, REMINDER_CLIENT_WINDOW_MS, REMINDER_INTERVAL_MS } from '../core/pin-budget';

const Path = z.object({ code: dossierCode });
const Body = z.object({}).strict();

/** The same answer whatever the code: it never says whether a dossier exists. */
export const REMINDER_ANSWER = {
  message: {
    vi: 'Nếu mã hồ sơ đúng, mã PIN mới đã được gửi tới địa chỉ thư điện tử đăng ký khi nộp hồ sơ.',
    en: 'If the code is right, a new PIN has been sent to the email address given with the dossier.',
  },
};

/** Every answer takes at least this long, so that sending an email does not show through timing. */
const FLOOR_MS = 600;

/** One client may ask REMINDER_CLIENT_ASKS times per window, whatever the codes (one conditional ADD). */
async function clientMayAsk(client: string, at: number) {
  const window = Math.floor(at / REMINDER_CLIENT_WINDOW_MS);
  const ok = await updateIf({
    Key: { PK: `PINREMINDER#${clientKey('reminder', client)}`, SK: `W#${window}` },
    UpdateExpression: 'ADD n :one SET expiresAt = :exp',
    ConditionExpression: 'attribute_not_exists(n) OR n < :max',
    ExpressionAttributeValues: { ':one': 1, ':max': REMINDER_CLIENT_ASKS, ':exp': Math.ceil(((window + 1) * REMINDER_CLIENT_WINDOW_MS) / 1000) + 3600 },
  });
  return ok ? undefined : (window + 1) * REMINDER_CLIENT_WINDOW_MS;
}

/**
 * POST /public/dossiers/{code}/pin-reminder `{}` (no PIN): "I lost my PIN". Always 202 with the
 * same body; when the dossier exists and had no reminder in the last ten minutes, a new PIN
 * replaces the old one and is emailed to the applicant's address on file. A client asking too
 * often gets 429, whatever the code.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/dossiers/{code}/pin-reminder',
  summary: 'Citizen: I lost my PIN (a new one is emailed if the code is right)',
  operationId: 'publicPinReminder',
  roles: ['public'],
  access: { table: 'read-write', sendEmail: true },
  params: Path,
  body: Body,
  responses: { 202: PinReminder },
  errors: [429],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ event, params: { code } }) => {
    const started = Date.now();
    const at = now().getTime();
    const retryAt = await clientMayAsk(clientOf(event), at);
    if (retryAt) {
      throw new HttpProblem(429, 'Too Many Requests', 'Too many PIN reminders asked from here: try again later', undefined, {
        'retry-after': String(Math.ceil((retryAt - at) / 1000)),
      });
    }
    const issued = await replacePin(code, {
      set: 'pinRemindedAt = :at',
      condition: 'attribute_not_exists(pinRemindedAt) OR pinRemindedAt <= :before',
      values: { ':at': at, ':before': at - REMINDER_INTERVAL_MS },
    });
    if (issued) {
      try {
        await sendPinLetter(issued.dossier, issued.pin, 'reminder');
        logger.info('PIN reminder sent', { dossierCode: code });
      } catch (error) {
        logger.error('PIN reminder not sent', { dossierCode: code, error: error as Error });
      }
    }
    await new Promise((r) => setTimeout(r, Math.max(0, FLOOR_MS - (Date.now() - started))));
    return reply(202, REMINDER_ANSWER);
  },
});
