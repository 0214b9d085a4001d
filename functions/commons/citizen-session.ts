import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { now as clockNow } from './clock';
import type { ApiEvent } from './route';
import { SESSION_HOURS, type Citizen, type CitizenSession } from '../core/citizen';

/**
 * The signed-in citizen's sessions. After the national sign-in (OpenID Connect, authorization
 * code, exchanged server to server), the API keeps the citizen's identity on an item of the table
 * and gives the browser an opaque token: 32 random bytes, sent as `Authorization: Bearer <token>`.
 * The item's key is the token's SHA-256, so whoever reads the table cannot replay a session; no
 * signing key exists to leak or rotate; signing out deletes the item. An officer's token is no
 * session (and the officers' authorizer refuses a session): the identities never mix.
 */
export const sessionKey = (token: string) => ({ PK: `SESSION#${createHash('sha256').update(token).digest('base64url')}`, SK: 'SESSION' });

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The bearer token of a request, if it has the shape of a session's. */
export function sessionToken(event: Pick<ApiEvent, 'headers'>): string | undefined {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const token = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
  return token && TOKEN.test(token) ? token : undefined;
}

/** Open a session for a citizen the national sign-in vouched for; the token is returned once, never stored. */
export async function openSession(citizen: Citizen, now = clockNow()): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  const session: CitizenSession = { citizen, createdAt: now.toISOString(), expiresAt };
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...sessionKey(token), ...session, ttl: Math.floor(Date.parse(expiresAt) / 1000) + 86400 },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  return { token, expiresAt };
}

/** The citizen of a request's session; undefined: no token, an unknown one, or an expired one. */
export async function citizenOf(event: Pick<ApiEvent, 'headers'>, now = clockNow()): Promise<Citizen | undefined> {
  const token = sessionToken(event);
  if (!token) return undefined;
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: sessionKey(token), ConsistentRead: true }));
  const session = Item as CitizenSession | undefined;
  if (!session || Date.parse(session.expiresAt) <= now.getTime()) return undefined;
  return session.citizen;
}

/** Sign out: the session's item goes (a token already gone is no error). */
export async function closeSession(token: string): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: sessionKey(token) }));
}

/** Who a citizen is in the idempotency records and logs: never their number in clear. */
export const citizenRef = (citizen: Pick<Citizen, 'identityNumber'>) =>
  `citizen:${createHash('sha256').update(`motcua-citizen:${citizen.identityNumber}`).digest('base64url').slice(0, 22)}`;
