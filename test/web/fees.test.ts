import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { ROOT } from '../../infra/local/runtime';
import { pdfText } from '../support/pdf-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, scenario, startHarness, uniqueKey, type Harness } from '../support/local';
import { launchBrowser, newPage, seriousViolations } from '../support/browser';
import { signInAs } from './officers-support';

const PHONE = { width: 390, height: 844 };
const POLL = { timeout: 15_000 };

/**
 * Issue 23 in a real Chromium at phone size: the citizen's page shows the fee of a dossier in
 * status 6, "Pay online" leads to the stand-in hub's page, paying there moves the dossier on (the
 * hub's confirmation, server to server); a citizen who closes the window after paying still sees
 * it paid; a cancelled payment leaves status 6 and a way to pay again.
 */
describe('paying a fee online (390×844)', () => {
  let h: Harness;
  let browser: Browser;
  let desk: string;

  const owing = async (n: number) =>
    (await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: applicant(n), channel: 'counter', fees: 'later' } })).body as { code: string; lookupPin: string };
  const status = async (code: string) => (await h.call('GET', `/dossiers/${code}`, { token: desk })).body.status as number;
  const open = async (page: Page, d: { code: string; lookupPin: string }, query = '') => {
    await page.goto(`${h.runtime.apiUrl}/c/${d.code}${query}`);
    await page.fill('#pin', d.lookupPin);
    await page.click('button[type=submit]');
    await page.waitForSelector('#status-h');
  };

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    await scenario(h).setClock('2026-12-02T10:00:00+07:00');
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('shows the fee, pays it on the hub\'s page, and the dossier moves on with its receipt', async () => {
    const d = await owing(81);
    const { page, errors, context } = await newPage(browser, PHONE);
    await open(page, d);
    const main = (await page.textContent('main'))!;
    expect(main).toContain('Yêu cầu thực hiện nghĩa vụ tài chính');
    expect(await page.textContent('[data-testid=fee-total]')).toBe('200.000 đ');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await page.waitForURL(/\/_local\/payhub\/pay\//);
    expect(await page.textContent('main')).toContain('200.000 đ');
    await page.getByRole('button', { name: 'Thanh toán · Pay' }).click();
    await expect.poll(() => page.textContent('[role=status]'), POLL).toContain('Đã thanh toán');
    await eventually(async () => (await status(d.code)) !== 6);
    // back to the dossier's page: it only shows what the platform recorded
    await page.click('text=Quay lại hồ sơ');
    await page.waitForURL(/\?payment=P/);
    await page.fill('#pin', d.lookupPin);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=fee-receipt]');
    expect(await page.textContent('[data-testid=fee-receipt]')).toMatch(/Biên lai điện tử ký hiệu TTHCC\/26E, số 000000\d/);
    expect(await page.textContent('#fees')).toContain('Đã nộp');
    // the receipt as a PDF, read back: the amount, the number, the payer, in Vietnamese
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Tải biên lai/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bien-lai-TTHCC-26E-000000\d\.pdf$/);
    const receipt = pdfText(readFileSync((await download.path())!)).join('\n');
    expect(receipt).toContain('Mẫu số · Template: 01BLP0-001');
    expect(receipt).toContain('Tổng cộng · Total: 200.000 đ');
    expect(receipt).toMatch(/Số · No\.: 000000\d/);
    expect(receipt).toContain(`Người nộp · Payer: ${applicant(81).name}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a citizen who closes the window after paying: the hub\'s confirmation still moves the dossier on', async () => {
    const d = await owing(82);
    const { page, context } = await newPage(browser, PHONE);
    await open(page, d);
    await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await page.waitForURL(/\/_local\/payhub\/pay\//);
    const paymentId = page.url().split('/').pop()!;
    await context.close(); // the window is gone before anything comes back
    // the hub settles the payment it took and confirms server to server
    expect((await h.call('POST', `/_local/payhub/payments/${paymentId}/pay`)).body.confirmation.status).toBe(200);
    await eventually(async () => (await status(d.code)) !== 6);
    expect((await h.call('GET', `/public/dossiers/${d.code}`, { headers: { 'x-lookup-pin': d.lookupPin } })).body.fees.paid).toBe(true);
  });

  it('a cancelled payment leaves status 6 and a way to pay again', async () => {
    const d = await owing(83);
    const { page, errors, context } = await newPage(browser, PHONE);
    await open(page, d);
    await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await page.waitForURL(/\/_local\/payhub\/pay\//);
    await page.getByRole('button', { name: 'Hủy · Cancel' }).click();
    await expect.poll(() => page.textContent('[role=status]'), POLL).toContain('Đã hủy');
    await page.click('text=Quay lại hồ sơ');
    await page.fill('#pin', d.lookupPin);
    await page.click('button[type=submit]');
    await page.waitForSelector('#fees');
    expect(await status(d.code)).toBe(6);
    expect(await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the desk records cash on the dossier page; the console lists the day\'s money and reconciles it with the hub', async () => {
    const d = await owing(84);
    const desk1 = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await desk1.page.goto(`${h.runtime.apiUrl}/dossier/${d.code}`);
    await desk1.page.waitForSelector('#fees');
    expect(await desk1.page.textContent('#fees')).toContain('200.000 đ');
    await desk1.page.getByRole('button', { name: /Ghi nhận đã thu/ }).click();
    await expect.poll(() => desk1.page.textContent('#fees'), POLL).toContain('Đã nộp lúc');
    expect(await status(d.code)).not.toBe(6);
    expect(await seriousViolations(desk1.page)).toEqual([]);
    await desk1.context.close();
    const op = await signInAs(browser, h.runtime.apiUrl, /Quản trị vận hành/, { width: 1280, height: 1000 });
    await op.page.goto(`${h.runtime.apiUrl}/console/payments?date=2026-12-02`);
    await op.page.waitForSelector('[data-testid=payments-total]');
    // two online payments (the first two tests) and this one in cash
    expect(await op.page.textContent('[data-testid=payments-total]')).toContain('600.000 đ');
    await expect.poll(() => op.page.textContent('main'), POLL).toContain('Khớp đến từng đồng');
    expect(await op.page.textContent('[data-testid=payments-net]')).toContain('600.000 đ');
    // the desk's receipt PDF of the cash payment, from the console
    const row = op.page.locator('table[data-table=payments] tr', { hasText: d.code });
    const [pdf] = await Promise.all([op.page.waitForEvent('download'), row.getByRole('button', { name: 'Biên lai PDF' }).click()]);
    expect(pdfText(readFileSync((await pdf.path())!)).join('\n')).toContain('Hình thức · Method: Tiền mặt tại quầy');
    // a dossier paid online then withdrawn: the operator refunds it from the console; the hub confirms; the day still balances
    const w = await owing(85);
    const started = (await h.call('POST', `/public/dossiers/${w.code}/payments`, { body: {}, headers: { 'x-lookup-pin': w.lookupPin, 'idempotency-key': uniqueKey() } })).body;
    expect((await h.call('POST', `/_local/payhub/payments/${started.paymentId}/pay`)).status).toBe(200);
    expect((await h.call('POST', `/public/dossiers/${w.code}/withdraw`, { body: {}, headers: { 'x-lookup-pin': w.lookupPin, 'idempotency-key': uniqueKey() } })).status).toBe(202);
    await op.page.reload();
    const wRow = op.page.locator('table[data-table=payments] tr', { hasText: w.code });
    await wRow.getByRole('button', { name: 'Hoàn trả' }).click();
    await wRow.getByLabel(/Lý do hoàn trả/).fill('Hồ sơ đã rút trước khi xử lý');
    await wRow.getByRole('button', { name: 'Xác nhận hoàn trả' }).click();
    await expect.poll(() => wRow.textContent(), POLL).toContain('Đã đề nghị cổng thanh toán hoàn trả');
    await expect.poll(async () => (await op.page.reload(), await op.page.waitForSelector('[data-testid=payments-net]'), op.page.textContent('[data-testid=payments-net]')), POLL).toContain('600.000 đ (trực tuyến 400.000 đ, tại quầy 200.000 đ)');
    expect(await op.page.textContent('main')).toContain('Khớp đến từng đồng');
    expect(await op.page.textContent('main')).toContain('Hoàn trả trực tuyến — cổng: 200.000 đ; hệ thống: 200.000 đ');
    if (process.env.MOTCUA_SCREENSHOTS) await op.page.screenshot({ path: join(ROOT, 'docs', 'console-payments.png'), fullPage: true });
    expect(await seriousViolations(op.page)).toEqual([]);
    expect(op.errors).toEqual([]);
    await op.context.close();
  });
});
