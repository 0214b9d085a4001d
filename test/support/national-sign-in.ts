import { createHash, randomBytes } from 'node:crypto';
import type { Harness } from './local';

/**
 * The national sign-in as a browser walks it, in plain HTTP against the local stand-in
 * (infra/local/oidc.ts, /_local/oidc): discovery, the authorization request (code + PKCE + nonce +
 * acr_values=LoA1), the interaction page where a test citizen is picked, the redirect back to
 * <gateway>/dvc/callback with the code. Cookies are kept as a browser keeps them (a small jar).
 */
export interface Authorized {
  code: string;
  state: string;
  codeVerifier: string;
  nonce: string;
  redirectUri: string;
  /** The interaction page's HTML (the picker). */
  page: string;
}

export async function discovery(h: Harness) {
  const res = await fetch(`${h.runtime.apiUrl}/_local/oidc/.well-known/openid-configuration`);
  if (res.status !== 200) throw new Error(`discovery: ${res.status}`);
  return (await res.json()) as { issuer: string; authorization_endpoint: string; token_endpoint: string; userinfo_endpoint: string; jwks_uri: string; acr_values_supported?: string[] };
}

/** Walk the sign-in up to the callback: the code the portal's callback page would receive. */
export async function authorize(h: Harness, pick: { identityNumber: string }, overrides: Record<string, string> = {}): Promise<Authorized> {
  const base = h.runtime.apiUrl;
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(url, base), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  const codeVerifier = randomBytes(32).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const redirectUri = `${base}/dvc/callback`;
  const query = new URLSearchParams({
    client_id: h.runtime.oidc.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    acr_values: 'LoA1',
    state,
    nonce,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...overrides,
  });
  const { authorization_endpoint } = await discovery(h);
  let res = await go(`${authorization_endpoint}?${query}`);
  if (res.status !== 303) throw new Error(`authorize: ${res.status} ${await res.text()}`);
  const interaction = res.headers.get('location')!;
  res = await go(interaction);
  const page = await res.text();
  if (res.status !== 200) throw new Error(`interaction: ${res.status} ${page}`);
  // a citizen's button carries their number; typing it posts the same field
  res = await go(interaction, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ identityNumber: pick.identityNumber }).toString() });
  if (res.status !== 303) throw new Error(`pick: ${res.status} ${await res.text()}`);
  res = await go(res.headers.get('location')!);
  const back = new URL(res.headers.get('location') ?? '', base);
  const code = back.searchParams.get('code');
  if (res.status !== 303 || back.pathname !== '/dvc/callback' || !code) throw new Error(`callback: ${res.status} ${back}`);
  if (back.searchParams.get('state') !== state) throw new Error('callback: the state came back changed');
  return { code, state, codeVerifier, nonce, redirectUri, page };
}

/** The whole sign-in: the code, then POST /public/sign-in; the session's token and the citizen. */
export async function signIn(h: Harness, identityNumber: string) {
  const a = await authorize(h, { identityNumber });
  const res = await h.call('POST', '/public/sign-in', { body: { code: a.code, codeVerifier: a.codeVerifier, redirectUri: a.redirectUri, nonce: a.nonce } });
  if (res.status !== 201) throw new Error(`sign-in: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { token: string; expiresAt: string; citizen: { identityNumber: string; name: string; email?: string; phone?: string; address?: string } };
}
