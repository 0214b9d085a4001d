import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import * as z from 'zod';
import { CITIZEN_CALLBACK_PATH } from '../../functions/contracts/web-config';
import { escapeHtml } from '../../functions/core/email/format';
import type { Citizen } from '../../functions/core/citizen';

/**
 * The national single sign-on's stand-in (the National Public Service Portal's / VNeID's OpenID
 * provider), served by the local gateway under /_local/oidc: a real OpenID provider
 * (`oidc-provider`), not a fake of one. Authorization code with PKCE, one confidential client
 * (client_secret_basic) for the local portal, scope `openid`, `acr_values=LoA1`; its endpoints
 * named as the national one's (/oauth2/authorize, /oauth2/token, /oauth2/userinfo); the claims
 * with the national names (SoDinhDanh, HoVaTen, ThuDienTu, SoDienThoai, DiaChi) in userinfo and
 * in the ID token. The citizen is picked on a page from the test citizens (infra/local/citizens.json)
 * or by typing an identity number of the list. Keys, cookies' keys, grants and sessions live in
 * memory: a restart signs everyone out of the stand-in (not out of motcua: its sessions are its own).
 */
export const OIDC_PATH = '/_local/oidc';
/** The portal's client at the stand-in (the centre's client id at the national sign-in on AWS). */
export const LOCAL_CITIZEN_CLIENT_ID = 'motcua-local-portal';
/** Where the local runtime keeps the client secret for the public function (commons/secrets.ts's LOCAL_SECRETS). */
export const LOCAL_CITIZEN_SECRET_NAME = 'local/citizen-sign-in';

const TestCitizen = z
  .object({
    identityNumber: z.string().regex(/^\d{12}$/),
    name: z.string().min(1),
    email: z.email().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
  })
  .strict();

/** The stand-in's test citizens (local only; invented people). */
export function testCitizens(): Citizen[] {
  const file = new URL('./citizens.json', import.meta.url);
  return z.object({ citizens: z.array(TestCitizen).min(1) }).parse(JSON.parse(readFileSync(file, 'utf8'))).citizens;
}

/** The account id (`sub`) the stand-in gives a citizen: opaque, stable, not the identity number (as a national `sub` need not be). */
const subOf = (c: Pick<Citizen, 'identityNumber'>) => `vn-${createHash('sha256').update(`local-sso:${c.identityNumber}`).digest('hex').slice(0, 24)}`;

/** The claims under their national names (the userinfo of the national sign-in as seen in practice). */
export const nationalClaims = (c: Citizen) => ({
  SoDinhDanh: c.identityNumber,
  HoVaTen: c.name,
  ...(c.email ? { ThuDienTu: c.email } : {}),
  ...(c.phone ? { SoDienThoai: c.phone } : {}),
  ...(c.address ? { DiaChi: c.address } : {}),
  LoaiTaiKhoan: 1,
});

/**
 * The provider's grants, codes, tokens, sessions and interactions, in this process's memory (the
 * stand-in keeps nothing on disk): oidc-provider's adapter interface, as its own quick-start one.
 */
class MemoryAdapter {
  private static readonly store = new Map<string, { payload: Record<string, unknown>; expiresAt?: number }>();
  private static readonly grants = new Map<string, Set<string>>();
  constructor(private readonly model: string) {}
  private key = (id: string) => `${this.model}:${id}`;
  async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
    MemoryAdapter.store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    const grantId = payload.grantId as string | undefined;
    if (grantId) MemoryAdapter.grants.set(grantId, (MemoryAdapter.grants.get(grantId) ?? new Set()).add(this.key(id)));
  }
  async find(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (!entry || (entry.expiresAt && entry.expiresAt <= Date.now())) return undefined;
    return entry.payload;
  }
  async findByUid(uid: string) {
    for (const [key, entry] of MemoryAdapter.store) if (key.startsWith(`${this.model}:`) && entry.payload.uid === uid) return this.find(key.slice(this.model.length + 1));
    return undefined;
  }
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
  async consume(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const key of MemoryAdapter.grants.get(grantId) ?? []) MemoryAdapter.store.delete(key);
    MemoryAdapter.grants.delete(grantId);
  }
}

const PAGE_CSP = "default-src 'none'; form-action 'self'; style-src 'unsafe-inline'";

export class LocalOidc {
  readonly issuer: string;
  readonly clientId = LOCAL_CITIZEN_CLIENT_ID;
  /** Random per start: the public function reads it as the centre's secret (LOCAL_SECRETS). */
  readonly clientSecret = randomBytes(32).toString('base64url');
  readonly redirectUri: string;
  private readonly citizens: Citizen[];
  private provider!: Provider;
  private callback!: (req: IncomingMessage, res: ServerResponse) => Promise<void>;

  private constructor(origin: string, citizens: Citizen[]) {
    this.issuer = `${origin.replace(/\/+$/, '')}${OIDC_PATH}`;
    this.redirectUri = `${origin.replace(/\/+$/, '')}${CITIZEN_CALLBACK_PATH}`;
    this.citizens = citizens;
  }

  /** The stand-in for the gateway at `origin` (its own address: the issuer and the callback follow it). */
  static async create(origin: string, citizens = testCitizens()): Promise<LocalOidc> {
    const oidc = new LocalOidc(origin, citizens);
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' };
    const byAccount = new Map(citizens.map((c) => [subOf(c), c]));
    const claimNames = ['SoDinhDanh', 'HoVaTen', 'ThuDienTu', 'SoDienThoai', 'DiaChi', 'LoaiTaiKhoan'];
    const configuration: Configuration = {
      clients: [
        {
          client_id: oidc.clientId,
          client_secret: oidc.clientSecret,
          redirect_uris: [oidc.redirectUri],
          post_logout_redirect_uris: [`${origin.replace(/\/+$/, '')}/dvc/`],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      adapter: MemoryAdapter,
      jwks: { keys: [jwk as never] },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      routes: {
        authorization: '/oauth2/authorize',
        token: '/oauth2/token',
        userinfo: '/oauth2/userinfo',
        jwks: '/oauth2/jwks',
        end_session: '/oauth2/logout',
      },
      pkce: { required: () => true },
      // seconds; the code lives a minute, as at most providers
      ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 900, Session: 3600, Grant: 3600 },
      acrValues: ['LoA1'],
      scopes: ['openid'],
      claims: { openid: ['sub', ...claimNames] },
      // the claims in the ID token too, as the portal's pages may read them there
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
      interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
      findAccount: (_ctx, id) => {
        const citizen = byAccount.get(id);
        return citizen ? { accountId: id, claims: () => ({ sub: id, ...nationalClaims(citizen) }) } : undefined;
      },
      // the portal is this centre's own client: no consent page, the grant is made at sign-in
      loadExistingGrant: async (ctx) => {
        const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
        grant.addOIDCScope('openid');
        grant.addOIDCClaims(claimNames);
        await grant.save();
        return grant;
      },
      renderError: async (ctx, out) => {
        ctx.type = 'html';
        ctx.body = page('Lỗi đăng nhập · Sign-in error', `<p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p>`);
      },
    };
    oidc.provider = new Provider(oidc.issuer, configuration);
    oidc.callback = oidc.provider.callback() as never;
    return oidc;
  }

  /** Handles /_local/oidc/* (before the gateway reads the body: the provider parses its own); false for any other path. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== OIDC_PATH && !url.pathname.startsWith(`${OIDC_PATH}/`)) return false;
    const interaction = /^\/_local\/oidc\/interaction\/([\w-]+)$/.exec(url.pathname);
    if (interaction && req.method === 'GET') return await this.showPicker(req, res), true;
    if (interaction && req.method === 'POST') return await this.pick(req, res), true;
    // mounted as express mounts it: the provider sees the path below the mount, and the original URL
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = (req.url ?? '/').slice(OIDC_PATH.length) || '/';
    await this.callback(req, res);
    return true;
  }

  private async showPicker(req: IncomingMessage, res: ServerResponse, error?: string) {
    let details;
    try {
      details = await this.provider.interactionDetails(req, res);
    } catch {
      return this.html(res, 400, page('Phiên đăng nhập đã hết hạn · Sign-in expired', '<p>Phiên đăng nhập không còn hiệu lực; hãy bắt đầu lại. · This sign-in is no longer valid; start again.</p>'));
    }
    const action = `${OIDC_PATH}/interaction/${escapeHtml(details.uid)}`;
    const rows = this.citizens
      .map(
        (c) => `<li><button type="submit" name="identityNumber" value="${escapeHtml(c.identityNumber)}"><strong>${escapeHtml(c.name)}</strong><br><small>${escapeHtml(c.identityNumber)}${c.email ? ` · ${escapeHtml(c.email)}` : ''}</small></button></li>`,
      )
      .join('');
    this.html(
      res,
      error ? 400 : 200,
      page(
        'Đăng nhập bằng tài khoản định danh (máy chủ thử) · National sign-in (local stand-in)',
        `<p>Máy chủ thử cục bộ: chọn một công dân thử nghiệm, không cần mật khẩu. · Local stand-in: pick a test citizen, no password.</p>
${error ? `<p role="alert" class="error">${error}</p>` : ''}
<form method="post" action="${action}"><ul class="citizens">${rows}</ul></form>
<form method="post" action="${action}"><label for="id">Số định danh cá nhân · Identity number</label>
<input id="id" name="identityNumber" inputmode="numeric" pattern="\\d{12}" maxlength="12" autocomplete="off" required>
<button type="submit">Đăng nhập · Sign in</button></form>
<form method="post" action="${action}"><button type="submit" name="cancel" value="1" class="secondary">Hủy · Cancel</button></form>`,
      ),
    );
  }

  private async pick(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 4096) return this.html(res, 413, page('Quá lớn · Too large', ''));
      chunks.push(chunk as Buffer);
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    try {
      if (form.get('cancel')) {
        return await this.provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the citizen cancelled' }, { mergeWithLastSubmission: false });
      }
      const number = (form.get('identityNumber') ?? '').trim();
      const citizen = this.citizens.find((c) => c.identityNumber === number);
      if (!citizen) {
        return await this.showPicker(req, res, 'Không có công dân thử nghiệm với số định danh này. · No test citizen has this identity number.');
      }
      await this.provider.interactionFinished(req, res, { login: { accountId: subOf(citizen), acr: 'LoA1', amr: ['pwd'] } }, { mergeWithLastSubmission: false });
    } catch {
      this.html(res, 400, page('Phiên đăng nhập đã hết hạn · Sign-in expired', '<p>Phiên đăng nhập không còn hiệu lực; hãy bắt đầu lại. · This sign-in is no longer valid; start again.</p>'));
    }
  }

  private html(res: ServerResponse, status: number, body: string) {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': PAGE_CSP });
    res.end(body);
  }
}

function page(title: string, main: string) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:34rem;padding:1rem}ul{list-style:none;padding:0}li{margin:.5rem 0}
button{font:inherit;width:100%;text-align:left;padding:.75rem;border:1px solid #888;border-radius:.5rem;background:#fff;cursor:pointer}
input{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;margin:.25rem 0 .5rem}.error{color:#a00}.secondary{text-align:center}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${main}</main></body></html>`;
}
