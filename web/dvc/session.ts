/**
 * The citizen's session on the portal: the opaque token the API answered at sign-in, kept in
 * sessionStorage (a closed tab signs out) and sent as `Authorization: Bearer`; never in a URL.
 *
 * Signing in is OpenID Connect's authorization code flow with PKCE, state and nonce: the page
 * makes a verifier, a state and a nonce (kept in sessionStorage until the provider comes back),
 * sends the browser to the provider's authorize endpoint named in /config.json, and on
 * /dvc/callback checks the state before posting the code, the verifier and the nonce to
 * `POST /public/sign-in` (the API exchanges the code and checks the ID token's nonce).
 */
import type { Lang } from '../shared/i18n';
import { clockSkew } from '../shared/clock';

export interface CitizenSession {
  token: string;
  expiresAt: string;
  /** When it ends by this computer's clock (the platform's may differ: web/shared/clock.ts). */
  endsAtMs: number;
  citizen: { identityNumber: string; name: string; email?: string; phone?: string; address?: string };
}

const KEY = 'motcua.citizen';
const PENDING = 'motcua.citizen.pending';
/** Where the provider comes back to (the client's registered redirect path). */
export const CALLBACK = '/dvc/callback';

export function currentSession(): CitizenSession | undefined {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as CitizenSession | null;
    return s && s.endsAtMs > Date.now() ? s : undefined;
  } catch {
    return undefined;
  }
}

/** A session as POST /public/sign-in answered it; its end read on this computer's clock. */
export const sessionOf = (a: { token: string; expiresAt: string; citizen: CitizenSession['citizen'] }): CitizenSession => ({
  ...a,
  endsAtMs: Date.parse(a.expiresAt) - clockSkew(),
});

export function saveSession(s: CitizenSession | undefined) {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n = 32) => b64url(crypto.getRandomValues(new Uint8Array(n)));

/** What the page remembers between leaving for the provider and coming back. */
interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  /** The portal's page to return to (a path of /dvc/, no personal data). */
  returnTo: string;
}

export interface SignInSettings {
  authorizationEndpoint: string;
  clientId: string;
  scope: string;
  acrValues?: string;
  redirectPath?: string;
}

/** Leaves for the provider's sign-in page (authorization code + PKCE S256 + state + nonce). */
export async function startSignIn(settings: SignInSettings, returnTo: string, lang: Lang): Promise<void> {
  const pending: Pending = { state: random(), nonce: random(), verifier: random(48), returnTo: /^\/dvc(\/[\w./%-]*)?$/.test(returnTo) && !returnTo.includes('..') ? returnTo : '/dvc/' };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))));
  const url = new URL(settings.authorizationEndpoint, location.origin);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(settings),
    scope: settings.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ui_locales: lang,
    ...(settings.acrValues ? { acr_values: settings.acrValues } : {}),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  location.assign(url.toString());
}

export const redirectUri = (settings: Pick<SignInSettings, 'redirectPath'>) => `${location.origin}${settings.redirectPath ?? CALLBACK}`;

/**
 * The provider came back: the code and the state from the query, checked against what was kept.
 * The pending values are used once (removed whatever the outcome), and the code leaves the
 * address bar at once.
 */
export function takeCallback(): { code: string; verifier: string; nonce: string; returnTo: string } | { error: string } {
  const q = new URLSearchParams(location.search);
  history.replaceState(null, '', CALLBACK);
  let pending: Pending | null = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  } catch {
    pending = null;
  }
  sessionStorage.removeItem(PENDING);
  if (q.get('error')) return { error: q.get('error')! };
  const code = q.get('code');
  if (!pending || !code || q.get('state') !== pending.state) return { error: 'state' };
  return { code, verifier: pending.verifier, nonce: pending.nonce, returnTo: pending.returnTo };
}
