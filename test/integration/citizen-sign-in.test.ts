import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, startHarness, uniqueKey, type Harness } from '../support/local';
import { authorize, discovery, signIn } from '../support/national-sign-in';
import { testCitizens } from '../../infra/local/oidc';
import { MyDossier } from '../../functions/contracts/responses';

/**
 * The national sign-in end to end on the local runtime, in plain HTTP: the stand-in (a real
 * OpenID provider under /_local/oidc), the code exchanged by POST /public/sign-in, the session on
 * /public/me/*; and every kind of caller that must be refused there, and the session refused on
 * an officer's route.
 */
describe('the national sign-in and the citizen’s own routes', () => {
  let h: Harness;
  let desk: string;
  const [lan, duc] = testCitizens();
  let lansDossier: { code: string };
  let ducsDossier: { code: string };

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    desk = await h.token('desk-1', ['desk']);
    const receive = async (idNumber: string, n: number) => {
      const res = await h.call('POST', '/dossiers', {
        token: desk,
        headers: { 'idempotency-key': uniqueKey() },
        body: { procedureCode: 'TP-LLTP', applicant: { ...applicant(n), idNumber }, channel: 'counter' },
      });
      if (res.status !== 201) throw new Error(`receive: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { code: string };
    };
    lansDossier = await receive(lan!.identityNumber, 1);
    ducsDossier = await receive(duc!.identityNumber, 2);
  });
  afterAll(() => h?.stop());

  it('publishes the discovery document on the gateway’s address, with the national endpoints and LoA1', async () => {
    const d = await discovery(h);
    expect(d.issuer).toBe(`${h.runtime.apiUrl}/_local/oidc`);
    expect(d.authorization_endpoint).toBe(`${h.runtime.apiUrl}/_local/oidc/oauth2/authorize`);
    expect(d.token_endpoint).toBe(`${h.runtime.apiUrl}/_local/oidc/oauth2/token`);
    expect(d.acr_values_supported).toEqual(['LoA1']);
    // the pages learn where to send the citizen from /config.json
    const config = (await h.call('GET', '/config.json')).body;
    expect(config.citizenSignIn).toEqual({ authorizationEndpoint: d.authorization_endpoint, clientId: h.runtime.oidc.clientId, scope: 'openid', acrValues: 'LoA1', redirectPath: '/dvc/callback' });
    expect(JSON.stringify(config)).not.toContain(h.runtime.oidc.clientSecret);
  });

  it('signs a test citizen in (authorize → pick → code → POST /public/sign-in) and lists the dossier the desk received with their number', async () => {
    const a = await authorize(h, { identityNumber: lan!.identityNumber });
    expect(a.page).toContain('Nguyễn Thị Lan');
    expect(a.page).toContain('Trần Văn Đức');
    const res = await h.call('POST', '/public/sign-in', { body: { code: a.code, codeVerifier: a.codeVerifier, redirectUri: a.redirectUri, nonce: a.nonce } });
    expect(res.status).toBe(201);
    expect(res.body.citizen).toEqual(lan);
    const token = res.body.token as string;

    const me = await h.call('GET', '/public/me', { token });
    expect(me.body).toEqual({ citizen: lan });
    const mine = await h.call('GET', '/public/me/dossiers', { token });
    expect(mine.status).toBe(200);
    expect(mine.body.dossiers.map((d: { code: string }) => d.code)).toEqual([lansDossier.code]);
    // received (2), or already with the department (4): the workflow runs on
    expect(mine.body.dossiers[0]).toMatchObject({ channel: 'counter', procedure: { code: 'TP-LLTP' } });
    expect([2, 4]).toContain(mine.body.dossiers[0].status);
    const one = await h.call('GET', `/public/me/dossiers/${lansDossier.code}`, { token });
    expect(one.status).toBe(200);
    // the PIN lookup's view, without the PIN, and nothing of the applicant
    expect(MyDossier.parse(one.body)).toMatchObject({ code: lansDossier.code, online: null });
    expect(JSON.stringify(one.body)).not.toContain(lan!.identityNumber);

    // signing out ends the session: its token opens nothing after
    expect((await h.call('POST', '/public/sign-out', { token })).status).toBe(200);
    expect((await h.call('GET', '/public/me', { token })).status).toBe(401);
  });

  it('refuses a used code, a wrong verifier, a wrong nonce and a redirect URI not the centre’s', async () => {
    const body = (a: Awaited<ReturnType<typeof authorize>>) => ({ code: a.code, codeVerifier: a.codeVerifier, redirectUri: a.redirectUri, nonce: a.nonce });
    const used = await authorize(h, { identityNumber: duc!.identityNumber });
    expect((await h.call('POST', '/public/sign-in', { body: body(used) })).status).toBe(201);
    const again = await h.call('POST', '/public/sign-in', { body: body(used), headers: { 'accept-language': 'en' } });
    expect(again.status).toBe(400);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.detail).toMatch(/sign-in code is not valid/);

    const verifier = await authorize(h, { identityNumber: duc!.identityNumber });
    expect((await h.call('POST', '/public/sign-in', { body: { ...body(verifier), codeVerifier: 'x'.repeat(43) } })).status).toBe(400);

    const nonce = await authorize(h, { identityNumber: duc!.identityNumber });
    const wrongNonce = await h.call('POST', '/public/sign-in', { body: { ...body(nonce), nonce: 'not-the-nonce-sent-0000' } });
    expect(wrongNonce.status).toBe(401);
    expect(wrongNonce.body.detail).toMatch(/^Không xác thực được/);

    const elsewhere = await authorize(h, { identityNumber: duc!.identityNumber });
    const redirect = await h.call('POST', '/public/sign-in', { body: { ...body(elsewhere), redirectUri: 'https://evil.example/dvc/callback' } });
    expect(redirect.status).toBe(400);
    expect(redirect.body.errors[0].field).toBe('redirectUri');
    // the stand-in itself never sends a code to a URI it does not know
    const stray = await fetch(`${(await discovery(h)).authorization_endpoint}?${new URLSearchParams({ client_id: h.runtime.oidc.clientId, redirect_uri: 'https://evil.example/dvc/callback', response_type: 'code', scope: 'openid', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' })}`, { redirect: 'manual' });
    expect(stray.status).toBe(400);
  });

  it('refuses on /public/me/* no token, an officer’s token, an agency system’s token (401) and another citizen’s dossier (404)', async () => {
    const { token } = await signIn(h, lan!.identityNumber);
    await h.registerClient('STP');
    const system = await h.clientToken('STP', ['motcua/dossiers.read']);
    const officers = [await h.token('desk-1', ['desk']), await h.token('op-1', ['operator']), await h.token('stp-1', ['agency-STP'])];
    for (const path of ['/public/me', '/public/me/dossiers', `/public/me/dossiers/${lansDossier.code}`]) {
      for (const t of [undefined, system, ...officers, 'garbage']) {
        const res = await h.call('GET', path, { token: t });
        expect(res.status, `${path} with ${t ? 'a token not a session' : 'no token'}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toContain('motcua-citizen');
      }
    }
    // Lan's session, on Đức's dossier: the same 404 as a code nobody has
    const other = await h.call('GET', `/public/me/dossiers/${ducsDossier.code}`, { token });
    const none = await h.call('GET', `/public/me/dossiers/TTHCC-261202-9999`, { token });
    expect(other.status).toBe(404);
    expect(none.status).toBe(404);
    expect(other.body.title).toBe(none.body.title);
    expect((await h.call('GET', '/public/me/dossiers', { token })).body.dossiers.map((d: { code: string }) => d.code)).not.toContain(ducsDossier.code);
  });

  it('refuses a citizen’s session on the officers’ routes (the officers’ authorizer: 403)', async () => {
    const { token } = await signIn(h, lan!.identityNumber);
    for (const [method, path] of [['GET', `/dossiers/${lansDossier.code}`], ['GET', '/agencies/TTHCC/tasks'], ['GET', '/procedures']] as const) {
      const res = await h.call(method, path, { token });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body).toEqual({ message: 'Forbidden' });
    }
  });
});
