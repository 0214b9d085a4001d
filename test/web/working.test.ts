import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_TEXT } from '../../functions/core/citizen-view';
import { launchBrowser, newPage } from '../support/browser';
import { applicant, scenario, startHarness, type Harness } from '../support/local';
import { expectAccessible, signInAs } from './officers-support';
// Evaluated in the page (the tests' tsconfig has no DOM lib).
declare const document: any;

const POLL = { timeout: 15_000 };
/** Internal codes that must not reach an officer's screen or a printed form. */
const CODES = /\b(receipt|apology|supplement-request|request-supplement|supplemented|supplement-received|agency-warning)\b/;

/** Working the officers' pages as officers do (issue 20, items 6 and 7). */
describe('working the officers’ pages', () => {
  let h: Harness;
  let browser: Browser;
  let s: ReturnType<typeof scenario>;
  let desk: string;
  let code: string;
  const who = applicant(81);
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    desk = await h.token('desk-1', ['desk']);
    code = (await s.receive(desk, 'TP-LLTP', who)).code;
    await s.task('STP', await h.token('stp-1', ['agency-STP']), code, 's1-stp');
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('a dossier’s link opened in a new tab comes back after the sign-in; the operator lands on the console', async () => {
    const { page, errors, context } = await newPage(browser);
    await page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await page.waitForURL((u) => u.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/dossier/${code}`);
    await page.getByRole('button', { name: /Cán bộ Sở Tư pháp/ }).click();
    await page.waitForURL((u) => u.pathname === `/dossier/${code}`);
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    // another site is never a place to go back to
    await page.goto(`${h.runtime.apiUrl}/sign-in?next=//evil.example/x`);
    await page.getByRole('button', { name: /Cán bộ Sở Tư pháp/ }).click();
    await page.waitForURL((u) => u.pathname === '/queue/STP');
    expect(errors).toEqual([]);
    await context.close();

    const op = await signInAs(browser, h.runtime.apiUrl, /Quản trị vận hành/);
    expect(new URL(op.page.url()).pathname).toBe('/console');
    await op.context.close();
  });

  it('receiving: the exact procedure code typed picks it, and Enter moves on instead of sending the form', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.goto(`${h.runtime.apiUrl}/desk/receive`);
    await page.getByLabel('Tìm thủ tục theo mã hoặc tên').fill('tp-lltp');
    await expect.poll(() => page.locator('input[name=procedureCode][value="TP-LLTP"]').isChecked(), POLL).toBe(true);
    await page.getByLabel('Tìm thủ tục theo mã hoặc tên').press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('applicant.name');
    expect(new URL(page.url()).pathname).toBe('/desk/receive'); // nothing sent
    expect(await page.locator('[data-field-error]').count()).toBe(0);
    expect(await page.getByTestId('procedure-picked').textContent()).toContain('Đã chọn: TP-LLTP');
    await expectAccessible(page, '/desk/receive with a procedure picked');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an agency acts: the form gets the keyboard, the result too, and the page shows the new status without a reload; Vietnamese words, letters by time', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Sở Tư pháp/);
    await page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('s1-stp-missing');
    await page.keyboard.type('Bản sao sổ hộ khẩu');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ảnh 4x6');
    await page.getByLabel('Lý do').fill('Thiếu giấy tờ');
    await page.getByRole('button', { name: 'Yêu cầu bổ sung: Xác nhận' }).click();
    await page.getByText('Đã ghi nhận.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.dataset?.testid), POLL).toBe('done');
    // no reload: the page reads the dossier again until the workflow has moved it
    await expect.poll(() => page.getByTestId('status').textContent(), POLL).toBe(STATUS_TEXT[5].vi);
    await expect.poll(() => page.getByTestId('done').textContent(), POLL).toContain('Tình trạng bên dưới là tình trạng hiện tại');
    // the original appointment while the supplement is pending: said, not blank
    await expect.poll(() => page.getByTestId('original').textContent(), POLL).toContain('Tạm dừng chờ bổ sung');
    // the letters in words (the request's letter is queued after the status changed: read the page again)
    await s.email(who.email, 'Phiếu yêu cầu bổ sung');
    await page.reload();
    await expect.poll(async () => (await page.locator('[data-letter]').count()) >= 2, POLL).toBe(true);
    const letters = (await page.locator('[data-letter]').allTextContents()).join('\n');
    expect(letters).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)');
    expect(letters).toContain('Phiếu yêu cầu bổ sung hồ sơ (mẫu 02)');
    expect(await page.textContent('main')).not.toMatch(CODES);
    await expectAccessible(page, '/dossier after a supplement request');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the desk: warned before recording one document of the two asked for; form 06 in words, inside the A4 frame', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await page.getByLabel('Giấy tờ bổ sung (mỗi dòng một giấy tờ)').fill('Bản sao sổ hộ khẩu');
    await page.getByRole('button', { name: 'Ghi nhận bổ sung' }).click();
    await expect.poll(() => page.locator('[data-field-error="supply-documents"]').textContent(), POLL).toContain('Mới có 1 giấy tờ cho 2 mục được yêu cầu');
    expect((await s.dossier(desk, code)).status).toBe(5); // nothing recorded yet
    await expectAccessible(page, '/dossier with the incomplete supplement warning');
    await page.getByRole('button', { name: 'Ghi nhận bổ sung' }).click(); // knowingly
    await expect.poll(() => page.getByTestId('status').textContent(), POLL).not.toBe(STATUS_TEXT[5].vi);

    // form 06 on A4: the outcomes in words, the table inside the page's frame
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.goto(`${h.runtime.apiUrl}/records/control-sheet/${code}`);
    await page.locator('table.sheet').waitFor();
    const sheet = (await page.textContent('article'))!;
    expect(sheet).toContain('Yêu cầu bổ sung');
    expect(sheet).toContain('Đã bổ sung');
    expect(sheet).not.toMatch(CODES);
    const fits = () => page.evaluate(() => {
      const a = document.querySelector('article.a4');
      const t = document.querySelector('table.sheet');
      return t.getBoundingClientRect().right <= a.getBoundingClientRect().right + 0.5 && t.scrollWidth <= t.clientWidth + 1;
    });
    expect(await fits()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await fits()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the desk reissues the citizen’s PIN from the dossier page (emailed, never shown); form 01 has signature lines', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await page.getByRole('button', { name: 'Cấp lại mã PIN' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Xác nhận cấp lại');
    await expectAccessible(page, '/dossier with the PIN confirmation');
    await page.getByRole('button', { name: 'Xác nhận cấp lại' }).click();
    await expect.poll(() => page.locator('#pin').textContent(), POLL).toContain('Đã gửi mã PIN mới đến thư điện tử của người nộp');
    const letter = await s.email(who.email, 'Mã PIN');
    const pin = /(\d{8})/.exec(letter.body.text)?.[1];
    expect(pin).toBeDefined();
    expect(await page.textContent('main')).not.toContain(pin!);
    expect((await h.call('GET', `/public/dossiers/${code}`, { headers: { 'x-lookup-pin': pin! } })).status).toBe(200);

    await page.goto(`${h.runtime.apiUrl}/receipt/${code}`);
    const signatures = page.getByTestId('signatures');
    await signatures.waitFor();
    const text = (await signatures.textContent())!;
    for (const part of ['Người nộp hồ sơ', 'Người tiếp nhận hồ sơ', '(Ký và ghi rõ họ tên)', who.name]) expect(text).toContain(part);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the search says what it searches: a code’s end finds open dossiers only, a full code any', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.goto(`${h.runtime.apiUrl}/records/search?q=9999`);
    await page.getByTestId('closed-hint').waitFor();
    expect(await page.textContent('main')).toContain('chỉ tìm được bằng mã hồ sơ đầy đủ');
    expect(await page.textContent('main')).toContain('phần cuối của mã (0003) chỉ tìm trong hồ sơ đang xử lý');
    await page.goto(`${h.runtime.apiUrl}/records/search?q=${code.slice(-4)}`);
    await page.locator(`a[href="/dossier/${code}"]`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('letters are listed by time, not by name: the apology after the receipt and the supplement', async () => {
    await h.advance('P14D'); // the step lapses: an apology (form 04), whose key sorts first by name
    await s.email(who.email, 'Phiếu xin lỗi');
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await expect.poll(async () => (await page.locator('[data-letter]').allTextContents()).join(' | '), POLL).toContain('mẫu 04');
    const letters = await page.locator('[data-letter]').allTextContents();
    expect(letters[0]).toContain('(mẫu 01)');
    expect(letters.findIndex((l) => l.includes('(mẫu 02)'))).toBeLessThan(letters.findIndex((l) => l.includes('(mẫu 04)')));
    expect(letters.at(-1)).not.toContain('(mẫu 01)');
    expect(letters.join('\n')).not.toMatch(CODES);
    expect(errors).toEqual([]);
    await context.close();
  });
});
