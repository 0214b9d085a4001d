// `npx tsx test/web/screenshots.ts`: the README's pictures, taken with the browser layer on the
// local runtime: the desk's intake form (filled in) and the receipt it prints.
import { join } from 'node:path';
import { launchBrowser } from '../support/browser';
import { startHarness } from '../support/local';
import { signInAs } from './officers-support';

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
const DOCS = join(import.meta.dirname, '../../docs');
const h = await startHarness({ resume: false });
const browser = await launchBrowser();
try {
  await h.call('POST', '/_local/clock', { body: { set: '2026-12-14T09:00:00+07:00' } });
  const { page } = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i, { width: 1280, height: 1000 });
  await page.goto(`${h.runtime.apiUrl}/desk/receive`);
  await page.getByLabel('Tìm thủ tục theo mã hoặc tên').fill('lý lịch');
  await page.getByRole('radio', { name: /TP-LLTP/ }).check();
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Bình');
  await page.getByLabel('Thư điện tử').fill('binh@example.vn');
  await page.getByLabel('Số điện thoại (không bắt buộc)').fill('0912345678');
  await page.getByLabel('Tên giấy tờ 1').fill('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp');
  await page.getByLabel('Số hiệu / nơi lưu giấy tờ 1').fill('Bản chính, 01 bản');
  await page.screenshot({ path: join(DOCS, 'officers-receive.png'), fullPage: true });
  await page.getByRole('button', { name: 'Tiếp nhận và in giấy biên nhận' }).click();
  await page.waitForURL(/\/receipt\//);
  await page.locator('svg.qr').waitFor();
  await page.screenshot({ path: join(DOCS, 'officers-receipt.png'), fullPage: true });
  console.log('written: docs/officers-receive.png, docs/officers-receipt.png');
} finally {
  await browser.close();
  await h.stop();
}
