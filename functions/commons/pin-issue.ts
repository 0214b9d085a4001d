import { randomInt } from 'node:crypto';
import { PIN_EVENT, renderPinLetter } from '../core/email/pin-letter';
import type { RenderedEmail } from '../core/email/templates';
import type { Dossier } from '../core/dossier';
import {
  CONFIRMATION_ALPHABET,
  CONFIRMATION_LENGTH,
  CONFIRMATION_TRIES,
  CONFIRMATION_TTL_MS,
  REMINDER_INTERVAL_MS,
  REMINDERS_PER_DAY,
} from '../core/pin-budget';
import { localDate } from '../core/local-time';
import { now } from './clock';
import { enqueueEmail } from './email-queue';
import { requestEmail } from './email-store';
import { hashPin, newPin, verifyPin } from './pin';
import { liftGuard } from './pin-guard';
import { dossierLetterData } from './letter-data';
import { getDossier, keys, updateIf } from './store';

/**
 * New PINs, and the letters that carry them, through the email queue like every other letter
 * (functions/send-email): the marker `EMAIL#pin-reissued-<n>` is written `queued`, then a message
 * with the ids only. The PIN — and a reminder's one-time code — are drawn when the letter is
 * composed for SES (`composePinLetter`), hashed onto the dossier, put in the letter and forgotten:
 * never in a log, a message, the marker or an answer. A throttled SES loses nothing (the letter
 * waits on the queue and its PIN is drawn again at the next attempt); a letter overtaken by a
 * newer issue (`pinIssues` moved on) is not sent.
 *
 * The dossier item carries:
 *   pinHash        the PIN that works
 *   pinIssues      the number of the latest issue (names its letter)
 *   pinReminder    a pending reminder { requestedAt, pinHash?, codeHash?, issuedAt?, tries? }, whose
 *                  issue is `pinIssues` (a newer issue overtakes it; the desk's removes it): its
 *                  PIN replaces `pinHash` only when its one-time code is presented
 *   pinRemindersDay / pinRemindersN   how many reminders were granted on that (local) day
 */

export interface PendingReminder {
  requestedAt: number;
  pinHash?: string;
  codeHash?: string;
  issuedAt?: number;
  tries?: number;
}

type PinDossier = Dossier & { pinReminder?: PendingReminder; pinRemindersDay?: string; pinRemindersN?: number };

export const pinEventKey = (issue: number) => `${PIN_EVENT}-${issue}`;
const ISSUE = new RegExp(`^${PIN_EVENT}-(\\d+)$`);

/** A scrypt hash nobody's code matches, checked against when there is no pending reminder (the same cost). */
const NO_CODE_HASH = 'scrypt$bm8tcmVtaW5kZXItaGVyZQ==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

async function queueLetter(code: string, issue: number, cause: 'desk' | 'reminder'): Promise<string> {
  const eventKey = pinEventKey(issue);
  await requestEmail(code, eventKey, PIN_EVENT, { event: PIN_EVENT }, { cause });
  await enqueueEmail({ dossierCode: code, eventKey });
  return eventKey;
}

/**
 * The desk reissues (it saw the citizen): the old PIN stops working at once, a pending reminder
 * is voided, the slow-down is lifted; the new PIN is drawn when its letter is sent. Undefined
 * when there is no such dossier.
 */
export async function reissueAtDesk(code: string): Promise<string | undefined> {
  const after = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: 'REMOVE pinHash, pinReminder ADD pinIssues :one',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':one': 1 },
    ReturnValues: 'ALL_NEW',
  });
  if (!after) return undefined;
  await liftGuard(code);
  return queueLetter(code, Number(after.pinIssues), 'desk');
}

/**
 * "I lost my PIN": a pending reminder, unless one was asked less than REMINDER_INTERVAL_MS ago or
 * the dossier had its REMINDERS_PER_DAY today; the PIN the citizen holds keeps working. Whether
 * anything was granted is never told to the caller. Returns the letter's event key when granted.
 */
export async function askReminder(code: string, at: number): Promise<string | undefined> {
  const day = localDate(new Date(at));
  const pending = 'attribute_exists(PK) AND (attribute_not_exists(pinReminder) OR pinReminder.requestedAt <= :before)';
  const values = { ':one': 1, ':before': at - REMINDER_INTERVAL_MS, ':day': day };
  // the same day as the last reminder: counted against the day's allowance
  const sameDay = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: 'SET pinReminder = :r ADD pinIssues :one, pinRemindersN :one',
    ConditionExpression: `${pending} AND pinRemindersDay = :day AND pinRemindersN < :max`,
    ExpressionAttributeValues: { ...values, ':r': { requestedAt: at }, ':max': REMINDERS_PER_DAY },
    ReturnValues: 'ALL_NEW',
  });
  const granted =
    sameDay ??
    (await updateIf({
      Key: keys.dossier(code),
      UpdateExpression: 'SET pinReminder = :r, pinRemindersDay = :day, pinRemindersN = :one ADD pinIssues :one',
      ConditionExpression: `${pending} AND (attribute_not_exists(pinRemindersDay) OR pinRemindersDay <> :day)`,
      ExpressionAttributeValues: { ...values, ':r': { requestedAt: at } },
      ReturnValues: 'ALL_NEW',
    }));
  if (!granted) return undefined;
  return queueLetter(code, Number(granted.pinIssues), 'reminder');
}

/** A one-time code: CONFIRMATION_LENGTH symbols of Crockford's base32, from the system's CSPRNG. */
export function newConfirmation(): string {
  return Array.from({ length: CONFIRMATION_LENGTH }, () => CONFIRMATION_ALPHABET[randomInt(CONFIRMATION_ALPHABET.length)]).join('');
}

/**
 * The PIN letter `eventKey`, composed for SES (send-email), with its PIN drawn now: the desk's
 * replaces the dossier's PIN, a reminder's waits on the pending reminder with its one-time code.
 * Undefined when a newer issue overtook this letter (it is not sent).
 */
export async function composePinLetter(code: string, eventKey: string, cause: 'desk' | 'reminder'): Promise<{ to: string; rendered: RenderedEmail } | undefined> {
  const issue = Number(ISSUE.exec(eventKey)?.[1]);
  if (!Number.isInteger(issue)) throw new Error(`not a PIN letter: ${eventKey}`);
  const pin = newPin();
  const pinHash = await hashPin(pin);
  const confirmation = cause === 'reminder' ? newConfirmation() : undefined;
  const after =
    cause === 'desk'
      ? await updateIf({
          Key: keys.dossier(code),
          UpdateExpression: 'SET pinHash = :h',
          ConditionExpression: 'pinIssues = :n',
          ExpressionAttributeValues: { ':h': pinHash, ':n': issue },
          ReturnValues: 'ALL_NEW',
        })
      : await updateIf({
          Key: keys.dossier(code),
          UpdateExpression: 'SET pinReminder.pinHash = :h, pinReminder.codeHash = :c, pinReminder.issuedAt = :at, pinReminder.tries = :zero',
          ConditionExpression: 'pinIssues = :n AND attribute_exists(pinReminder)',
          ExpressionAttributeValues: { ':h': pinHash, ':c': await hashPin(confirmation!), ':at': now().getTime(), ':zero': 0, ':n': issue },
          ReturnValues: 'ALL_NEW',
        });
  if (!after) return undefined;
  const dossier = after as unknown as Dossier;
  const rendered = renderPinLetter({
    ...(await dossierLetterData(dossier)),
    pin,
    cause,
    confirmation,
  });
  return { to: dossier.applicant.email, rendered };
}

/**
 * The citizen presents the letter's one-time code with the dossier's code: the pending PIN becomes
 * the dossier's PIN (the old one stops working), the slow-down is lifted. False for a wrong,
 * expired or used code and for an unknown dossier alike, at the same cost (one read, one scrypt,
 * one conditional write); after CONFIRMATION_TRIES wrong codes the reminder is voided.
 */
export async function confirmReminder(code: string, confirmation: string, at: number): Promise<boolean> {
  const dossier = (await getDossier(code)) as PinDossier | undefined;
  const pending = dossier?.pinReminder;
  const live = pending?.codeHash && pending.pinHash && pending.issuedAt !== undefined && at - pending.issuedAt <= CONFIRMATION_TTL_MS;
  const right = await verifyPin(confirmation, live ? pending!.codeHash! : NO_CODE_HASH);
  if (!pending || !live) {
    await updateIf({ Key: keys.dossier(code), UpdateExpression: 'SET pinIssues = pinIssues', ConditionExpression: 'attribute_not_exists(PK) AND attribute_exists(PK)' });
    return false;
  }
  if (right) {
    const done = await updateIf({
      Key: keys.dossier(code),
      UpdateExpression: 'SET pinHash = pinReminder.pinHash REMOVE pinReminder',
      ConditionExpression: 'pinReminder.requestedAt = :r AND pinReminder.codeHash = :c',
      ExpressionAttributeValues: { ':r': pending.requestedAt, ':c': pending.codeHash },
    });
    if (done) await liftGuard(code);
    return !!done;
  }
  const tried = (pending.tries ?? 0) + 1;
  await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: tried >= CONFIRMATION_TRIES ? 'REMOVE pinReminder' : 'SET pinReminder.tries = :t',
    ConditionExpression: 'pinReminder.requestedAt = :r',
    ExpressionAttributeValues: { ':r': pending.requestedAt, ...(tried >= CONFIRMATION_TRIES ? {} : { ':t': tried }) },
  });
  return false;
}
