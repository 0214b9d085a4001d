import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { applicant, scenario, startHarness, type Harness } from '../support/local';
import { expectAccessible, signInAs } from './officers-support';

/** A branch desk's officer (Hanoi's example has branches): its desk page, its receipt (form 01). */
describe("a branch desk's officer on the officers' pages", () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('signs in as the Ba Đình branch, receives through the form, and prints a receipt naming the branch and its address', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /một cửa tại Chi nhánh số 1/);
    expect(new URL(page.url()).pathname).toBe('/desk');
    await expect.poll(() => page.getByTestId('desk-branch').textContent()).toContain('Số 25 phố Liễu Giai');
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByLabel('Tìm thủ tục theo mã hoặc tên').fill('DL-LHND');
    await page.getByRole('radio', { name: /DL-LHND/ }).check();
    await page.getByLabel('Họ và tên').fill('Lê Thị Hoa');
    await page.getByLabel('Thư điện tử').fill(`hoa.${process.pid}@example.vn`);
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy biên nhận' }).click();
    await page.waitForURL(/\/receipt\//);
    const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(code).toMatch(/^BDH-261202-\d{4}$/);
    await expect.poll(() => page.getByTestId('receipt-branch').textContent()).toContain('Chi nhánh số 1');
    const header = await page.locator('header.centre').textContent();
    expect(header).toContain('Số 25 phố Liễu Giai, phường Ngọc Hà, thành phố Hà Nội');
    expect(header).toContain('1900 0001');
    expect(header).not.toContain('Số 1 phố Ví Dụ');
    await expectAccessible(page, '/receipt (branch)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("offers the hand-back only at the dossier's own branch", async () => {
    const s = scenario(h);
    const dossier = await s.receive(await h.token('desk-cgy-1', ['desk', 'branch-CGY']), 'DL-LHND', applicant(31));
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    await s.task('SDL', sdl, dossier.code);
    await s.decide(sdl, dossier.code, 's1-sdl', { outcome: 'approve' });
    await s.task('TTHCC', await h.token('desk-cgy-1', ['desk', 'branch-CGY']), dossier.code, 'return');
    // another branch's officer reads the dossier but is offered no hand-back
    const other = await signInAs(browser, h.runtime.apiUrl, /một cửa tại Chi nhánh số 1/);
    // the hand-back form's heading (the step's own name is the same words, in an h3)
    const handBack = (page: typeof other.page) => page.locator('h2', { hasText: 'Trả kết quả cho công dân' }).count();
    await other.page.goto(`${h.runtime.apiUrl}/dossier/${dossier.code}`);
    await expect.poll(() => other.page.getByTestId('status').count()).toBe(1);
    await expect.poll(() => other.page.locator('h3', { hasText: 'Trả kết quả cho công dân' }).count()).toBe(1);
    expect(await handBack(other.page)).toBe(0);
    await other.context.close();
    // its own branch's officer is
    const own = await signInAs(browser, h.runtime.apiUrl, /một cửa tại Chi nhánh số 2/);
    await own.page.goto(`${h.runtime.apiUrl}/dossier/${dossier.code}`);
    await expect.poll(() => handBack(own.page)).toBe(1);
    await own.context.close();
  });
});
