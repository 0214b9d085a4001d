import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { applicant, scenario, startHarness, type Harness } from '../support/local';
import { expectAccessible, signInAs } from './officers-support';

describe("the desk's kiosk evaluation and an officer's own figures, in the officers' pages (issue 25)", () => {
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

  it('the desk officer opens the kiosk for the dossier just handed back, the citizen answers every criterion once; the officer sees it in their figures', async () => {
    const s = scenario(h);
    const desk = await h.token('desk-1', ['desk']);
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    const d = await s.receive(desk, 'DL-LHND', applicant(261));
    await s.task('SDL', sdl, d.code, 's1-sdl');
    await s.decide(sdl, d.code, 's1-sdl', { outcome: 'approve' });
    await s.task('TTHCC', desk, d.code, 'return');
    await s.decide(desk, d.code, 'return', { outcome: 'approve' });
    await s.status(desk, d.code, 10);

    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.getByRole('link', { name: 'Phiếu đánh giá tại quầy' }).click();
    await page.waitForURL(/\/kiosk\/TTHCC$/);
    await page.getByLabel('Mã hồ sơ vừa trả kết quả').fill(d.code);
    await page.getByRole('button', { name: /Mở phiếu/ }).click();
    await page.waitForURL(new RegExp(`/kiosk/TTHCC\\?dossier=${d.code}$`));
    expect(page.url()).not.toMatch(/pin/i);
    const sets = page.locator('fieldset');
    await sets.first().waitFor();
    expect(await sets.count()).toBe(12);
    await expectAccessible(page, '/kiosk/TTHCC');
    // one criterion left unanswered: the page names it, nothing is sent
    for (let i = 0; i < 11; i++) await sets.nth(i).locator('input[type=radio]').last().check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.locator('fieldset[aria-invalid="true"]').first().waitFor();
    await sets.nth(11).locator('input[type=radio]').nth(2).check();
    await page.getByLabel('Ý kiến khác (không bắt buộc)').fill('Cán bộ hướng dẫn rõ ràng');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Cảm ơn');
    // once per dossier: opened again, the kiosk says so
    await page.goto(`${h.runtime.apiUrl}/kiosk/TTHCC?dossier=${d.code}`);
    await page.getByText('Hồ sơ này đã được đánh giá').waitFor();

    await page.getByRole('link', { name: 'Kết quả và đánh giá' }).click();
    await page.waitForURL(/\/figures$/);
    const mine = page.locator('[data-holder="desk-1"]');
    await mine.waitFor();
    expect(await mine.locator('[data-figure="handled"]').textContent()).toBe('1');
    expect(await mine.locator('[data-figure="evaluations"]').textContent()).toBe('1');
    expect(await mine.locator('[data-criterion="overall"]').textContent()).toBe('3 / 4');
    expect(await mine.textContent()).toContain('Cán bộ hướng dẫn rõ ràng');
    expect(await page.locator('[data-holder="sdl-1"]').count()).toBe(0);
    await expectAccessible(page, '/figures');
    expect(errors, JSON.stringify(errors)).toEqual([]);
    await context.close();
  });
});
