import { now } from './clock';
import type { EmailItem } from './email-store';
import { emailId } from '../core/email-delivery';
import { toLocalIso } from '../core/local-time';

const iso = (v: unknown) => (typeof v === 'string' ? toLocalIso(v) : undefined);
/** A real-time instant (epoch ms) on the platform's clock (they differ locally once the clock moved). */
const onClock = (ms: unknown) => (typeof ms === 'number' ? toLocalIso(new Date(now().getTime() + ms - Date.now()).toISOString()) : undefined);

/**
 * What the API shows of one letter: how far it got (`state`: queued, claimed, retrying, failed,
 * or once sent the delivery SES reported: sent, delayed, delivered, complained, bounced…) and when.
 * No address: the dossier's applicant says where it went.
 */
export function emailView(code: string, e: EmailItem) {
  const state = e.state === 'sent' ? (e.delivery ?? 'sent') : e.state;
  return {
    id: emailId(code, e.eventKey),
    eventKey: e.eventKey,
    event: e.event,
    state,
    sending: e.state,
    attempts: e.attempts ?? (e.state === 'sent' ? 1 : 0),
    queuedAt: iso(e.queuedAt),
    sentAt: iso(e.sentAt),
    deliveredAt: iso(e.deliveredAt),
    delayedAt: iso(e.delayedAt),
    bouncedAt: iso(e.bouncedAt),
    bounceType: e.bounceType as string | undefined,
    complainedAt: iso(e.complainedAt),
    rejectedAt: iso(e.rejectedAt),
    failedAt: iso(e.failedAt),
    lastError: e.lastError,
    nextAttemptAt: e.state === 'retrying' ? onClock(e.nextAttemptAt) : undefined,
    resends: e.resends ?? 0,
  };
}
