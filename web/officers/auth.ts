import { signInUrls } from '../../functions/contracts/web-config';
import type { WebConfig } from '../shared/config';

/**
 * The officer's session: the ID token (Cognito, or the local issuer) in sessionStorage, so a
 * closed tab signs out. On AWS: Cognito's managed login, authorization code with PKCE (no
 * client secret in a browser); locally: a token from /_local/tokens for the officer picked.
 */
export interface Session {
  token: string;
  sub: string;
  groups: string[];
  name?: string;
  expiresAt: number;
}

const KEY = 'motcua.session';

function claims(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

export function sessionFromToken(token: string, name?: string): Session {
  const c = claims(token);
  const groups = Array.isArray(c['cognito:groups']) ? (c['cognito:groups'] as string[]) : [];
  return { token, sub: String(c.sub), groups, name: name ?? (c.email as string | undefined), expiresAt: Number(c.exp ?? 0) * 1000 };
}

export function currentSession(): Session | undefined {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return s && s.expiresAt > Date.now() ? s : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(s: Session | undefined) {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

/** Who the caller is, in the API's terms. */
export const isDesk = (s: Session | undefined) => !!s?.groups.includes('desk');
export const isOperator = (s: Session | undefined) => !!s?.groups.includes('operator');
/** The branch desks the officer works at (groups `branch-<CODE>` beside `desk`); none: the main desk. */
export const branchesOf = (s: Session | undefined) => (s?.groups ?? []).filter((g) => g.startsWith('branch-')).map((g) => g.slice(7));
export const agenciesOf = (s: Session | undefined) => (s?.groups ?? []).filter((g) => g.startsWith('agency-')).map((g) => g.slice(7));

/** Local only: a token from the local issuer for the officer picked on the sign-in page. */
export async function localSignIn(sub: string, groups: string[], name: string): Promise<Session> {
  const res = await fetch('/_local/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub, groups }) });
  if (!res.ok) throw new Error(`sign-in: ${res.status}`);
  const s = sessionFromToken(((await res.json()) as { token: string }).token, name);
  saveSession(s);
  return s;
}

const b64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
// the callback the user pool client allows: both derived by signInUrls (functions/contracts/web-config.ts)
const redirectUri = () => signInUrls(location.origin).callback;

/** Cognito's managed login (locally its stand-in under /_local). */
const base = (auth: Extract<WebConfig['auth'], { kind: 'cognito' }>) => auth.baseUrl ?? `https://${auth.domain}`;

/** AWS: off to Cognito's managed login with a PKCE challenge (the verifier stays in this tab). */
export async function cognitoSignIn(auth: Extract<WebConfig['auth'], { kind: 'cognito' }>) {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('motcua.pkce', JSON.stringify({ verifier, state }));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: redirectUri(),
    scope: (auth.scopes ?? ['openid', 'email', 'profile']).join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${base(auth)}/oauth2/authorize?${q}`);
}

/** AWS: back from the managed login with ?code&state: the code and the verifier buy the tokens. */
export async function cognitoCallback(auth: Extract<WebConfig['auth'], { kind: 'cognito' }>, search: string): Promise<Session> {
  const q = new URLSearchParams(search);
  const pkce = JSON.parse(sessionStorage.getItem('motcua.pkce') ?? '{}') as { verifier?: string; state?: string };
  sessionStorage.removeItem('motcua.pkce');
  if (!q.get('code') || !pkce.verifier || q.get('state') !== pkce.state) throw new Error('sign-in: state mismatch');
  const res = await fetch(`${base(auth)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: auth.clientId, code: q.get('code')!, redirect_uri: redirectUri(), code_verifier: pkce.verifier }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status}`);
  const s = sessionFromToken(((await res.json()) as { id_token: string }).id_token);
  saveSession(s);
  return s;
}

/** Sign out: forget the token; on AWS also end the managed-login session. */
export function signOut(config: WebConfig | undefined) {
  saveSession(undefined);
  if (config?.auth.kind === 'cognito') {
    const q = new URLSearchParams({ client_id: config.auth.clientId, logout_uri: signInUrls(location.origin).signedOut });
    location.assign(`${base(config.auth)}/logout?${q}`);
  }
}

/** Where an officer lands: the desk's page, the agency's queue, or the operators' console. */
export function homeOf(s: Session | undefined): string {
  if (!s) return '/sign-in';
  if (isDesk(s)) return '/desk';
  const a = agenciesOf(s)[0];
  if (a) return `/queue/${a}`;
  return isOperator(s) ? '/console' : '/sign-in';
}

const NEXT_KEY = 'motcua.next';

/**
 * The page asked for before signing in (`/sign-in?next=/dossier/…`): only a path of these
 * pages (one leading slash, not the sign-in itself), never another site.
 */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith('/sign-in') || next.startsWith('/auth/')) return undefined;
  return next;
}

/** Kept across the managed login's round trip (AWS), in this tab only. */
export function rememberNext(next: string | undefined) {
  if (next) sessionStorage.setItem(NEXT_KEY, next);
  else sessionStorage.removeItem(NEXT_KEY);
}
export function takeNext(): string | undefined {
  const next = safeNext(sessionStorage.getItem(NEXT_KEY));
  sessionStorage.removeItem(NEXT_KEY);
  return next;
}
