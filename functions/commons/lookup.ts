import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { now } from './clock';
import { HttpProblem, notFound } from './http';
import { verifyPin } from './pin';
import { getDossier, keys, updateIf } from './store';
import type { Dossier } from '../core/dossier';

/** The scrypt hash of a PIN nobody has (a random salt), compared against for unknown codes. */
const DUMMY_HASH = 'scrypt$7mV0dXcYbGxrZ3JhbmRvbQ==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

/** Count a failure or reset the count, on a dossier that exists (never re-creating one). */
const update = (code: string, expression: string, values: Record<string, unknown>) =>
  updateIf({ Key: keys.dossier(code), UpdateExpression: expression, ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: values });

/**
 * The citizen's key to a dossier: its code and the PIN given at receipt (header
 * `X-Lookup-Pin`). A wrong PIN and an unknown code answer the same 404; after five wrong PINs
 * the dossier's public routes are locked for fifteen minutes (429).
 */
export async function dossierForCitizen(event: APIGatewayProxyEventV2, code: string): Promise<Dossier> {
  const pin = event.headers?.['x-lookup-pin'] ?? '';
  const dossier = await getDossier(code);
  const unknown = notFound('No dossier with this code and PIN');
  if (!dossier) {
    await verifyPin(pin || '00000000', DUMMY_HASH); // the same slow hash: an unknown code takes as long as a wrong PIN
    throw unknown;
  }
  const at = now();
  if (dossier.pinLockedUntil && new Date(dossier.pinLockedUntil) > at) {
    throw new HttpProblem(429, 'Too Many Requests', 'Too many wrong PINs: try again later', undefined, {
      'retry-after': String(Math.ceil((new Date(dossier.pinLockedUntil).getTime() - at.getTime()) / 1000)),
    });
  }
  if (!/^\d{8}$/.test(pin) || !(await verifyPin(pin, dossier.pinHash))) {
    const failures = (dossier.pinFailures ?? 0) + 1;
    if (failures >= MAX_PIN_FAILURES) {
      await update(code, 'SET pinFailures = :zero, pinLockedUntil = :until', {
        ':zero': 0,
        ':until': new Date(at.getTime() + LOCKOUT_MINUTES * 60_000).toISOString(),
      });
    } else {
      await update(code, 'SET pinFailures = :n', { ':n': failures });
    }
    throw unknown;
  }
  if (dossier.pinFailures) await update(code, 'SET pinFailures = :zero REMOVE pinLockedUntil', { ':zero': 0 });
  return dossier;
}
