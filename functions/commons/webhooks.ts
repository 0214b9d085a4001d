import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { DeleteCommand, PutCommand } from './aws/dynamodb';
import { webhookView, type DossierEvent, type EventKind } from '../core/events';
import { documentClient, tableName } from './aws';
import { queryAll, updateIf } from './store';
import { now } from './clock';

/**
 * Webhooks for agencies' own systems (docs/outbox.md, Webhooks): an agency subscribes a URL; the
 * events of its steps (codes, statuses, instants, step ids — never personal data) are POSTed to it
 * signed as Standard Webhooks sign (`webhook-id`, `webhook-timestamp`, `webhook-signature:
 * v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>`), in each dossier's order, retried with
 * backoff for about a day, each attempt in the subscription's delivery log.
 *   WEBHOOK#<agency> / SUB#<id>                        the subscription (its secret)
 *   WEBHOOK#<agency>#<id> / DELIVERY#<at>#<code>#<seq>  one attempt
 */
export interface Subscription {
  id: string;
  agency: string;
  url: string;
  /** Event kinds wanted; absent: all. */
  events?: EventKind[];
  secret: string;
  createdAt: string;
  createdBy: string;
  /**
   * Set when an event exhausted its attempts (persistent failure): nothing more is sent until the
   * agency re-enables it (PATCH …/webhooks/{id} {"enabled": true}); the events recorded meanwhile
   * then go out, none lost.
   */
  disabledAt?: string;
  disabledReason?: string;
}

export interface Delivery {
  at: string;
  eventId: string;
  code: string;
  seq: number;
  kind: EventKind;
  attempt: number;
  ok: boolean;
  httpStatus?: number;
  error?: string;
}

export const WEBHOOK_MAX_ATTEMPTS = 30;
/** Attempts before an event fails for a subscription and the subscription is disabled (WEBHOOK_MAX_ATTEMPTS locally, for tests). */
export const webhookMaxAttempts = () => Number(process.env.WEBHOOK_MAX_ATTEMPTS ?? WEBHOOK_MAX_ATTEMPTS);

export const subKey = (agency: string, id: string) => ({ PK: `WEBHOOK#${agency}`, SK: `SUB#${id}` });

export async function createSubscription(agency: string, url: string, events: EventKind[] | undefined, by: string, at: Date): Promise<Subscription> {
  const sub: Subscription = { id: randomUUID(), agency, url, ...(events?.length ? { events } : {}), secret: `whsec_${randomBytes(32).toString('base64')}`, createdAt: at.toISOString(), createdBy: by };
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...subKey(agency, sub.id), ...sub }, ConditionExpression: 'attribute_not_exists(PK)' }));
  return sub;
}

export async function listSubscriptions(agency: string): Promise<Subscription[]> {
  return (await queryAll({ KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)', ExpressionAttributeValues: { ':pk': `WEBHOOK#${agency}`, ':s': 'SUB#' } })) as unknown as Subscription[];
}

export async function getSubscription(agency: string, id: string): Promise<Subscription | undefined> {
  return (await listSubscriptions(agency)).find((s) => s.id === id);
}

/** Remove a subscription (its delivery log expires on its own). */
export async function deleteSubscription(agency: string, id: string): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: subKey(agency, id) }));
}

/** Disable (persistent failure, or by hand) or re-enable a subscription. */
export async function setSubscriptionEnabled(agency: string, id: string, enabled: boolean, reason = 'disabled by the agency', at: Date = now()): Promise<Subscription | undefined> {
  const out = await updateIf(
    enabled
      ? { Key: subKey(agency, id), UpdateExpression: 'REMOVE disabledAt, disabledReason', ConditionExpression: 'attribute_exists(PK)', ReturnValues: 'ALL_NEW' }
      : { Key: subKey(agency, id), UpdateExpression: 'SET disabledAt = if_not_exists(disabledAt, :at), disabledReason = if_not_exists(disabledReason, :r)', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':at': at.toISOString(), ':r': reason.slice(0, 300) }, ReturnValues: 'ALL_NEW' },
  );
  if (!out) return undefined;
  const { PK: _p, SK: _s, ...sub } = out;
  return sub as unknown as Subscription;
}

/**
 * Send one event to a subscription again (a replay): its state for that subscription goes back to
 * pending with a fresh budget, now; the next pass of the dossier's outbox sends it (the same
 * `webhook-id`: a receiver that had it already recognises it). False: no such event.
 */
export async function replayEvent(subscriptionId: string, code: string, eventId: string): Promise<boolean> {
  return !!(await updateIf({
    Key: { PK: `DOSSIER#${code}`, SK: `EVENT#${eventId}` },
    UpdateExpression: 'SET hooks = if_not_exists(hooks, :empty)',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':empty': {} },
  })) && !!(await updateIf({
    Key: { PK: `DOSSIER#${code}`, SK: `EVENT#${eventId}` },
    UpdateExpression: 'SET hooks.#s = :v',
    ExpressionAttributeNames: { '#s': subscriptionId },
    ExpressionAttributeValues: { ':v': { state: 'pending', attempts: 0, replay: true } },
  }));
}

export async function listDeliveries(agency: string, id: string): Promise<Delivery[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `WEBHOOK#${agency}#${id}` }, ScanIndexForward: false, Limit: 200 });
  return items.map(({ PK: _p, SK: _s, expiresAt: _e, ...d }) => d as unknown as Delivery);
}

/** The Standard Webhooks signature of a message. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Loopback, private, link-local (the metadata service), unique-local, unspecified. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = ip.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::1' || v6 === '::' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
}

/** Locally (WEBHOOK_ALLOW_LOOPBACK=1, set by the local runtime only) a receiver on the loopback address is allowed. */
const loopbackAllowed = () => process.env.WEBHOOK_ALLOW_LOOPBACK === '1';

/** Why a subscription's URL is refused, or undefined: https (http on loopback locally), never a private address. */
export async function urlProblem(raw: string, resolve = true): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '::1';
  if (loopback && loopbackAllowed()) return undefined;
  if (url.protocol !== 'https:') return 'https only';
  if (url.username || url.password) return 'no credentials in the URL';
  const addresses = isIP(host) ? [host] : resolve ? (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address) : [];
  if (loopback || addresses.some(isPrivateAddress)) return 'a private, loopback or metadata address';
  if (resolve && addresses.length === 0) return 'the host does not resolve';
  return undefined;
}

interface EventItem {
  event: DossierEvent;
  seq: number;
  recordedAt: string;
  /** History recorded by the backfill: not sent to webhooks (a subscription gets what happens from its creation on). */
  backfill?: boolean;
  hooks?: Record<string, { state: 'sent' | 'failed' | 'pending'; attempts: number; nextAt?: string }>;
}

/** Whether any (event, subscription) of the dossier is due to be sent: read only, so an idle pass writes nothing. */
export async function webhooksDue(events: EventItem[], at: Date = now()): Promise<boolean> {
  const agencies = [...new Set(events.map((e) => e.event.agency).filter((a): a is string => !!a))];
  for (const agency of agencies) {
    const subs = (await listSubscriptions(agency)).filter((s) => !s.disabledAt);
    for (const item of events.filter((e) => e.event.agency === agency)) {
      for (const sub of subs) {
        if (item.backfill || item.recordedAt < sub.createdAt || (sub.events && !sub.events.includes(item.event.kind))) continue;
        const state = item.hooks?.[sub.id];
        if (state?.state === 'sent' || state?.state === 'failed') continue;
        if (!state?.nextAt || state.nextAt <= at.toISOString()) return true;
      }
    }
  }
  return false;
}

const backoff = (attempts: number) => Math.min(3600_000, 5000 * 2 ** Math.max(0, attempts - 1)) * Number(process.env.OUTBOX_RETRY_SCALE ?? 1);

/**
 * Send a dossier's events to the subscriptions of the agencies they concern, in order per
 * subscription: a failed attempt stops that subscription's queue for this dossier until its retry
 * time. Called after the portal's delivery, under the same lease.
 */
export async function deliverWebhooks(code: string, events: EventItem[], at: Date = now()): Promise<number> {
  const subs = new Map<string, Subscription[]>();
  const blocked = new Set<string>();
  let sent = 0;
  for (const item of events) {
    const agency = item.event.agency;
    if (!agency) continue;
    if (!subs.has(agency)) subs.set(agency, (await listSubscriptions(agency)).filter((s) => !s.disabledAt));
    for (const sub of subs.get(agency)!) {
      // a subscription gets the events recorded from its creation on, not the history before it
      if (blocked.has(sub.id) || sub.disabledAt || item.backfill || item.recordedAt < sub.createdAt || (sub.events && !sub.events.includes(item.event.kind))) continue;
      const state = item.hooks?.[sub.id];
      if (state?.state === 'sent' || state?.state === 'failed') continue;
      if (state?.nextAt && state.nextAt > at.toISOString()) {
        blocked.add(sub.id);
        continue;
      }
      const attempt = (state?.attempts ?? 0) + 1;
      const outcome = await post(sub, item.event);
      const failed = !outcome.ok && attempt >= webhookMaxAttempts();
      const next = outcome.ok ? { state: 'sent', attempts: attempt } : failed ? { state: 'failed', attempts: attempt } : { state: 'pending', attempts: attempt, nextAt: new Date(at.getTime() + backoff(attempt)).toISOString() };
      await updateIf({
        Key: { PK: `DOSSIER#${code}`, SK: `EVENT#${item.event.id}` },
        UpdateExpression: 'SET hooks = if_not_exists(hooks, :empty)',
        ExpressionAttributeValues: { ':empty': {} },
      });
      await updateIf({ Key: { PK: `DOSSIER#${code}`, SK: `EVENT#${item.event.id}` }, UpdateExpression: 'SET hooks.#s = :v', ExpressionAttributeNames: { '#s': sub.id }, ExpressionAttributeValues: { ':v': next } });
      const delivery: Delivery = { at: at.toISOString(), eventId: item.event.id, code, seq: item.seq, kind: item.event.kind, attempt, ok: outcome.ok, ...(outcome.status ? { httpStatus: outcome.status } : {}), ...(outcome.error ? { error: outcome.error } : {}) };
      await documentClient().send(new PutCommand({
        TableName: tableName(),
        Item: { PK: `WEBHOOK#${sub.agency}#${sub.id}`, SK: `DELIVERY#${delivery.at}#${code}#${String(item.seq).padStart(6, '0')}#${attempt}`, ...delivery, expiresAt: Math.floor(at.getTime() / 1000) + 30 * 86400 },
      }));
      if (outcome.ok) sent++;
      else blocked.add(sub.id);
      if (failed) {
        // persistent failure: the subscription is disabled until the agency re-enables it
        await setSubscriptionEnabled(sub.agency, sub.id, false, `${item.event.id}: ${outcome.error ?? 'failed'} after ${attempt} attempts`, at);
        sub.disabledAt = at.toISOString();
      }
    }
  }
  return sent;
}

async function post(sub: Subscription, event: DossierEvent): Promise<{ ok: boolean; status?: number; error?: string }> {
  const problem = await urlProblem(sub.url); // again at delivery: a name may now resolve elsewhere
  if (problem) return { ok: false, error: `refused URL: ${problem}` };
  const body = JSON.stringify({ type: `dossier.${event.kind}`, timestamp: event.at, data: webhookView(event) });
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(sub.url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', 'webhook-id': event.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': sign(sub.secret, event.id, timestamp, body) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status >= 200 && res.status < 300 ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    return { ok: false, error: `network: ${(e as Error).message}`.slice(0, 300) };
  }
}
