import { PutCommand } from './aws/dynamodb';
import type { Apology, Dossier, Step } from '../core/dossier';
import { deriveEvents, type DossierEvent } from '../core/events';
import { maDonVi, portalCall, type NationalPortalConfig } from '../core/dvcqg';
import { documentClient, tableName } from './aws';
import { nationalPortalConfig, PortalError, sendPortalCall } from './dvcqg-client';
import { isConditionFailed, queryAll, updateIf } from './store';
import { now } from './clock';
import { deliverWebhooks, webhooksDue } from './webhooks';

/**
 * The outbox (docs/outbox.md). Events are derived from the facts (functions/core/events.ts), so a
 * fact needs nothing written beside it: `relay(code)` derives a dossier's events and records each
 * new one ONCE under its deterministic id (`DOSSIER#<code> / EVENT#<event id>`, a conditional
 * put), numbered in the dossier's order by the head item's counter (`DOSSIER#<code> / OUTBOX`);
 * `deliver(code)` sends them to the national portal in that order, one dossier at a time (a lease
 * on the head item), retrying with backoff and parking an event that keeps failing (GSI1
 * `SYNC#parked`, shown at GET /ops/sync). On AWS the table's stream triggers the relay; locally a
 * poller (infra/local/outbox.ts) does, running the same two functions.
 */

export type PortalState = 'pending' | 'sent' | 'skipped' | 'parked' | 'off';

export interface OutboxItem {
  event: DossierEvent;
  seq: number;
  recordedAt: string;
  portalState: PortalState;
  portalAttempts: number;
  portalNextAt?: string;
  portalError?: string;
  portalSentAt?: string;
  /** Recorded by the backfill (POST /ops/sync/backfill): history, sent to the portal but not to agencies' webhooks. */
  backfill?: boolean;
  /** Webhook subscriptions' delivery state (commons/webhooks.ts), by subscription id. */
  hooks?: Record<string, { state: 'sent' | 'failed' | 'pending'; attempts: number; nextAt?: string }>;
}

export const outboxKeys = {
  head: (code: string) => ({ PK: `DOSSIER#${code}`, SK: 'OUTBOX' }),
  event: (code: string, id: string) => ({ PK: `DOSSIER#${code}`, SK: `EVENT#${id}` }),
};

/** The connection's own item: when the portal last accepted a call (GET /ops/sync/status). */
export const syncStatusKey = { PK: 'SYNC#STATUS', SK: 'PORTAL' };

const syncIndex = (state: 'pending' | 'parked', recordedAt: string, code: string, seq: number) => ({
  GSI1PK: `SYNC#${state}`,
  GSI1SK: `${recordedAt}#${code}#${String(seq).padStart(6, '0')}`,
});

/** The ops id of an event: `<code>.<seq>` (an event id has slashes; a path parameter cannot). */
export const opsId = (code: string, seq: number) => `${code}.${seq}`;
export const parseOpsId = (id: string) => {
  const m = /^([A-Z0-9]{2,12}-\d{6}-\d{4,})\.(\d{1,6})$/.exec(id);
  return m ? { code: m[1]!, seq: Number(m[2]) } : undefined;
};

export async function outboxPartition(code: string) {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `DOSSIER#${code}` }, ConsistentRead: true });
  const sk = (i: Record<string, unknown>) => String(i.SK);
  return {
    dossier: items.find((i) => sk(i) === 'META') as unknown as Dossier | undefined,
    steps: items.filter((i) => sk(i).startsWith('STEP#')) as unknown as Step[],
    apologies: items.filter((i) => sk(i).startsWith('APOLOGY#')) as unknown as Apology[],
    events: (items.filter((i) => sk(i).startsWith('EVENT#')) as unknown as OutboxItem[]).sort((a, b) => a.seq - b.seq),
    head: items.find((i) => sk(i) === 'OUTBOX'),
  };
}

/** Record the dossier's events not yet recorded, in order; answers how many were new. */
export async function relay(code: string, at: Date = now(), opts: { backfill?: boolean } = {}): Promise<number> {
  const { dossier, steps, apologies, events } = await outboxPartition(code);
  if (!dossier || !dossier.code) return 0;
  const known = new Set(events.map((e) => e.event.id));
  const connected = nationalPortalConfig() !== undefined;
  let added = 0;
  for (const event of deriveEvents(dossier, steps, apologies)) {
    if (known.has(event.id)) continue;
    // the number first, then the put: a relay racing this one loses the put and leaves a gap, never an inversion
    const next = await updateIf({ Key: outboxKeys.head(code), UpdateExpression: 'SET seq = if_not_exists(seq, :zero) + :one', ExpressionAttributeValues: { ':zero': 0, ':one': 1 }, ReturnValues: 'UPDATED_NEW' });
    const seq = Number(next!.seq);
    const recordedAt = at.toISOString();
    const state: PortalState = connected ? 'pending' : 'off';
    try {
      await documentClient().send(new PutCommand({
        TableName: tableName(),
        Item: { ...outboxKeys.event(code, event.id), event, seq, recordedAt, portalState: state, portalAttempts: 0, ...(opts.backfill ? { backfill: true } : {}), ...(state === 'pending' ? syncIndex('pending', recordedAt, code, seq) : {}) },
        ConditionExpression: 'attribute_not_exists(PK)',
      }));
      added++;
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
    }
  }
  return added;
}

/**
 * Backoff before attempt n+1: 1 min × 2^(n-1), at most 30 min (OUTBOX_RETRY_SCALE scales it
 * locally). The default 8 attempts then span 1 h 31 min (1+2+4+8+16+30+30), so a portal outage of
 * an hour parks nothing (issue 22), and the portal's return is noticed within 30 min. (It was
 * 5 s × 2^(n-1): 8 attempts in 10.6 min, and an hour's outage parked every dossier's head event.)
 */
export const backoffMs = (attempts: number, scale = Number(process.env.OUTBOX_RETRY_SCALE ?? 1)) =>
  Math.min(1_800_000, 60_000 * 2 ** Math.max(0, attempts - 1)) * scale;

export interface DeliverResult {
  sent: number;
  failed: number;
  parked: number;
  /** Waiting for a retry's time, or behind one (per-dossier order). */
  waiting: number;
  /** Webhook messages accepted by agencies' systems. */
  hooks: number;
}

/**
 * Send the dossier's pending events to the portal, in order, under a lease on its head item so
 * that two deliverers never interleave one dossier's calls. An event that fails stops the
 * dossier's queue (the next events wait behind it) until its retry time; after `maxAttempts`
 * it is parked, and the next events still wait behind it until an operator resends it.
 */
export async function deliver(code: string, at: Date = now(), send = sendPortalCall): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, failed: 0, parked: 0, waiting: 0, hooks: 0 };
  const cfg = nationalPortalConfig();
  const nowIso = at.toISOString();
  // nothing due: no write at all (the stream would bring the lease's own writes back otherwise)
  const before = (await outboxPartition(code)).events;
  // events behind a parked one wait for the operator's resend: they are not due
  const parkedAt = before.findIndex((e) => e.portalState === 'parked');
  const reachable = parkedAt < 0 ? before : before.slice(0, parkedAt);
  const portalDue = !!cfg && reachable.some((e) => e.portalState === 'pending' && (!e.portalNextAt || e.portalNextAt <= nowIso));
  if (!portalDue && !(await webhooksDue(before, at))) return result;
  const leaseUntil = new Date(at.getTime() + 60_000).toISOString();
  const leased = await updateIf({
    Key: outboxKeys.head(code),
    UpdateExpression: 'SET leaseUntil = :until',
    // (AND binds before OR: the head exists, and it is not leased or its lease ran out)
    ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(leaseUntil) OR attribute_exists(PK) AND leaseUntil < :now',
    ExpressionAttributeValues: { ':until': leaseUntil, ':now': nowIso },
  });
  if (!leased) return result;
  try {
    const { dossier, steps, events } = await outboxPartition(code);
    if (!dossier) return result;
    for (const item of cfg ? events : []) {
      // parked: the dossier's later events wait behind it until an operator resends it, so the
      // portal never sees a later state before an earlier one
      if (item.portalState === 'parked') {
        result.waiting += 1;
        break;
      }
      if (item.portalState !== 'pending') continue;
      if (item.portalNextAt && item.portalNextAt > nowIso) {
        result.waiting += 1;
        break;
      }
      const outcome = await deliverOne(cfg!, item, dossier, steps, at, send);
      result[outcome] += 1;
      if (outcome !== 'sent') break; // failed: wait for its retry time; parked: for the operator
    }
    // agencies' systems: the same events, their own order and retries per subscription
    result.hooks = await deliverWebhooks(code, events, at);
    return result;
  } finally {
    await updateIf({ Key: outboxKeys.head(code), UpdateExpression: 'REMOVE leaseUntil', ConditionExpression: 'leaseUntil = :until', ExpressionAttributeValues: { ':until': leaseUntil } });
  }
}

async function deliverOne(cfg: NationalPortalConfig, item: OutboxItem, dossier: Dossier, steps: Step[], at: Date, send: typeof sendPortalCall): Promise<'sent' | 'failed' | 'parked'> {
  const key = outboxKeys.event(dossier.code, item.event.id);
  const call = portalCall(cfg, item.event, dossier, steps);
  if (!call) {
    await updateIf({ Key: key, UpdateExpression: 'SET portalState = :s REMOVE GSI1PK, GSI1SK', ExpressionAttributeValues: { ':s': 'skipped' } });
    return 'sent';
  }
  try {
    await send(cfg, call, maDonVi(cfg, dossier.branch ?? dossier.procedure.receivingAgency));
    await updateIf({
      Key: key,
      UpdateExpression: 'SET portalState = :s, portalSentAt = :at, portalAttempts = if_not_exists(portalAttempts, :zero) + :one REMOVE GSI1PK, GSI1SK, portalError, portalNextAt',
      ExpressionAttributeValues: { ':s': 'sent', ':at': at.toISOString(), ':one': 1, ':zero': 0 },
    });
    await updateIf({ Key: syncStatusKey, UpdateExpression: 'SET lastSentAt = :at', ConditionExpression: 'attribute_not_exists(lastSentAt) OR lastSentAt < :at', ExpressionAttributeValues: { ':at': at.toISOString() } });
    return 'sent';
  } catch (e) {
    const attempts = item.portalAttempts + 1;
    const error = e instanceof PortalError ? e.message : `unexpected: ${(e as Error).message}`;
    const park = attempts >= (cfg.maxAttempts ?? 8) || (e instanceof PortalError && !e.retryable);
    await updateIf({
      Key: key,
      UpdateExpression: `SET portalAttempts = :n, portalError = :err, portalState = :s, GSI1PK = :pk, GSI1SK = :sk${park ? ' REMOVE portalNextAt' : ', portalNextAt = :next'}`,
      ExpressionAttributeValues: {
        ':n': attempts,
        ':err': error.slice(0, 500),
        ':s': park ? 'parked' : 'pending',
        ...(() => { const k = syncIndex(park ? 'parked' : 'pending', item.recordedAt, dossier.code, item.seq); return { ':pk': k.GSI1PK, ':sk': k.GSI1SK }; })(),
        ...(park ? {} : { ':next': new Date(at.getTime() + backoffMs(attempts)).toISOString() }),
      },
    });
    return park ? 'parked' : 'failed';
  }
}

/** Operator's resend of a parked (or waiting) event: pending again, attempts from zero, now. */
export async function retryEvent(code: string, seq: number): Promise<OutboxItem | undefined> {
  const { events } = await outboxPartition(code);
  const item = events.find((e) => e.seq === seq);
  if (!item) return undefined;
  const k = syncIndex('pending', item.recordedAt, code, seq);
  await updateIf({
    Key: outboxKeys.event(code, item.event.id),
    UpdateExpression: 'SET portalState = :s, portalAttempts = :zero, GSI1PK = :pk, GSI1SK = :sk REMOVE portalNextAt',
    ExpressionAttributeValues: { ':s': 'pending', ':zero': 0, ':pk': k.GSI1PK, ':sk': k.GSI1SK },
  });
  return { ...item, portalState: 'pending', portalAttempts: 0 };
}

/** A dossier's outbox, in order (tests, ops). */
export async function listOutbox(code: string): Promise<OutboxItem[]> {
  return (await outboxPartition(code)).events;
}
