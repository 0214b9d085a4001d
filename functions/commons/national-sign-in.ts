import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import * as z from 'zod';
import type { Citizen } from '../core/citizen';
import type { CitizenSignIn } from '../core/centre';
import { HttpProblem } from './http';
import { secretValue } from './secrets';

/**
 * The national sign-in's code exchange, server to server (OpenID Connect Core §3.1.3): the code
 * and the browser's PKCE verifier go to the provider's token endpoint with the centre's client
 * secret (client_secret_basic); the ID token is verified against the provider's JWKS (signature,
 * issuer, audience = the client id, nonce, expiry); userinfo is read with the access token and
 * its `sub` must be the ID token's. The citizen is made from the national claims (SoDinhDanh,
 * HoVaTen, ThuDienTu, SoDienThoai, DiaChi). Plain fetch and jose: no OpenID client library in the
 * bundle. No token, code or claim is ever logged.
 */

const Discovery = z.object({
  issuer: z.string(),
  token_endpoint: z.url(),
  userinfo_endpoint: z.url(),
  jwks_uri: z.url(),
});
type Discovery = z.infer<typeof Discovery>;

const TIMEOUT_MS = 5000;
const discoveries = new Map<string, Promise<Discovery>>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Tests: forget the providers' documents and keys. */
export function forgetProviders() {
  discoveries.clear();
  keySets.clear();
}

/** The provider cannot be reached or answers nonsense: the citizen may try again later (503). */
const unavailable = () =>
  new HttpProblem(503, 'Service Unavailable', 'Hệ thống đăng nhập quốc gia chưa phản hồi; vui lòng thử lại sau. / The national sign-in is not answering; please try again later.');
/** The code is unknown, used, expired, or not for this verifier or redirect URI. */
export const badCode = () =>
  new HttpProblem(400, 'Bad Request', 'Mã đăng nhập không hợp lệ hoặc đã hết hạn; vui lòng đăng nhập lại. / The sign-in code is not valid or has expired; please sign in again.', [
    { field: 'code', code: 'invalid', message: 'not valid or expired' },
  ]);
/** The ID token fails a check (signature, issuer, audience, nonce, expiry) or the claims are not a citizen's. */
export const notVouched = () =>
  new HttpProblem(401, 'Unauthorized', 'Không xác thực được thông tin đăng nhập quốc gia; vui lòng đăng nhập lại. / The national sign-in could not be verified; please sign in again.', undefined, {
    'www-authenticate': 'Bearer realm="motcua-citizen"',
  });

async function getJson(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw unavailable();
  }
  const body = await res.json().catch(() => undefined);
  return { status: res.status, body };
}

function discovery(issuer: string): Promise<Discovery> {
  let doc = discoveries.get(issuer);
  if (!doc) {
    doc = (async () => {
      const { status, body } = await getJson(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
      const parsed = Discovery.safeParse(body);
      // the document must name the issuer we were configured with (OpenID Connect Discovery §4.3)
      if (status !== 200 || !parsed.success || parsed.data.issuer !== issuer) throw unavailable();
      return parsed.data;
    })();
    discoveries.set(issuer, doc);
    doc.catch(() => discoveries.delete(issuer));
  }
  return doc;
}

function keySet(jwksUri: string) {
  let set = keySets.get(jwksUri);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: TIMEOUT_MS });
    keySets.set(jwksUri, set);
  }
  return set;
}

/** The national claims, as userinfo gives them (strings; other claims ignored). */
const NationalClaims = z.object({
  sub: z.string().min(1),
  SoDinhDanh: z.string().trim().regex(/^\d{12}$/),
  HoVaTen: z.string().trim().min(1).max(200),
  ThuDienTu: z.unknown().optional(),
  SoDienThoai: z.unknown().optional(),
  DiaChi: z.unknown().optional(),
});

const optionalText = (v: unknown, max: number) => (typeof v === 'string' && v.trim() && v.trim().length <= max ? v.trim() : undefined);

/** A citizen from the national claims; undefined when the identity number or the name is missing or malformed. */
export function citizenFromClaims(claims: unknown): Citizen | undefined {
  const parsed = NationalClaims.safeParse(claims);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  const email = optionalText(c.ThuDienTu, 254);
  const phone = optionalText(c.SoDienThoai, 20);
  const address = optionalText(c.DiaChi, 300);
  return {
    identityNumber: c.SoDinhDanh,
    name: c.HoVaTen,
    ...(email && z.email().safeParse(email).success ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
  };
}

export interface Exchange {
  code: string;
  codeVerifier: string;
  redirectUri: string;
  nonce: string;
}

/** Exchange the code and vouch for the citizen, or throw the problem to answer. */
export async function exchangeCode(settings: CitizenSignIn, input: Exchange): Promise<Citizen> {
  const provider = await discovery(settings.issuer);
  let secret: string;
  try {
    secret = await secretValue(settings.clientSecretName);
  } catch {
    throw unavailable();
  }
  // client_secret_basic: both parts form-urlencoded first (RFC 6749 §2.3.1)
  const basic = Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(secret)}`).toString('base64');
  const token = await getJson(provider.token_endpoint, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier }).toString(),
  });
  const tokens = z.object({ id_token: z.string(), access_token: z.string(), token_type: z.string().regex(/^bearer$/i) }).safeParse(token.body);
  if (token.status === 400 || token.status === 401) {
    const error = (token.body as { error?: string } | undefined)?.error;
    // invalid_grant: the code (or its verifier, or its redirect URI); invalid_client: our own settings
    if (error === 'invalid_client' || token.status === 401) throw unavailable();
    throw badCode();
  }
  if (token.status !== 200 || !tokens.success) throw unavailable();

  let idToken: JWTPayload;
  try {
    ({ payload: idToken } = await jwtVerify(tokens.data.id_token, keySet(provider.jwks_uri), {
      issuer: settings.issuer,
      audience: settings.clientId,
      algorithms: ['RS256', 'PS256', 'ES256'],
      requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
      clockTolerance: 60,
    }));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_JWKS_TIMEOUT') throw unavailable();
    throw notVouched();
  }
  if (idToken.nonce !== input.nonce) throw notVouched();
  // several audiences: we must be the authorized party (OpenID Connect Core §3.1.3.7)
  if (Array.isArray(idToken.aud) && idToken.aud.length > 1 && idToken.azp !== settings.clientId) throw notVouched();

  const info = await getJson(provider.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.data.access_token}`, accept: 'application/json' } });
  if (info.status !== 200) throw unavailable();
  // the userinfo's subject must be the ID token's (OpenID Connect Core §5.3.2)
  if ((info.body as { sub?: unknown } | undefined)?.sub !== idToken.sub) throw notVouched();
  const citizen = citizenFromClaims(info.body);
  if (!citizen) throw notVouched();
  return citizen;
}
