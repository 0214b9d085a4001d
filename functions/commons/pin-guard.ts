import { BatchGetCommand, DeleteCommand } from './aws/dynamodb';
import type { Dossier } from '../core/dossier';
import { CLIENT_CHECKS, FREE_CHECKS, MAX_DELAY_MS, TICKET_INTERVAL_MS, clientWindow, delayAfter } from '../core/pin-budget';
import { documentClient, tableName } from './aws';
import { clientKey } from './client';
import { getDossier, getItem, keys, updateIf } from './store';

/**
 * The counters that bound PIN guessing (functions/core/pin-budget.ts), each changed by one
 * conditional UpdateItem, so that concurrent requests can never check more than the budget:
 *   DOSSIER#<code> / PINGUARD                 wrong PINs since the last right one, next check time
 *   DOSSIER#<code> / PINCLIENT#<client>#<w>   one client's attempts in window w (TTL)
 * Both exist for unknown codes as well: an unknown code behaves exactly like a real one.
 */
export const guardKeys = {
  guard: (code: string) => ({ PK: `DOSSIER#${code}`, SK: 'PINGUARD' }),
  client: (code: string, client: string, window: number) => ({ PK: `DOSSIER#${code}`, SK: `PINCLIENT#${clientKey(code, client)}#${window}` }),
  ticket: (code: string, client: string) => ({ PK: `DOSSIER#${code}`, SK: `PINTICKET#${clientKey(code, client)}` }),
};

export interface Guard {
  checks?: number;
  nextCheckAt?: number;
}

const DAY_S = 24 * 3600;

/** The dossier and its guard in one consistent read. */
export async function readDossierAndGuard(code: string): Promise<{ dossier?: Dossier; guard?: Guard }> {
  const wanted = [keys.dossier(code), guardKeys.guard(code)];
  const out = await documentClient().send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: wanted, ConsistentRead: true } } }),
  );
  const items = out.Responses?.[tableName()] ?? [];
  let dossier: Dossier | undefined;
  let guard: Guard | undefined;
  for (const item of items) {
    if (item.SK === 'META') {
      const { PK: _p, SK: _s, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, ...rest } = item;
      dossier = rest as unknown as Dossier;
    } else guard = item as Guard;
  }
  // A batch may leave keys unprocessed under throttling: read those one by one.
  if (out.UnprocessedKeys?.[tableName()]?.Keys?.length) {
    dossier = await getDossier(code);
    guard = (await getItem(guardKeys.guard(code))) as Guard | undefined;
  }
  return { dossier, guard };
}

/** A write that never happens, at the cost of one: so that every path makes the same calls. */
export const noWrite = (code: string) =>
  updateIf({ Key: guardKeys.guard(code), UpdateExpression: 'SET checks = checks', ConditionExpression: 'attribute_not_exists(PK) AND attribute_exists(PK)' });

/** Count one attempt of this client on this dossier, if it has any left in the window (one conditional ADD). */
export async function admitClient(code: string, client: string, at: number): Promise<{ ok: true } | { ok: false; retryAt: number }> {
  const w = clientWindow(at);
  const admitted = await updateIf({
    Key: guardKeys.client(code, client, w.index),
    UpdateExpression: 'ADD n :one SET expiresAt = :exp',
    ConditionExpression: 'attribute_not_exists(n) OR n < :max',
    ExpressionAttributeValues: { ':one': 1, ':max': CLIENT_CHECKS, ':exp': Math.ceil(w.endsAt / 1000) + 3600 },
  });
  return admitted ? { ok: true } : { ok: false, retryAt: w.endsAt };
}

/**
 * Reserve one check of the dossier's PIN, before hashing. While the first FREE_CHECKS last, one
 * conditional ADD (no read needed, so a burst gets exactly that many); then a compare-and-set
 * that also sets when the next check may happen, refused while that delay runs: a request that
 * loses the race finds the delay set by the winner. Returns when to retry if refused.
 */
export async function admitCheck(code: string, seen: Guard | undefined, at: number): Promise<{ ok: true } | { ok: false; retryAt: number }> {
  let guard = seen;
  if ((guard?.checks ?? 0) < FREE_CHECKS - 1) {
    const free = await updateIf({
      Key: guardKeys.guard(code),
      UpdateExpression: 'ADD checks :one SET expiresAt = :exp',
      ConditionExpression: 'attribute_not_exists(checks) OR checks < :last',
      ExpressionAttributeValues: { ':one': 1, ':last': FREE_CHECKS - 1, ':exp': Math.ceil(at / 1000) + 7 * DAY_S },
    });
    if (free) return { ok: true };
    guard = (await getItem(guardKeys.guard(code))) as Guard | undefined;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    if (guard?.nextCheckAt && guard.nextCheckAt > at) return { ok: false, retryAt: guard.nextCheckAt };
    const n = (guard?.checks ?? 0) + 1;
    const done = await updateIf({
      Key: guardKeys.guard(code),
      UpdateExpression: 'SET checks = :n, nextCheckAt = :next, expiresAt = :exp',
      ConditionExpression: guard?.checks === undefined ? 'attribute_not_exists(checks)' : 'checks = :seen',
      ExpressionAttributeValues: {
        ':n': n,
        ':next': at + delayAfter(n),
        ':exp': Math.ceil(at / 1000) + 7 * DAY_S,
        ...(guard?.checks === undefined ? {} : { ':seen': guard.checks }),
      },
    });
    if (done) return { ok: true };
    guard = (await getItem(guardKeys.guard(code))) as Guard | undefined;
  }
  return { ok: false, retryAt: Math.max(guard?.nextCheckAt ?? 0, at + 1000) };
}

interface Ticket {
  ticketAt?: number;
  issuedAt?: number;
  usedAt?: number;
}

/**
 * The promise that ends the open-ended lock: a client the dossier's slow-down refused is promised
 * one check at `ticketAt` — when the slow-down's next check is due, never later than MAX_DELAY_MS —
 * whoever takes the dossier's next slot first. One promise per client per TICKET_INTERVAL_MS, so
 * that many addresses buy a bounded number of extra checks (docs/security.md, "Guessing a PIN").
 * Returns when to come back.
 */
export async function promiseCheck(code: string, client: string, at: number, slowedUntil: number): Promise<number> {
  const ticketAt = Math.max(at + 1000, Math.min(slowedUntil, at + MAX_DELAY_MS));
  const issued = await updateIf({
    Key: guardKeys.ticket(code, client),
    UpdateExpression: 'SET ticketAt = :t, issuedAt = :at, expiresAt = :exp REMOVE usedAt',
    ConditionExpression: 'attribute_not_exists(issuedAt) OR issuedAt <= :before',
    ExpressionAttributeValues: { ':t': ticketAt, ':at': at, ':before': at - TICKET_INTERVAL_MS, ':exp': Math.ceil((at + 2 * TICKET_INTERVAL_MS) / 1000) },
  });
  if (issued) return ticketAt;
  const held = (await getItem(guardKeys.ticket(code, client))) as Ticket | undefined;
  // a promise not yet kept: come back at its time; a promise used: the next one, once the interval is over
  if (held?.ticketAt && held.usedAt === undefined && held.ticketAt > at) return held.ticketAt;
  return Math.max(slowedUntil, (held?.issuedAt ?? at) + TICKET_INTERVAL_MS);
}

/** Keep this client's promise, if it holds one that is due and unused (one conditional write). */
export async function keepPromise(code: string, client: string, at: number): Promise<boolean> {
  return !!(await updateIf({
    Key: guardKeys.ticket(code, client),
    UpdateExpression: 'SET usedAt = :at',
    ConditionExpression: 'ticketAt <= :at AND ticketAt > :lapsed AND attribute_not_exists(usedAt)',
    ExpressionAttributeValues: { ':at': at, ':lapsed': at - TICKET_INTERVAL_MS },
  }));
}

/** The right PIN: the slow-down is lifted and this client's attempts are forgiven. */
export async function forgive(code: string, client: string, at: number): Promise<void> {
  await updateIf({ Key: guardKeys.guard(code), UpdateExpression: 'SET checks = :zero, nextCheckAt = :zero', ExpressionAttributeValues: { ':zero': 0 } });
  await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: guardKeys.client(code, client, clientWindow(at).index) }));
}

/** A new PIN from the desk: whatever guessing there was is moot, the count starts again. */
export async function liftGuard(code: string): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: guardKeys.guard(code) }));
}
