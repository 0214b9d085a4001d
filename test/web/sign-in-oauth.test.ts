import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInUrls } from '../../functions/contracts/web-config';
import { LOCAL_CLIENT_ID } from '../../infra/local/issuer';
import { launchBrowser, newPage } from '../support/browser';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

/**
 * Issue 19, item 4: the officers' sign-in as on the deployed pages — the authorization code with
 * PKCE against the managed login's local stand-in (infra/local/oauth.ts), whose one callback and
 * one sign-out URL are derived from the pages' origin by the same `signInUrls` the stack gives
 * the user pool client. On AWS the sign-out was sent to `<origin>/sign-in` while the client
 * allowed only `<origin>/`: every sign-out failed; here that request is refused as Cognito does.
 */
describe("the officers' sign-in with the deployed configuration's rules", () => {
  let h: Harness;
  let browser: Browser;
  let code: string;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false, signIn: 'oauth' }), launchBrowser()]);
    const s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    code = (await s.receive(await h.token('desk-2', ['desk']), 'TP-LLTP', applicant(90))).code;
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('signs in through the managed login (code + PKCE), lands on the page asked for, and signs out to the sign-in page', async () => {
    const { page, errors, context } = await newPage(browser);
    const visited: string[] = [];
    page.on('request', (r) => r.isNavigationRequest() && visited.push(r.url()));
    await page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await page.waitForURL((u) => u.pathname === '/sign-in');
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản cán bộ' }).click();
    await page.waitForURL((u) => u.pathname === '/_local/oauth2/authorize');
    const asked = new URL(page.url());
    expect(asked.searchParams.get('redirect_uri')).toBe(signInUrls(h.runtime.apiUrl).callback);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    await page.getByRole('button', { name: /bộ phận một cửa/ }).click();
    await page.waitForURL((u) => u.pathname === `/dossier/${code}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
    // the code came back to the callback once, and no token ever sat in a URL
    expect(visited.filter((u) => u.includes('/auth/callback?code='))).toHaveLength(1);
    expect(visited.some((u) => /id_token|access_token/.test(u))).toBe(false);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((u) => u.pathname === '/sign-in');
    expect(visited.some((u) => u.startsWith(`${h.runtime.apiUrl}/_local/logout?`) && new URL(u).searchParams.get('logout_uri') === signInUrls(h.runtime.apiUrl).signedOut)).toBe(true);
    await page.goto(`${h.runtime.apiUrl}/desk`);
    await page.waitForURL((u) => u.pathname === '/sign-in');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses what the user pool client does not allow: another callback, another sign-out URL, a code without its verifier', async () => {
    const base = `${h.runtime.apiUrl}/_local`;
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    const authorize = (redirect: string) =>
      fetch(`${base}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: LOCAL_CLIENT_ID, redirect_uri: redirect, state: 's', code_challenge: challenge, code_challenge_method: 'S256' })}`, { redirect: 'manual' });
    const wrong = await authorize('https://attacker.example/auth/callback');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('redirect_mismatch');
    expect((await authorize(signInUrls(h.runtime.apiUrl).callback)).status).toBe(200);
    // the sign-out the pages used to send (`/`) was not the one the client allowed (`/sign-in`): now they are one
    const out = (uri: string) => fetch(`${base}/logout?${new URLSearchParams({ client_id: LOCAL_CLIENT_ID, logout_uri: uri })}`, { redirect: 'manual' });
    expect((await out(`${h.runtime.apiUrl}/`)).status).toBe(400);
    const ok = await out(signInUrls(h.runtime.apiUrl).signedOut);
    expect(ok.status).toBe(302);
    // a code is worth nothing without its PKCE verifier
    const chosen = await fetch(`${base}/oauth2/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ response_type: 'code', client_id: LOCAL_CLIENT_ID, redirect_uri: signInUrls(h.runtime.apiUrl).callback, state: 's', code_challenge: challenge, code_challenge_method: 'S256', officer: '0' }),
    });
    const code = new URL(chosen.headers.get('location')!).searchParams.get('code')!;
    const token = (verifier: string) =>
      fetch(`${base}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: LOCAL_CLIENT_ID, code, redirect_uri: signInUrls(h.runtime.apiUrl).callback, code_verifier: verifier }),
      });
    expect((await token('not-the-verifier')).status).toBe(400);
    // and once refused, the code is spent
    expect((await token('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).status).toBe(400);
  });
});
