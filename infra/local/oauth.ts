import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { signInUrls } from '../../functions/contracts/web-config';
import { escapeHtml } from '../../functions/core/email/format';
import { LOCAL_CLIENT_ID, type LocalIssuer } from './issuer';

/**
 * Cognito's managed login, as the deployed pages meet it, served by the local gateway under
 * /_local/oauth2/* and /_local/logout when the runtime runs with `signIn: 'oauth'`: the
 * authorization code with PKCE, and the same rules as the user pool client the stack makes
 * (infra/constructs/identity.ts) — the one callback and the one sign-out URL it allows are
 * derived from the pages' origin by the same `signInUrls`; anything else is refused as Cognito
 * refuses it (`redirect_mismatch`). The officer is picked on a page, as the local sign-in does.
 */
export interface LocalOfficer {
  sub: string;
  groups: string[];
  label: string;
}

interface Grant {
  officer: LocalOfficer;
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

const b64url = (b: Buffer) => b.toString('base64url');

export class LocalOAuth {
  private readonly grants = new Map<string, Grant>();

  constructor(
    private readonly issuer: LocalIssuer,
    /** The pages' origin (the gateway's own), from which the allowed URLs are derived. */
    private readonly origin: () => string,
    private readonly officers: () => LocalOfficer[],
  ) {}

  /** The URLs the client allows: exactly those the stack gives the user pool client. */
  allowed() {
    return signInUrls(this.origin());
  }

  /** Handles /_local/oauth2/* and /_local/logout; false for any other path. */
  async handle(method: string, url: URL, body: Buffer, res: ServerResponse): Promise<boolean> {
    if (url.pathname === '/_local/oauth2/authorize' && method === 'GET') return this.authorize(url.searchParams, res), true;
    if (url.pathname === '/_local/oauth2/authorize' && method === 'POST') return this.choose(new URLSearchParams(body.toString('utf8')), res), true;
    if (url.pathname === '/_local/oauth2/token' && method === 'POST') return await this.token(new URLSearchParams(body.toString('utf8')), res), true;
    if (url.pathname === '/_local/logout' && method === 'GET') return this.logout(url.searchParams, res), true;
    return false;
  }

  private refuse(res: ServerResponse, status: number, error: string, description: string) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error, error_description: description }));
  }

  /** The request's parameters checked as Cognito checks them; a wrong redirect_uri is never followed. */
  private checked(q: URLSearchParams, res: ServerResponse): boolean {
    if (q.get('client_id') !== LOCAL_CLIENT_ID) return this.refuse(res, 400, 'invalid_client', 'unknown client_id'), false;
    if (q.get('redirect_uri') !== this.allowed().callback) return this.refuse(res, 400, 'redirect_mismatch', `redirect_uri must be ${this.allowed().callback}`), false;
    if (q.get('response_type') !== 'code') return this.refuse(res, 400, 'unsupported_response_type', 'code only'), false;
    if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '')) {
      return this.refuse(res, 400, 'invalid_request', 'PKCE with S256 is required'), false;
    }
    return true;
  }

  private authorize(q: URLSearchParams, res: ServerResponse) {
    if (!this.checked(q, res)) return;
    const hidden = ['client_id', 'redirect_uri', 'response_type', 'state', 'code_challenge', 'code_challenge_method']
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`)
      .join('');
    const buttons = this.officers()
      .map((o, i) => `<button type="submit" name="officer" value="${i}">${escapeHtml(o.label)}</button>`)
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; form-action 'self'; style-src 'unsafe-inline'" });
    res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập (máy chủ thử) · Sign in (local)</title></head>
<body><main><h1>Đăng nhập (máy chủ thử) · Sign in (local)</h1><form method="post" action="/_local/oauth2/authorize">${hidden}${buttons}</form></main></body></html>`);
  }

  private choose(q: URLSearchParams, res: ServerResponse) {
    if (!this.checked(q, res)) return;
    const officer = this.officers()[Number(q.get('officer'))];
    if (!officer) return this.refuse(res, 400, 'invalid_request', 'pick an officer');
    const code = b64url(randomBytes(24));
    this.grants.set(code, { officer, redirectUri: q.get('redirect_uri')!, challenge: q.get('code_challenge')!, expiresAt: Date.now() + 5 * 60_000 });
    const to = new URL(q.get('redirect_uri')!);
    to.searchParams.set('code', code);
    if (q.get('state')) to.searchParams.set('state', q.get('state')!);
    res.writeHead(302, { location: to.toString(), 'cache-control': 'no-store' });
    res.end();
  }

  /** The code, once, with the verifier of its challenge and the same redirect_uri: the tokens. */
  private async token(q: URLSearchParams, res: ServerResponse) {
    const code = q.get('code') ?? '';
    const grant = this.grants.get(code);
    this.grants.delete(code);
    if (q.get('grant_type') !== 'authorization_code' || q.get('client_id') !== LOCAL_CLIENT_ID) return this.refuse(res, 400, 'invalid_request', 'authorization_code for this client');
    if (!grant || grant.expiresAt < Date.now() || grant.redirectUri !== q.get('redirect_uri')) return this.refuse(res, 400, 'invalid_grant', 'unknown, used or expired code');
    const verifier = q.get('code_verifier') ?? '';
    if (b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge) return this.refuse(res, 400, 'invalid_grant', 'the code_verifier does not match');
    const token = await this.issuer.sign(grant.officer.sub, grant.officer.groups, 3600);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ id_token: token, access_token: token, token_type: 'Bearer', expires_in: 3600 }));
  }

  private logout(q: URLSearchParams, res: ServerResponse) {
    if (q.get('client_id') !== LOCAL_CLIENT_ID) return this.refuse(res, 400, 'invalid_client', 'unknown client_id');
    if (q.get('logout_uri') !== this.allowed().signedOut) return this.refuse(res, 400, 'invalid_request', `logout_uri must be ${this.allowed().signedOut}`);
    res.writeHead(302, { location: q.get('logout_uri')!, 'cache-control': 'no-store' });
    res.end();
  }
}
