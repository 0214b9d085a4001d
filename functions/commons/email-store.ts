import { PutCommand, UpdateCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { now } from './clock';
import { getItem, isConditionFailed, keys } from './store';
import type { SendState } from '../core/email-delivery';

/** The email item (`DOSSIER#<code> / EMAIL#<eventKey>`): never an address, only ids and states. */
export interface EmailItem {
  eventKey: string;
  /** The email as rendered (`refusal`, `apology`…). */
  event: string;
  /** What the workflow asked for: enough for the sender to compose it again. */
  request?: { event: string; stepId?: string };
  state: SendState;
  queuedAt?: string;
  /** Increases at each claim; SES's tag `claim` carries it, so an event names the attempt. */
  claim?: number;
  claimedAt?: string;
  /** Real time (epoch ms) until which the sender holding the claim may still be calling SES. */
  leaseUntil?: number;
  attempts?: number;
  firstAttemptAt?: string;
  lastError?: string;
  /** Real time (epoch ms) of the next attempt after a refusal. */
  nextAttemptAt?: number;
  messageId?: string;
  sentAt?: string;
  failedAt?: string;
  delivery?: string;
  deliveryRank?: number;
  resends?: number;
  [key: string]: unknown;
}

const N = { '#s': 'state', '#c': 'claim' };
/** A letter still `queued` after this long lost its message (the queue was unreachable): re-sendable. */
export const STUCK_QUEUED_MS = 3600_000;

export async function readEmail(code: string, eventKey: string): Promise<EmailItem | undefined> {
  return (await getItem(keys.email(code, eventKey))) as EmailItem | undefined;
}

/**
 * The workflow asks for an email: written once (`attribute_not_exists`), state `queued`.
 * Returns the item as it stands (the existing one when asked again).
 */
export async function requestEmail(
  code: string,
  eventKey: string,
  event: string,
  request: EmailItem['request'],
  extra: Record<string, string> = {},
): Promise<{ created: boolean; item: EmailItem }> {
  const item: EmailItem = { ...extra, eventKey, event, request, state: 'queued', queuedAt: now().toISOString(), claim: 0, attempts: 0 };
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.email(code, eventKey), ...item }, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return { created: true, item };
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    return { created: false, item: (await readEmail(code, eventKey))! };
  }
}

/**
 * Claim the email before calling SES: one conditional write on the state and claim number read,
 * so of two senders holding the same message only one wins. Returns the claim number, or
 * undefined when someone else changed the item first.
 */
export async function claimEmail(code: string, eventKey: string, seen: EmailItem, leaseMs: number): Promise<number | undefined> {
  const claim = (seen.claim ?? 0) + 1;
  const at = now().toISOString();
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.email(code, eventKey),
        UpdateExpression: 'SET #s = :claimed, #c = :claim, claimedAt = :at, leaseUntil = :lease, firstAttemptAt = if_not_exists(firstAttemptAt, :at)',
        ConditionExpression: '#s = :seen AND (#c = :prev OR attribute_not_exists(#c))',
        ExpressionAttributeNames: N,
        ExpressionAttributeValues: { ':claimed': 'claimed', ':claim': claim, ':at': at, ':lease': Date.now() + leaseMs, ':seen': seen.state, ':prev': seen.claim ?? 0 },
      }),
    );
    return claim;
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw error;
  }
}

/** An update that applies only while `claim` is still ours; false when it is not. */
async function underClaim(code: string, eventKey: string, claim: number, update: string, values: Record<string, unknown>, names: Record<string, string> = {}): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.email(code, eventKey),
        UpdateExpression: update,
        ConditionExpression: '#c = :mine',
        ExpressionAttributeNames: { ...N, ...names },
        ExpressionAttributeValues: { ...values, ':mine': claim },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** SES accepted it: the message id, recorded under our claim (an SES `Send` event may have done it already). */
export const recordSent = (code: string, eventKey: string, claim: number, messageId: string, attempts: number) =>
  underClaim(code, eventKey, claim, 'SET #s = :sent, messageId = :m, sentAt = if_not_exists(sentAt, :at), attempts = :n REMOVE leaseUntil, nextAttemptAt, lastError', {
    ':sent': 'sent',
    ':m': messageId,
    ':at': now().toISOString(),
    ':n': attempts,
  });

/** Throttled: SES did not take it; give the claim back unchanged in every other way. */
export const releaseClaim = (code: string, eventKey: string, claim: number, back: SendState) =>
  underClaim(code, eventKey, claim, 'SET #s = :back REMOVE leaseUntil', { ':back': back });

/** SES refused it (not a throttle): retry at `nextAttemptAt`, or give up (`failed`) after the budget. */
export const recordRefusal = (code: string, eventKey: string, claim: number, error: string, next: { attempts: number; nextAttemptAt?: number; givenUp: boolean }) =>
  next.givenUp
    ? underClaim(code, eventKey, claim, 'SET #s = :failed, lastError = :e, failedAt = :at, attempts = :a, GSI1PK = :gpk, GSI1SK = :gsk REMOVE leaseUntil, nextAttemptAt', {
        ':failed': 'failed',
        ':e': error,
        ':at': now().toISOString(),
        ':a': next.attempts,
        // sparse key: the operators' list of failed letters (GET /ops/emails?state=failed)
        ':gpk': 'EMAILS#failed',
        ':gsk': `${now().toISOString()}#${code}#${eventKey}`,
      })
    : underClaim(code, eventKey, claim, 'SET #s = :retrying, lastError = :e, nextAttemptAt = :n, attempts = :a REMOVE leaseUntil', {
        ':retrying': 'retrying',
        ':e': error,
        ':n': next.nextAttemptAt,
        ':a': next.attempts,
      });

/** A letter overtaken before it left (a newer PIN letter): `failed` with the reason, not listed among the failed, never re-sent. */
export const recordSuperseded = (code: string, eventKey: string, claim: number, reason: string) =>
  underClaim(code, eventKey, claim, 'SET #s = :failed, lastError = :e, failedAt = :at REMOVE leaseUntil, nextAttemptAt', {
    ':failed': 'failed',
    ':e': reason,
    ':at': now().toISOString(),
  });

/** PIN letters are never sent again by an operator: each carries a PIN drawn for it, and a new one is the desk's reissue or the citizen's reminder. */
export const PIN_LETTER_NOT_RESENT =
  'A PIN letter is never sent again: its PIN was drawn for it. The desk reissues a PIN (POST /dossiers/{code}/pin) or the citizen asks for a reminder on the lookup page.';
export const isPinLetter = (item: Pick<EmailItem, 'event' | 'eventKey'>) => item.event === 'pin-reissued' || /^pin-reissued-/.test(item.eventKey ?? '');

/**
 * An operator sends it again (after the desk corrected the address): back to `queued` with a new
 * retry budget; what it was before goes into `history`. Refused while it is queued (for less
 * than an hour) or being sent.
 */
export async function requeueEmail(code: string, eventKey: string, by: string): Promise<'queued' | 'busy' | 'missing' | 'pin'> {
  const item = await readEmail(code, eventKey);
  if (!item) return 'missing';
  if (isPinLetter({ event: item.event, eventKey })) return 'pin';
  // a queued letter is on its way unless it has waited an hour (its message was never queued)
  const waiting = item.state === 'queued' && now().getTime() - Date.parse(item.queuedAt ?? '') < STUCK_QUEUED_MS;
  if (waiting || (item.state === 'claimed' && (item.leaseUntil ?? 0) > Date.now())) return 'busy';
  const before = { state: item.state, messageId: item.messageId, delivery: item.delivery, sentAt: item.sentAt, lastError: item.lastError, at: now().toISOString(), by };
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.email(code, eventKey),
        UpdateExpression:
          'SET #s = :queued, queuedAt = :at, attempts = :z, resends = if_not_exists(resends, :z) + :one, history = list_append(if_not_exists(history, :empty), :before) REMOVE messageId, sentAt, firstAttemptAt, nextAttemptAt, lastError, failedAt, delivery, deliveryRank, leaseUntil, acceptedAt, delayedAt, deliveredAt, complainedAt, bouncedAt, rejectedAt, renderingFailedAt, bounceType',
        ConditionExpression: '#s = :seen AND (#c = :claim OR attribute_not_exists(#c))',
        ExpressionAttributeNames: N,
        ExpressionAttributeValues: {
          ':queued': 'queued',
          ':at': now().toISOString(),
          ':z': 0,
          ':one': 1,
          ':empty': [],
          ':before': [JSON.parse(JSON.stringify(before))],
          ':seen': item.state,
          ':claim': item.claim ?? 0,
        },
      }),
    );
    return 'queued';
  } catch (error) {
    if (isConditionFailed(error)) return 'busy';
    throw error;
  }
}
