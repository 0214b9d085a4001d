import { readFileSync } from 'node:fs';
import { DynamoDBDocumentClient, PutCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { forgetProviders } from '../commons/national-sign-in';
import { forgetSecrets } from '../commons/secrets';
import { sessionKey } from '../commons/citizen-session';
import { CitizenSignedIn } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const ISSUER = 'https://sso.test.gov.vn';
const PORTAL = 'https://motcua.test.gov.vn';
const CLIENT = 'motcua-test';
const SECRET = 's3cr3t:with/odd+chars';
const profile = {
  ...JSON.parse(readFileSync(new URL('../../config/hanoi/centre.json', import.meta.url), 'utf8')),
  portalUrl: PORTAL,
  citizenSignIn: { issuer: ISSUER, clientId: CLIENT, clientSecretName: 'test/citizen-sign-in', scope: 'openid', acrValues: 'LoA1' },
};

const lan = { sub: 'vn-abc', SoDinhDanh: '001099012345', HoVaTen: 'Nguyễn Thị Lan', ThuDienTu: 'lan@example.vn', SoDienThoai: '0912345678', DiaChi: 'Số 12 phố Hàng Bạc, Hà Nội' };
const good = { code: 'the-code', codeVerifier: 'v'.repeat(43), redirectUri: `${PORTAL}/dvc/callback`, nonce: 'nonce-0123456789abcdef' };

let key: CryptoKey;
let otherKey: CryptoKey;
let jwk: Record<string, unknown>;

/** What the fake provider answers, per test. */
let provider: {
  idToken: (claims?: Partial<JWTPayload>) => Promise<string>;
  token: () => Promise<{ status: number; body: unknown }>;
  userinfo: () => { status: number; body: unknown };
  calls: { url: string; init?: RequestInit }[];
};

const signed = (claims: Partial<JWTPayload> = {}, signer = key) =>
  new SignJWT({ nonce: good.nonce, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer((claims.iss as string) ?? ISSUER)
    .setAudience((claims.aud as string) ?? CLIENT)
    .setSubject((claims.sub as string) ?? lan.sub)
    .setIssuedAt()
    .setExpirationTime((claims.exp as number) ?? '10m')
    .sign(signer);

function fakeFetch(url: string | URL | Request, init?: RequestInit): Promise<Response> {
  const u = String(url instanceof Request ? url.url : url);
  provider.calls.push({ url: u, init });
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  if (u === `${ISSUER}/.well-known/openid-configuration`) {
    return Promise.resolve(json(200, { issuer: ISSUER, authorization_endpoint: `${ISSUER}/oauth2/authorize`, token_endpoint: `${ISSUER}/oauth2/token`, userinfo_endpoint: `${ISSUER}/oauth2/userinfo`, jwks_uri: `${ISSUER}/oauth2/jwks` }));
  }
  if (u === `${ISSUER}/oauth2/jwks`) return Promise.resolve(json(200, { keys: [jwk] }));
  if (u === `${ISSUER}/oauth2/token`) return provider.token().then((t) => json(t.status, t.body));
  if (u === `${ISSUER}/oauth2/userinfo`) {
    const i = provider.userinfo();
    return Promise.resolve(json(i.status, i.body));
  }
  return Promise.reject(new TypeError(`fetch failed: ${u}`));
}

describe('POST /public/sign-in', () => {
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    key = pair.privateKey;
    jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    otherKey = (await generateKeyPair('RS256')).privateKey;
  });
  beforeEach(() => {
    db.reset();
    db.on(PutCommand).resolves({});
    forgetProviders();
    forgetSecrets();
    vi.stubEnv('CENTRE_PROFILE', JSON.stringify(profile));
    vi.stubEnv('LOCAL_SECRETS', JSON.stringify({ 'test/citizen-sign-in': SECRET }));
    provider = {
      idToken: (claims) => signed(claims),
      token: async () => ({ status: 200, body: { id_token: await provider.idToken(), access_token: 'at-1', token_type: 'Bearer', expires_in: 600 } }),
      userinfo: () => ({ status: 200, body: lan }),
      calls: [],
    };
    vi.stubGlobal('fetch', vi.fn(fakeFetch));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it('exchanges the code server to server (client_secret_basic, PKCE verifier, redirect URI) and opens a session for the national claims (201)', async () => {
    const answer = await invoke(route, { body: good });
    expect(answer.status).toBe(201);
    const body = CitizenSignedIn.parse(answer.body);
    expect(body.citizen).toEqual({ identityNumber: '001099012345', name: 'Nguyễn Thị Lan', email: 'lan@example.vn', phone: '0912345678', address: 'Số 12 phố Hàng Bạc, Hà Nội' });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.headers['cache-control']).toBe('no-store');
    const tokenCall = provider.calls.find((c) => c.url.endsWith('/oauth2/token'))!;
    const headers = tokenCall.init!.headers as Record<string, string>;
    expect(Buffer.from(headers.authorization!.replace(/^Basic /, ''), 'base64').toString()).toBe(`${CLIENT}:${encodeURIComponent(SECRET)}`);
    expect(Object.fromEntries(new URLSearchParams(String(tokenCall.init!.body)))).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: `${PORTAL}/dvc/callback`,
      code_verifier: good.codeVerifier,
    });
    const userinfo = provider.calls.find((c) => c.url.endsWith('/oauth2/userinfo'))!;
    expect((userinfo.init!.headers as Record<string, string>).authorization).toBe('Bearer at-1');
    // the session's item: keyed by the token's hash, the token itself nowhere
    const put = db.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.Item).toMatchObject({ ...sessionKey(body.token), citizen: body.citizen });
    expect(JSON.stringify(put)).not.toContain(body.token);
  });

  it('refuses a redirect URI that is not the portal’s callback (400, before any call to the provider)', async () => {
    for (const redirectUri of ['https://evil.example/dvc/callback', `${PORTAL}/dvc/callback?x=1`, `${PORTAL}/auth/callback`]) {
      const answer = await invoke(route, { body: { ...good, redirectUri } });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].field).toBe('redirectUri');
      expect(answer.body.detail).toBe(`Địa chỉ quay lại phải là ${PORTAL}/dvc/callback`);
    }
    expect(provider.calls).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('refuses a code the provider does not take (invalid_grant: unknown, used, wrong verifier) with 400 in the reader’s language', async () => {
    provider.token = async () => ({ status: 400, body: { error: 'invalid_grant', error_description: 'grant request is invalid' } });
    const vi_ = await invoke(route, { body: good });
    expect(vi_.status).toBe(400);
    expect(vi_.headers['content-type']).toContain('application/problem+json');
    expect(vi_.body.detail).toMatch(/^Mã đăng nhập không hợp lệ/);
    const en = await invoke(route, { body: good, headers: { 'accept-language': 'en' } });
    expect(en.body.detail).toMatch(/^The sign-in code is not valid/);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it.each([
    ['a wrong nonce', { nonce: 'another-nonce-0123456789' }],
    ['a wrong issuer', { iss: 'https://sso.elsewhere.example' }],
    ['a wrong audience', { aud: 'someone-else' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600 }],
  ])('refuses an ID token with %s (401), opening no session', async (_, claims) => {
    provider.idToken = () => signed(claims as Partial<JWTPayload>);
    const answer = await invoke(route, { body: good });
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toMatch(/^Không xác thực được/);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('refuses an ID token signed by a key not in the provider’s JWKS (401)', async () => {
    provider.idToken = (claims) => signed(claims, otherKey);
    expect((await invoke(route, { body: good })).status).toBe(401);
  });

  it('refuses userinfo of another subject, or without an identity number (401)', async () => {
    provider.userinfo = () => ({ status: 200, body: { ...lan, sub: 'vn-someone-else' } });
    expect((await invoke(route, { body: good })).status).toBe(401);
    provider.userinfo = () => ({ status: 200, body: { sub: lan.sub, HoVaTen: lan.HoVaTen } });
    expect((await invoke(route, { body: good })).status).toBe(401);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('keeps what the national claims give, dropping a malformed email', async () => {
    provider.userinfo = () => ({ status: 200, body: { sub: lan.sub, SoDinhDanh: '079185006789', HoVaTen: 'Lê Thị Hồng Nhung', ThuDienTu: 'not-an-email' } });
    const answer = await invoke(route, { body: good });
    expect(answer.status).toBe(201);
    expect(answer.body.citizen).toEqual({ identityNumber: '079185006789', name: 'Lê Thị Hồng Nhung' });
  });

  it('answers 503 when the provider cannot be reached, or refuses our client (a configuration fault, not the citizen’s)', async () => {
    provider.token = async () => ({ status: 401, body: { error: 'invalid_client' } });
    expect((await invoke(route, { body: good })).status).toBe(503);
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('fetch failed'))));
    forgetProviders();
    expect((await invoke(route, { body: good })).status).toBe(503);
  });

  it('answers 404 when the centre has no national sign-in', async () => {
    const { citizenSignIn: _none, ...without } = profile;
    vi.stubEnv('CENTRE_PROFILE', JSON.stringify(without));
    const answer = await invoke(route, { body: good });
    expect(answer.status).toBe(404);
    expect(provider.calls).toHaveLength(0);
  });

  it('refuses a malformed body naming the field (a short verifier, a missing nonce, an unknown key)', async () => {
    const answer = await invoke(route, { body: { ...good, codeVerifier: 'short', nonce: undefined, extra: 1 } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['codeVerifier', 'extra', 'nonce']);
  });
});
