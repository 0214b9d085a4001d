import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { clientKey, clientOf } from './client';
import { now } from './clock';
import { HttpProblem, badRequest } from './http';
import { askReminder, confirmReminder } from './pin-issue';
import { logger } from './powertools';
import { updateIf } from './store';
import { CONFIRM_CLIENT_ASKS, REMINDER_CLIENT_ASKS, REMINDER_CLIENT_WINDOW_MS, normaliseConfirmation } from '../core/pin-budget';

/**
 * `POST /public/dossiers/{code}/pin-reminder` (functions/public-pin-reminder):
 *   `{}`                          "I lost my PIN": always 202 with the same body (REMINDER_ANSWER)
 *   `{ "confirmation": "…" }`      the letter's one-time code: 200 (the new PIN now works) or 400
 *                                  naming `confirmation`, the same for an unknown dossier
 * Both are limited per client, whatever the codes (429).
 */

/** The same answer whatever the code: it never says whether a dossier exists. */
export const REMINDER_ANSWER = {
  message: {
    vi: 'Nếu mã hồ sơ đúng, thư chứa mã PIN mới và mã xác nhận đã được gửi tới địa chỉ thư điện tử đăng ký khi nộp hồ sơ. Mã PIN cũ vẫn dùng được cho đến khi ông/bà nhập mã xác nhận.',
    en: 'If the code is right, a letter with a new PIN and a confirmation code has been sent to the email address given with the dossier. The old PIN keeps working until you enter the confirmation code.',
  },
};

export const CONFIRMED_ANSWER = {
  confirmed: true as const,
  message: {
    vi: 'Đã xác nhận: mã PIN mới trong thư đã có hiệu lực, mã PIN cũ không còn dùng được.',
    en: 'Confirmed: the new PIN in the letter now works, and the old one no longer does.',
  },
};

const WRONG_CODE = 'Mã xác nhận không đúng, đã hết hạn hoặc đã được dùng. / The confirmation code is wrong, expired or already used.';

/** Every reminder's answer takes at least this long, so that queuing a letter does not show through timing. */
const FLOOR_MS = 600;

/** One client may ask `max` times per window, whatever the codes (one conditional ADD). */
async function clientMay(scope: string, client: string, at: number, max: number): Promise<void> {
  const window = Math.floor(at / REMINDER_CLIENT_WINDOW_MS);
  const ok = await updateIf({
    Key: { PK: `PINREMINDER#${clientKey(scope, client)}`, SK: `W#${window}` },
    UpdateExpression: 'ADD n :one SET expiresAt = :exp',
    ConditionExpression: 'attribute_not_exists(n) OR n < :max',
    ExpressionAttributeValues: { ':one': 1, ':max': max, ':exp': Math.ceil(((window + 1) * REMINDER_CLIENT_WINDOW_MS) / 1000) + 3600 },
  });
  if (ok) return;
  const retryAt = (window + 1) * REMINDER_CLIENT_WINDOW_MS;
  throw new HttpProblem(429, 'Too Many Requests', 'Too many PIN reminders asked from here: try again later', undefined, {
    'retry-after': String(Math.ceil((retryAt - at) / 1000)),
  });
}

/** "I lost my PIN": a pending reminder and its letter, when the dossier exists and may have one. */
export async function remind(event: APIGatewayProxyEventV2, code: string): Promise<typeof REMINDER_ANSWER> {
  const started = Date.now();
  const at = now().getTime();
  await clientMay('reminder', clientOf(event), at, REMINDER_CLIENT_ASKS);
  const eventKey = await askReminder(code, at);
  if (eventKey) logger.info('PIN reminder queued', { dossierCode: code, eventKey });
  await new Promise((r) => setTimeout(r, Math.max(0, FLOOR_MS - (Date.now() - started))));
  return REMINDER_ANSWER;
}

/** The letter's one-time code, presented with the dossier's code. */
export async function confirm(event: APIGatewayProxyEventV2, code: string, typed: string): Promise<typeof CONFIRMED_ANSWER> {
  const at = now().getTime();
  await clientMay('confirm', clientOf(event), at, CONFIRM_CLIENT_ASKS);
  const confirmation = normaliseConfirmation(typed);
  const ok = await confirmReminder(code, confirmation ?? 'not-a-code', at);
  // the detail is split by language (localiseProblem); the field error carries a code, so that its message is too
  if (!ok || !confirmation) throw badRequest(WRONG_CODE, [{ field: 'confirmation', code: 'wrong_confirmation', message: WRONG_CODE.split(' / ')[1]! }]);
  logger.info('PIN reminder confirmed', { dossierCode: code });
  return CONFIRMED_ANSWER;
}
