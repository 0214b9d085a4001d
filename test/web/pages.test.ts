import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from '../support/browser';
import { applicant, scenario, startHarness, type Harness } from '../support/local';
import { expectAccessible, signInAs } from './officers-support';
// Evaluated in the page (the tests' tsconfig has no DOM lib).
declare const document: any;

/** Every officers' page, at 1280 and 768 px: it shows its data, axe finds nothing serious, nothing overflows. */
describe('the officers’ pages: accessible, bilingual, keyboard-usable, at 1280 and 768 px', () => {
  let h: Harness;
  let browser: Browser;
  let code: string;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    const s = scenario(h);
    await s.setClock('2026-12-02T10:00:00+07:00');
    const desk = await h.token('desk-1', ['desk']);
    code = (await s.receive(desk, 'TP-LLTP', applicant(1))).code;
    await s.task('STP', await h.token('stp-1', ['agency-STP']), code);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  for (const width of [1280, 768]) {
    it(`every page at ${width} px`, async () => {
      const size = { width, height: 900 };
      const anon = await newPage(browser, size);
      await anon.page.goto(`${h.runtime.apiUrl}/sign-in`);
      await anon.page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await expectAccessible(anon.page, '/sign-in');
      await anon.context.close();

      const visits: [RegExp, string[], string][] = [
        [/bộ phận một cửa/i, ['/desk', '/desk/receive', `/receipt/${code}`, `/dossier/${code}`, `/records/control-sheet/${code}`, '/records/logbook/TTHCC?date=2026-12-02', '/records/search?q=nguyen', '/pakn', '/pakn/figures?from=2026-12-01&to=2026-12-31'], code],
        [/Cán bộ Sở Tư pháp/, ['/queue/STP', `/dossier/${code}`, '/records/logbook/STP?date=2026-12-02', '/pakn'], code],
        [/Quản trị vận hành/, ['/records/search?q=binh'], code],
      ];
      for (const [who, paths, expected] of visits) {
        const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, who, size);
        for (const path of paths) {
          await page.goto(h.runtime.apiUrl + path);
          await page.locator('main h1').first().waitFor();
          // the feedback pages (/pakn) name no dossier
          if (!/\/desk|\/pakn/.test(path)) await page.getByText(expected).first().waitFor();
          await expectAccessible(page, `${path} at ${width}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
        }
        expect(errors).toEqual([]);
        await context.close();
      }
    });
  }

  it('switches to English and back, and signs out', async () => {
    const { page, context } = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Sở Tư pháp/);
    await page.getByRole('heading', { name: /Hồ sơ cần xử lý — Sở Tư pháp/ }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Work queue — Department of Justice' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator(`tr[data-dossier="${code}"] td`).nth(2).getByText(/^Wednesday, 02\/12\/2026 \d{2}:\d{2}$/).waitFor();
    await expectAccessible(page, '/queue in English');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${h.runtime.apiUrl}/queue/STP`);
    await page.waitForURL(/\/sign-in\?next=%2Fqueue%2FSTP$/); // the page asked for comes back after the sign-in
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await context.close();
  });

  it('works with the keyboard: skip link, sign in, open a dossier and approve without a mouse', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${h.runtime.apiUrl}/sign-in`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.getByRole('button', { name: /Cán bộ Sở Tư pháp/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/queue\/STP$/);
    await page.locator(`tr[data-dossier="${code}"] a`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/dossier/${code}$`));
    await page.getByRole('button', { name: 'Duyệt', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Ghi chú (không bắt buộc)').focus();
    await page.keyboard.type('Duyệt bằng bàn phím');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Duyệt: Xác nhận');
    await page.keyboard.press('Enter');
    await page.getByText('Đã ghi nhận.').waitFor();
    await context.close();
  });

  it('serves the contract at /openapi.json and its reference at /docs, under the pages’ CSP', async () => {
    const doc = await h.call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const { page, errors, context } = await newPage(browser);
    const res = await page.goto(`${h.runtime.apiUrl}/docs`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { name: /POST \/api\/dossiers$/ }).waitFor();
    expect(await page.locator('script').count()).toBe(0);
    await expectAccessible(page, '/docs');
    expect(errors).toEqual([]);
    await context.close();
  });
});
