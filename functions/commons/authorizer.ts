import { type CryptoKey, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

/**
 * The API's authorizer: who may pass API Gateway to the officers' routes (functions/authorizer on
 * AWS, a Lambda REQUEST authorizer; the local gateway calls the same `authorize` with the local
 * issuer's key). It needs no client id at deploy time but the web app's and the terminal's, so an
 * agency system's client made at run time (`npm run agency-client -- add <CODE>`) is accepted as
 * soon as its CLIENT#<clientId> item exists, and refused once it is gone.
 *
 * A token passes when its signature (RS256, a key of the pool's JWKS), issuer and expiry are right, and
 * - an id token (`token_use: id`) was issued to one of `userClients` (`aud`);
 * - an access token (`token_use: access`) was issued to one of `userClients` (`client_id`), or to
 *   a client registered for an agency (`isRegisteredClient`: the item CLIENT#<clientId>).
 * Anything else is refused: API Gateway answers 403 `{"message":"Forbidden"}` to a Lambda
 * authorizer's `isAuthorized: false`, and 401 when there is no Authorization header at all (the
 * local gateway answers the same). What the caller may then do is the routes' business
 * (functions/commons/access.ts reads the context passed on here).
 */
export interface AuthorizerOptions {
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` (locally the local issuer). */
  issuer: string;
  /** The pool's keys: createRemoteJWKSet(<issuer>/.well-known/jwks.json), or the local issuer's public key. */
  key: JWTVerifyGetKey | CryptoKey;
  /** The web app's and the terminal's client ids: their officers' tokens. */
  userClients: readonly string[];
  /** Is this client registered for an agency (a CLIENT#<clientId> item)? */
  isRegisteredClient: (clientId: string) => Promise<boolean>;
}

/** What API Gateway passes on to the functions as `requestContext.authorizer.lambda`: string, number and boolean values only. */
export type AuthorizerContext = Record<string, string | number | boolean>;

/** The claims passed on: the caller's identity, never a personal detail the routes do not need (no email, no name). */
const PASSED_ON = ['sub', 'token_use', 'client_id', 'aud', 'scope', 'username', 'cognito:username', 'cognito:groups', 'exp'] as const;

/** A verified token's claims as the authorizer's context: arrays (the groups) as JSON text. */
export function contextOf(payload: JWTPayload): AuthorizerContext {
  const context: AuthorizerContext = {};
  for (const name of PASSED_ON) {
    const value = payload[name];
    if (value === undefined || value === null) continue;
    context[name] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
  return context;
}

/** Why a token was refused, for the authorizer's log (never the token itself). */
export type Refusal = 'no-token' | 'invalid' | 'wrong-use' | 'unknown-client';

export type Decision = { allowed: true; context: AuthorizerContext } | { allowed: false; reason: Refusal };

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/** Decide on an `Authorization` header. */
export async function authorize(header: string | undefined, options: AuthorizerOptions): Promise<Decision> {
  // no header: API Gateway answers 401 itself, without invoking the authorizer (its identity source is missing)
  if (!header?.trim()) return { allowed: false, reason: 'no-token' };
  const token = BEARER.exec(header.trim())?.[1];
  if (!token) return { allowed: false, reason: 'invalid' };
  let payload: JWTPayload;
  try {
    const verify = { issuer: options.issuer, algorithms: ['RS256'], requiredClaims: ['exp', 'sub'] };
    const key = options.key;
    ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, verify) : await jwtVerify(token, key, verify));
  } catch {
    return { allowed: false, reason: 'invalid' };
  }
  const ofUser = (client: unknown) => typeof client === 'string' && options.userClients.includes(client);
  if (payload.token_use === 'id') {
    // an id token's audience is the one client it was issued to
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return aud.length === 1 && ofUser(aud[0]) ? { allowed: true, context: contextOf(payload) } : { allowed: false, reason: 'unknown-client' };
  }
  if (payload.token_use !== 'access') return { allowed: false, reason: 'wrong-use' };
  const client = payload.client_id;
  if (typeof client !== 'string' || client === '') return { allowed: false, reason: 'unknown-client' };
  if (ofUser(client) || (await options.isRegisteredClient(client))) return { allowed: true, context: contextOf(payload) };
  return { allowed: false, reason: 'unknown-client' };
}
