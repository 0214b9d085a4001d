import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../infra/local/runtime';
import { startHarness, type Harness } from '../support/local';
import { launchBrowser, newPage, seriousViolations } from '../support/browser';
import { pdf } from '../support/documents';
import { pdfText } from '../support/pdf-text';
import { askCompletion } from '../support/online';

const PHONE = { width: 390, height: 844 };
const POLL = { timeout: 20_000 };
/** The README's picture of the portal on a phone, written only when asked (MOTCUA_SCREENSHOTS=1). */
const shoot = (page: Page, name: string) => (process.env.MOTCUA_SCREENSHOTS ? page.screenshot({ path: join(ROOT, 'docs', name), fullPage: true }) : Promise.resolve());
/** A name as someone types it on a phone without Vietnamese accents. */
const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

interface Field { name: string; label: { vi: string; en: string }; type: string; required?: boolean; prefill?: string; pattern?: string; options?: { value: string }[] }
/** A valid answer for a field the identity does not fill. */
function answerFor(f: Field): string | boolean {
  if (f.type === 'checkbox') return true;
  if (f.type === 'date') return '1990-05-17';
  if (f.type === 'number') return '2';
  if (f.type === 'email') return 'lan.nguyen@example.vn';
  if (f.type === 'tel') return '0912345678';
  if (f.type === 'select') return f.options![0]!.value;
  if (f.pattern) {
    for (const candidate of ['001099012345', '12345', '2024', 'AB123456', '0912345678', '01']) if (new RegExp(`^(?:${f.pattern})$`, 'u').test(candidate)) return candidate;
  }
  return 'Xin cấp để bổ sung hồ sơ xin việc';
}

/**
 * The citizens' portal (/dvc/) in a real Chromium at phone size, through the local gateway: a test
 * citizen signs in at the local national sign-in (the stand-in's page), finds a procedure typed
 * without diacritics, applies with a file, submits, and finds the dossier in "my dossiers" in
 * status 1. axe on every page; no token, PIN or personal datum in any address the page asks for.
 */
describe('the citizens’ portal: sign in, find, apply with a file, submit, my dossiers, complete (390×844)', () => {
  let h: Harness;
  let browser: Browser;
  let desk: string;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('a citizen signs in, finds a procedure without diacritics, applies with a file and sees it in status 1', async () => {
    // an online procedure of the seed's catalogue that needs a document
    const all = [...(await h.call('GET', '/public/procedures?level=fully')).body.items, ...(await h.call('GET', '/public/procedures?level=partly')).body.items];
    let chosen: any;
    for (const p of all) {
      const detail = (await h.call('GET', `/public/procedures/${p.code}`)).body;
      if (detail.online.documents.some((d: { required: boolean }) => d.required)) {
        chosen = detail;
        break;
      }
    }
    expect(chosen, 'an online procedure needing a document in config/hanoi').toBeDefined();
    const { page, errors, context } = await newPage(browser, PHONE);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    const accessible = async (what: string) => {
      expect(await seriousViolations(page), what).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth'), `${what} scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
    };

    // home: the name typed without diacritics finds it
    await page.goto(`${h.runtime.apiUrl}/dvc/`);
    await page.getByRole('heading', { name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    const words = plain(chosen.name.vi).toLowerCase().split(/\s+/).slice(0, 4).join(' ');
    await page.getByLabel('Tên thủ tục').fill(words);
    const link = page.getByRole('link', { name: chosen.name.vi });
    await link.waitFor(POLL);
    await accessible('home');
    await shoot(page, 'portal-search.png');
    // the filters: by level, by field
    await page.getByLabel('Mức độ trực tuyến').selectOption(chosen.online.level);
    await link.waitFor(POLL);
    await page.getByLabel('Lĩnh vực').selectOption(chosen.field.vi);
    await link.waitFor(POLL);

    // the procedure: what it needs
    await link.click();
    await page.getByRole('heading', { name: chosen.name.vi, level: 1 }).waitFor(POLL);
    const facts = (await page.textContent('main'))!;
    for (const d of chosen.online.documents) expect(facts).toContain(d.name.vi);
    expect(facts).toMatch(/Thời hạn giải quyết/);
    await accessible('procedure');

    // signing in: the national sign-in's page (the local stand-in), a test citizen picked
    await page.getByRole('link', { name: 'Đăng nhập để nộp hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).waitFor(POLL);
    await accessible('sign-in');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(/\/_local\/oidc\//, POLL);
    await page.getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
    // back on the portal, signed in, at the form
    await page.waitForURL(new RegExp(`/dvc/apply/${chosen.code}$`), POLL);
    await page.getByText('Đã đăng nhập: Nguyễn Thị Lan').waitFor(POLL);

    // step 1: the form, pre-filled from the national identity
    await page.getByRole('heading', { name: /Bước 1\/3/ }).waitFor(POLL);
    const form: Field[] = chosen.online.form;
    const named = form.find((f) => f.prefill === 'name');
    if (named) await expect.poll(() => page.inputValue(`#f-${named.name}`), POLL).toBe('Nguyễn Thị Lan');
    await accessible('apply: form');
    await shoot(page, 'portal-apply.png');
    // a required field left empty is named by its label
    const blank = form.find((f) => f.required && !f.prefill && f.type !== 'checkbox' && f.type !== 'select');
    if (blank) {
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await expect.poll(() => page.textContent('#form-errors'), POLL).toContain(`${blank.label.vi}: `);
      await accessible('apply: form with errors');
    }
    for (const f of form.filter((x) => (x.required || x.type === 'checkbox') && !x.prefill)) {
      const v = answerFor(f);
      if (f.type === 'checkbox') await page.check(`#f-${f.name}`);
      else if (f.type === 'select') await page.selectOption(`#f-${f.name}`, String(v));
      else await page.fill(`#f-${f.name}`, String(v));
    }
    expect(await page.locator('.field-error').count()).toBe(0); // each problem leaves with its correction
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // step 2: a file per required document (a file that is no PDF is refused in the page)
    await page.getByRole('heading', { name: /Bước 2\/3/ }).waitFor(POLL);
    await accessible('apply: files');
    const needed = chosen.online.documents.filter((d: { required: boolean }) => d.required) as { id: string; name: { vi: string } }[];
    await page.setInputFiles(`#file-${needed[0]!.id}`, { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.textContent('#form-errors'), POLL).toContain('chỉ nhận tệp PDF, JPG hoặc PNG');
    const files = new Map(needed.map((d, i) => [d.id, pdf(3000 + i, `${d.id} của Nguyễn Thị Lan`)]));
    for (const d of needed) await page.setInputFiles(`#file-${d.id}`, { name: `${d.id}.pdf`, mimeType: 'application/pdf', buffer: files.get(d.id)! });
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // step 3: review, declare, submit
    await page.getByRole('heading', { name: /Bước 3\/3/ }).waitFor(POLL);
    expect(await page.textContent('main')).toContain(`${needed[0]!.name.vi}: ${needed[0]!.id}.pdf`);
    await accessible('apply: review');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect.poll(() => page.textContent('[role=alert].error'), POLL).toContain('Vui lòng xác nhận lời cam đoan');
    await page.getByLabel('Tôi cam đoan những thông tin trên là đúng sự thật.').check();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor(POLL);
    const code = (await page.getByTestId('dossier-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{2,12}-\d{6}-\d{4,}$/);
    const done = (await page.textContent('main'))!;
    expect(done).toContain('Mới đăng ký');
    expect(done).toContain('trong vòng 8 giờ làm việc');
    await accessible('submitted');

    // the dossier: status 1, the files in the bucket and on it
    const dossier = (await h.call('GET', `/dossiers/${code}`, { token: desk })).body;
    expect(dossier.status).toBe(1);
    expect(dossier.files.length).toBe(needed.length);
    const s3 = new S3Client({ endpoint: h.runtime.documents.endpoint, forcePathStyle: true, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    for (const f of dossier.files as { documentId: string; key?: string; name: string; size: number }[]) {
      const want = [...files.values()].find((b) => b.length === f.size)!;
      const key = f.key ?? `dossiers/${code}/${f.documentId}`;
      const object = await s3.send(new GetObjectCommand({ Bucket: h.runtime.documents.bucket, Key: key }));
      expect(Buffer.from(await object.Body!.transformToByteArray()).equals(want)).toBe(true);
    }
    s3.destroy();

    // my dossiers: the new one in status 1, opened without a PIN
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    const mine = page.getByTestId('my-dossiers');
    await expect.poll(() => mine.textContent(), POLL).toContain(code);
    expect(await mine.locator(`li:has-text("${code}") [data-status]`).getAttribute('data-status')).toBe('1');
    expect(await mine.textContent()).toContain('Mới đăng ký');
    await accessible('my dossiers');
    await shoot(page, 'portal-my-dossiers.png');
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: code, level: 1 }).waitFor(POLL);
    await expect.poll(() => page.textContent('#status-h'), POLL).toContain('Mới đăng ký');
    await accessible('my dossier');

    // the desk asks to complete it (its check: request-completion)
    await askCompletion(h, code);
    await page.reload();
    await page.locator('#completion').waitFor(POLL);
    expect(await page.textContent('#completion')).toContain('Ảnh chụp bị mờ');
    await accessible('my dossier: completion asked');
    const clearer = pdf(5000, 'CCCD rõ nét');
    await page.setInputFiles(`#completion-file-${needed[0]!.id}`, { name: 'cccd-ro-net.pdf', mimeType: 'application/pdf', buffer: clearer });
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expect.poll(() => page.textContent('main'), POLL).toContain('Đã gửi phần bổ sung');
    await expect.poll(() => page.locator('#completion').count(), POLL).toBe(0); // the ask is answered
    const completed = (await h.call('GET', `/dossiers/${code}`, { token: desk })).body;
    expect(completed.status).toBe(1);
    expect(completed.files.map((f: { size: number }) => f.size)).toContain(clearer.length);

    // the desk receives it (its check, as the desk's page sends it): status 2, the appointment
    // counted from the receipt, form 01 by email to the address of the national identity
    const received = await h.call('POST', `/dossiers/${code}/check`, { token: desk, headers: { 'idempotency-key': `portal-receive-${code}` }, body: { outcome: 'receive' } });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(received.body).toMatchObject({ status: 2, outcome: 'receive' });
    await page.reload();
    // received: the judicial record's fee is due at submission (docs/fees.md), so status 6 with the fee to pay online
    await expect.poll(() => page.textContent('#status-h'), POLL).toMatch(/Yêu cầu thực hiện nghĩa vụ tài chính/);
    const receivedPage = (await page.textContent('main'))!;
    expect(receivedPage).toContain('Hẹn trả kết quả');
    expect(await page.textContent('[data-testid=fee-total]')).toBe('200.000 đ');
    expect(await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).isVisible()).toBe(true);
    await accessible('my dossier: received');
    await expect
      .poll(async () => (await h.emailsTo('lan.nguyen@example.vn')).some((e) => e.subject.includes(`Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${code}`)), POLL)
      .toBe(true);
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    // received, its fee due at submission (docs/fees.md): status 6
    await expect.poll(() => mine.locator(`li:has-text("${code}") [data-status]`).getAttribute('data-status'), POLL).toBe("6");
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: code, level: 1 }).waitFor(POLL);

    // English on the switch
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.textContent('#status-h'), POLL).toMatch(/Financial obligation/);
    await accessible('my dossier (English)');
    // the fee paid at the desk (cash): the page shows the receipt, and its PDF downloads without a PIN
    const cash = await h.call('POST', `/dossiers/${code}/payments`, { token: desk, headers: { 'idempotency-key': `portal-cash-${code}` }, body: { method: 'cash', amount: 200000 } });
    expect(cash.status, JSON.stringify(cash.body)).toBe(201);
    await page.reload();
    await page.waitForSelector('[data-testid=fee-receipt]', POLL);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the receipt (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bien-lai-.+\.pdf$/);
    const receiptText = pdfText(readFileSync((await download.path())!)).join('\n');
    expect(receiptText).toContain('Tổng cộng · Total: 200.000 đ');
    expect(receiptText).toContain('Người nộp · Payer: Nguyễn Thị Lan');
    await accessible('my dossier: paid, its receipt');

    // no token, PIN, identity number, name or email in any address asked for
    const token = await page.evaluate('JSON.parse(sessionStorage.getItem("motcua.citizen")).token');
    for (const u of urls) {
      const d = decodeURIComponent(u);
      for (const secret of [String(token), '001099012345', 'Nguyễn Thị Lan', 'lan.nguyen@example.vn']) expect(d, u).not.toContain(secret);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
  it('refuses a return from the provider whose state is not the page’s own, asks to sign in for my dossiers, and reads in English', async () => {
    const { page, errors, context } = await newPage(browser, PHONE);
    const signIns: string[] = [];
    page.on('request', (r) => r.url().endsWith('/api/public/sign-in') && signIns.push(r.url()));
    // a forged callback (no sign-in started in this tab): nothing is posted, the page says so
    await page.goto(`${h.runtime.apiUrl}/dvc/callback?code=stolen-code&state=forged`);
    await expect.poll(() => page.textContent('[role=alert].error'), POLL).toContain('Đăng nhập không thành công');
    expect(page.url()).toBe(`${h.runtime.apiUrl}/dvc/callback`); // the code left the address bar
    expect(signIns).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    // my dossiers, signed out: the way to sign in
    await page.goto(`${h.runtime.apiUrl}/dvc/my`);
    await page.getByText('Vui lòng đăng nhập để tiếp tục.').waitFor(POLL);
    expect(await seriousViolations(page)).toEqual([]);
    // the home page in English
    await page.goto(`${h.runtime.apiUrl}/dvc/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Apply online' }).waitFor(POLL);
    await expect.poll(() => page.getAttribute('html', 'lang'), POLL).toBe('en');
    await page.getByLabel('Online level').selectOption('none');
    await expect.poll(() => page.textContent('.results'), POLL).toContain('Construction permit');
    expect(await seriousViolations(page)).toEqual([]);
    // and on a wide screen
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
