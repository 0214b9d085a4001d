import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';
import { decodeQr, expectAccessible, signInAs } from './officers-support';
// Evaluated in the page (the tests' tsconfig has no DOM lib).
declare const document: any;

describe('the desk receives a dossier through the form and prints the receipt', () => {
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

  it('signs in as the desk, receives, and shows form 01 with the code, the appointment, the PIN and a QR of the lookup link', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    expect(new URL(page.url()).pathname).toBe('/desk');
    await expectAccessible(page, '/desk');
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByLabel('Tìm thủ tục theo mã hoặc tên').fill('ly lich tu phap');
    await page.getByRole('radio', { name: /TP-LLTP/ }).check();
    await expectAccessible(page, '/desk/receive');
    await page.getByLabel('Họ và tên').fill('Trần Văn Cường');
    await page.getByLabel('Thư điện tử').fill(`cuong.${process.pid}@example.vn`);
    await page.getByLabel('Số điện thoại (không bắt buộc)').fill('0987654321');
    await page.getByLabel('Tên giấy tờ 1').fill('Tờ khai cấp Phiếu lý lịch tư pháp');
    await page.getByLabel('Số hiệu / nơi lưu giấy tờ 1').fill('desk://scan/1');
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy biên nhận' }).click();
    await page.waitForURL(/\/receipt\//);
    const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    const dossier = (await h.call('GET', `/dossiers/${code}`, { token: await h.token('desk-2', ['desk']) })).body;
    expect(dossier.applicant.name).toBe('Trần Văn Cường');
    await expect.poll(() => page.getByTestId('receipt-code').textContent()).toBe(code);
    // 2026-12-02 is a Wednesday; the appointment is printed as `Thứ …, dd/MM/yyyy HH:mm`.
    const appointment = await page.getByTestId('receipt-appointment').textContent();
    expect(appointment).toMatch(/^Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy), \d{2}\/\d{2}\/2026 \d{2}:\d{2}$/);
    expect(appointment).toContain(`${dossier.appointmentAt.slice(8, 10)}/${dossier.appointmentAt.slice(5, 7)}/${dossier.appointmentAt.slice(0, 4)} ${dossier.appointmentAt.slice(11, 16)}`);
    const pin = await page.getByTestId('receipt-pin').textContent();
    expect(pin).toMatch(/^\d{6,}$/);
    // The PIN printed is the citizen's: it opens the public lookup.
    expect((await h.call('GET', `/public/dossiers/${code}`, { headers: { 'x-lookup-pin': pin! } })).status).toBe(200);
    await expect.poll(() => page.getByText('Tờ khai cấp Phiếu lý lịch tư pháp').count()).toBe(1);
    expect(await page.getByText(/Trung tâm Phục vụ hành chính công/i).count()).toBeGreaterThan(0);

    const decoded = await decodeQr(browser, page, 'svg.qr');
    // the centre's portal: locally the gateway itself (infra/local/runtime.ts), so the QR opens the page
    expect(decoded).toBe(`${h.runtime.apiUrl}/c/${code}`);
    expect(decoded).not.toContain(pin!);
    await expectAccessible(page, '/receipt');
    // The print layout: navigation hidden, the receipt kept.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('article.receipt').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a wrong value’s error beside its field (the API’s schema, checked in the page), and nothing is received', async () => {
    const { page, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.goto(`${h.runtime.apiUrl}/desk/receive`);
    await page.getByRole('radio', { name: /DL-LHND/ }).check();
    await page.getByLabel('Họ và tên').fill('Lê Thị Dung');
    await page.getByLabel('Thư điện tử').fill('not-an-email');
    await page.getByLabel('Số CMND/CCCD (không bắt buộc)').fill('12345');
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy biên nhận' }).click();
    const email = page.locator('[data-field-error="applicant.email"]');
    await expect.poll(() => email.count()).toBe(1);
    expect(await page.getByLabel('Thư điện tử').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Thư điện tử').getAttribute('aria-describedby')).toContain('applicant.email-error');
    // in the page's language, the API's words (issue 20, item 3)
    expect(await page.locator('[data-field-error="applicant.idNumber"]').textContent()).toBe('Gồm 9 hoặc 12 chữ số');
    expect(await email.textContent()).toBe('Địa chỉ thư điện tử không hợp lệ');
    expect(new URL(page.url()).pathname).toBe('/desk/receive');
    await expectAccessible(page, '/desk/receive with errors');
    // The keyboard lands on the first field in error.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('applicant.email');
    await context.close();
  });

  it('in English, the same errors speak English — the page’s and the API’s (issue 20, item 3)', async () => {
    const { page, context } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    const languages: string[] = [];
    page.on('request', (r) => r.url().includes('/api/') && languages.push(r.headers()['accept-language'] ?? ''));
    await page.goto(`${h.runtime.apiUrl}/desk/receive`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    await page.getByRole('radio', { name: /DL-LHND/ }).check();
    await page.getByLabel('Full name').fill('Lê Thị Dung');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Receive and print the receipt' }).click();
    const email = page.locator('[data-field-error="applicant.email"]');
    await expect.poll(() => email.textContent()).toBe('Not a valid email address');
    // the page asks the API in its language (web/shared/api.ts), so the API's own errors come back in English too
    expect(languages.at(-1)).toBe('en');
    await context.close();
  });

  it("corrects a bounced address on the dossier's page: the error beside its field, then the correction and who made it; an agency's officer has no such form (issue 20, 4)", async () => {
    const s = scenario(h);
    const desk = await h.token('desk-2', ['desk']);
    const { code } = await s.receive(desk, 'DL-LHND', { ...applicant(60), email: 'bounce@simulator.amazonses.com' });
    await eventually(async () => (await h.call('GET', `/dossiers/${code}`, { token: desk })).body.emails.find((e: { eventKey: string; state: string }) => e.eventKey === 'receipt' && e.state === 'bounced'), 30_000);
    const { page, context, errors } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    const form = page.locator('#contact');
    await form.waitFor();
    expect(await form.getByLabel('Thư điện tử').inputValue()).toBe('bounce@simulator.amazonses.com');
    await form.getByLabel('Thư điện tử').fill('not-an-address');
    await form.getByRole('button', { name: 'Lưu thông tin liên hệ' }).click();
    const error = form.locator('[data-field-error="email"]');
    await expect.poll(() => error.textContent()).toBe('Địa chỉ thư điện tử không hợp lệ');
    expect(await form.getByLabel('Thư điện tử').getAttribute('aria-invalid')).toBe('true');
    const fresh = `sua.${process.pid}@example.vn`;
    await form.getByLabel('Thư điện tử').fill(fresh);
    await form.getByRole('button', { name: 'Lưu thông tin liên hệ' }).click();
    await expect.poll(() => form.locator('.alert.ok').textContent()).toContain('Đã sửa thư điện tử');
    expect(await form.locator('.alert.ok').textContent()).toContain('gửi lại 1 thư chưa đến');
    await expect.poll(() => page.getByTestId('corrections').textContent()).toContain('thư điện tử (bởi');
    await expectAccessible(page, '/dossier with the contact form');
    // the receipt reaches the new address
    await s.email(fresh, 'Giấy tiếp nhận');
    expect(errors).toEqual([]);
    await context.close();

    const stp = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Sở Du lịch/);
    await stp.page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await stp.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await stp.page.locator('#contact').count()).toBe(0);
    await stp.context.close();
  });
});
