/**
 * The life of one email (one item `DOSSIER#<code> / EMAIL#<eventKey>`), as pure rules.
 *
 * Sending: `queued` (the workflow asked for it, the queue holds a message) → `claimed` (one sender
 * holds it while it calls SES; `leaseUntil` says until when it may still be in flight) → `sent`
 * (SES accepted it: `messageId`). SES refusing it (not a throttle) → `retrying` (with `nextAttemptAt`)
 * → `claimed` again …; after the retry budget, `failed` (visible, re-sendable by operators).
 *
 * Delivery (SES's events, recorded after `sent`): each event has a rank and the letter's delivery
 * state is the highest-ranked event seen, so a late `Delivery` never hides a `Bounce`.
 */

export type SendState = 'queued' | 'claimed' | 'sent' | 'retrying' | 'failed';

/** How long a sender may hold a claim: the sender's timeout with a margin (seconds). */
export const DEFAULT_LEASE_SECONDS = 60;
/** SES calls are aborted after this long, well inside the lease (milliseconds). */
export const SES_CALL_TIMEOUT_MS = 10_000;
/** An email SES refuses is retried at least this long after its first attempt (hours). */
export const RETRY_BUDGET_HOURS = 24;

/** Backoff before attempt n+1 after n refused attempts: 30 s doubling, capped at 15 min (SQS's largest delay). */
export function backoffSeconds(attempts: number): number {
  return Math.min(900, 30 * 2 ** Math.max(0, attempts - 1));
}

export interface EmailItemState {
  state?: SendState;
  leaseUntil?: number;
  nextAttemptAt?: number;
}

/** What a sender does with a message for this email, at real time `nowMs`. */
export type SendDecision =
  | { action: 'drop'; reason: 'sent' | 'failed' | 'missing' }
  | { action: 'later'; delaySeconds: number; reason: 'in-flight' | 'backoff' }
  | { action: 'claim' };

export function decide(item: EmailItemState | undefined, nowMs: number): SendDecision {
  if (!item) return { action: 'drop', reason: 'missing' };
  if (item.state === 'sent') return { action: 'drop', reason: 'sent' };
  if (item.state === 'failed') return { action: 'drop', reason: 'failed' };
  if (item.state === 'claimed' && (item.leaseUntil ?? 0) > nowMs) {
    // another attempt may still be calling SES: look again once its lease is over
    return { action: 'later', delaySeconds: Math.ceil(((item.leaseUntil ?? 0) - nowMs) / 1000) + 1, reason: 'in-flight' };
  }
  if (item.state === 'retrying' && (item.nextAttemptAt ?? 0) > nowMs + 1000) {
    return { action: 'later', delaySeconds: Math.ceil(((item.nextAttemptAt ?? 0) - nowMs) / 1000), reason: 'backoff' };
  }
  return { action: 'claim' };
}

/** SES's error names that mean "too fast, try again": waiting is the answer, never failure. */
export function isThrottle(error: { name?: string; $metadata?: { httpStatusCode?: number } }): boolean {
  return (
    error.$metadata?.httpStatusCode === 429 ||
    ['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'LimitExceededException'].includes(error.name ?? '')
  );
}

/** SES answered (any HTTP status): it did not accept the message, so no copy can be out there. */
export function isDefiniteRefusal(error: { $metadata?: { httpStatusCode?: number } }): boolean {
  return typeof error.$metadata?.httpStatusCode === 'number';
}

// ---- delivery (SES events through the configuration set) ----

export type DeliveryEvent = 'send' | 'delivery-delay' | 'delivery' | 'complaint' | 'bounce' | 'reject' | 'rendering-failure';
export type DeliveryState = 'sent' | 'delayed' | 'delivered' | 'complained' | 'bounced' | 'rejected' | 'rendering-failed';

/** SES's `eventType` → ours, with the state it leads to and its rank (a higher rank overrides). */
export const DELIVERY_EVENTS: Record<string, { event: DeliveryEvent; state: DeliveryState; rank: number; at: string }> = {
  Send: { event: 'send', state: 'sent', rank: 1, at: 'acceptedAt' },
  DeliveryDelay: { event: 'delivery-delay', state: 'delayed', rank: 2, at: 'delayedAt' },
  Delivery: { event: 'delivery', state: 'delivered', rank: 3, at: 'deliveredAt' },
  Complaint: { event: 'complaint', state: 'complained', rank: 4, at: 'complainedAt' },
  Bounce: { event: 'bounce', state: 'bounced', rank: 5, at: 'bouncedAt' },
  Reject: { event: 'reject', state: 'rejected', rank: 5, at: 'rejectedAt' },
  'Rendering Failure': { event: 'rendering-failure', state: 'rendering-failed', rank: 5, at: 'renderingFailedAt' },
  RenderingFailure: { event: 'rendering-failure', state: 'rendering-failed', rank: 5, at: 'renderingFailedAt' },
};

/** A letter the citizen did not get: the desk must call them. */
export const needsContact = (state: DeliveryState) => state === 'bounced' || state === 'complained' || state === 'rejected';

/** `<dossierCode>~<eventKey>`: the id of an email in the operators' routes. */
export const EMAIL_ID = /^([A-Z0-9]{2,12}-\d{6}-\d{4,8})~([a-z0-9-]{1,80})$/;
export const emailId = (code: string, eventKey: string) => `${code}~${eventKey}`;
