import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { scenario, startHarness, type Harness } from '../support/local';
import { seedOnlineDossier } from '../support/online';
import { expectAccessible, signInAs } from './officers-support';

describe("the desk's check of an online dossier, in the officers' pages", () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-07T09:00:00+07:00' } });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('a desk officer sees the online dossier waiting with its time left, opens it and refuses to receive it with the reason (form 03 by email)', async () => {
    const d = await seedOnlineDossier(h);
    const lapsed = await seedOnlineDossier(h, { procedureCode: 'DL-LHND' });
    // the second one's check time lapses; the first one is submitted after
    await h.advance('PT30H');
    const fresh = await seedOnlineDossier(h);
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.getByRole('link', { name: 'Hồ sơ trực tuyến chờ kiểm tra' }).click();
    await page.waitForURL(/\/desk\/checks$/);
    const row = page.locator(`tr[data-dossier="${fresh.code}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('còn 8 giờ làm việc');
    expect(await row.textContent()).toContain(fresh.citizen.name);
    expect(await page.locator(`tr[data-dossier="${lapsed.code}"] [data-lapsed="true"]`).textContent()).toMatch(/^Quá hạn \d+(,\d)? giờ làm việc$/);
    expect(await page.locator(`tr[data-dossier="${d.code}"]`).count()).toBe(1);
    await expectAccessible(page, '/desk/checks');

    await row.getByRole('link', { name: fresh.code }).click();
    await page.waitForURL(new RegExp(`/dossier/${fresh.code}$`));
    const check = page.getByTestId('online-check');
    await check.waitFor();
    await check.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
    // no reason: the field says so, nothing is sent
    await check.getByRole('button', { name: 'Từ chối tiếp nhận: Gửi' }).click();
    await page.locator('[data-field-error="reason"], #check-reason[aria-invalid="true"]').first().waitFor();
    await check.getByLabel('Lý do').fill('Thủ tục không thuộc thẩm quyền tiếp nhận của Trung tâm');
    await check.getByRole('button', { name: 'Từ chối tiếp nhận: Gửi' }).click();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 20_000 }).not.toBe('');
    await expect.poll(async () => (await h.call('GET', `/dossiers/${fresh.code}`, { token: await h.token('desk-2', ['desk']) })).body.status).toBe(3);
    await scenario(h).email(fresh.citizen.email, `Phiếu từ chối tiếp nhận hồ sơ ${fresh.code}`);
    await page.goto(`${h.runtime.apiUrl}/desk/checks`);
    await page.locator(`tr[data-dossier="${lapsed.code}"]`).waitFor();
    expect(await page.locator(`tr[data-dossier="${fresh.code}"]`).count()).toBe(0);

    expect(errors, JSON.stringify(errors)).toEqual([]);
    await context.close();
  });
});
