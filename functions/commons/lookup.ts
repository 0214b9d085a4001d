import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { clientOf } from './client';
import { now } from './clock';
import { HttpProblem, notFound } from './http';
import { verifyPin } from './pin';
import { admitCheck, admitClient, forgive, keepPromise, noWrite, promiseCheck, readDossierAndGuard } from './pin-guard';
import type { Dossier } from '../core/dossier';

/** The scrypt hash of a PIN nobody has, hashed against when there is nothing else to hash. */
export const DUMMY_HASH = 'scrypt$7mV0dXcYbGxrZ3JhbmRvbQ==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const tooMany = (retryAt: number, at: number) =>
  new HttpProblem(429, 'Too Many Requests', 'Too many PINs tried for this dossier: try again later', undefined, {
    'retry-after': String(Math.max(1, Math.ceil((retryAt - at) / 1000))),
  });

/**
 * The citizen's key to a dossier: its code and the PIN given at receipt (header `X-Lookup-Pin`).
 * Every path costs the same: one batch read, two conditional updates (real or refused by their
 * condition), one scrypt hash — whether the code exists, the PIN is missing, malformed, wrong or
 * right, or the budget is spent. A wrong PIN and an unknown code answer the same 404; a spent
 * budget (functions/core/pin-budget.ts) answers 429 with Retry-After, for unknown codes alike.
 * A missing or malformed PIN cannot be right, so it is never counted against anyone (an
 * officer's token without a PIN included).
 */
export async function dossierForCitizen(event: APIGatewayProxyEventV2, code: string): Promise<Dossier> {
  const pin = event.headers?.['x-lookup-pin'] ?? '';
  const at = now().getTime();
  const { dossier, guard } = await readDossierAndGuard(code);
  const hash = dossier?.pinHash ?? DUMMY_HASH;
  const unknown = notFound('No dossier with this code and PIN');
  if (!/^\d{8}$/.test(pin)) {
    await noWrite(code);
    await noWrite(code);
    await verifyPin('00000000', hash);
    throw unknown;
  }
  const client = clientOf(event);
  const byClient = await admitClient(code, client, at);
  let check = byClient.ok ? await admitCheck(code, guard, at) : (await noWrite(code), byClient);
  if (byClient.ok && !check.ok) {
    // the dossier's slow-down refused: this client's promised check, if it is due, or a promise
    // (never later than the slow-down's ceiling) — so that no guesser can keep the owner out
    check = (await keepPromise(code, client, at)) ? { ok: true } : { ok: false, retryAt: await promiseCheck(code, client, at, check.retryAt) };
  }
  const right = await verifyPin(pin, hash); // hashed even when refused: a refusal costs the same
  if (!check.ok) throw tooMany(check.retryAt, at);
  if (!right || !dossier) throw unknown;
  await forgive(code, client, at);
  return dossier;
}
