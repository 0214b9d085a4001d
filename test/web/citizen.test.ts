import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../infra/local/runtime';
import { applicant, eventually, scenario, startHarness, type Email, type Harness } from '../support/local';
import { signInAs } from './officers-support';
import { launchBrowser, newPage, seriousViolations } from '../support/browser';
import { documents, pdf, sha256 } from '../support/documents';

const PHONE = { width: 390, height: 844 };
/** The machine is slow and shared: give the page time (expect.poll waits 1 s by default). */
const POLL = { timeout: 15_000 };
const centre = JSON.parse(readFileSync(join(ROOT, 'config/hanoi/centre.json'), 'utf8'));
/** Screenshots for the README, written only when asked (MOTCUA_SCREENSHOTS=1). */
const shoot = (page: Page, name: string, selector?: string) =>
  !process.env.MOTCUA_SCREENSHOTS
    ? Promise.resolve()
    : selector
      ? page.locator(selector).screenshot({ path: join(ROOT, 'docs', name) })
      : page.screenshot({ path: join(ROOT, 'docs', name), fullPage: true });

/**
 * The citizen's side in a real Chromium at phone size, through the local gateway: the letters in
 * the local mailbox, their links, the pages behind them.
 */
describe('the citizen: a letter, its link, the page (390×844)', () => {
  let h: Harness;
  let browser: Browser;
  let s: ReturnType<typeof scenario>;
  const t: Record<string, string> = {};
  const d: Record<'a' | 'b' | 'c' | 'd', { code: string; lookupPin: string }> = {} as never;
  const who = { a: applicant(41), b: applicant(42), c: applicant(43), d: applicant(44) };
  const urls: string[] = [];

  const link = (e: Email, code: string, fragment = '') => {
    const url = `${h.runtime.apiUrl}/c/${code}${fragment}`;
    expect(e.body.text).toContain(url);
    expect(e.body.html).toContain(`href="${url}"`);
    return url;
  };
  const phone = async () => {
    const p = await newPage(browser, PHONE);
    p.page.on('request', (r) => urls.push(r.url()));
    return p;
  };
  const typePin = async (page: Page, pin: string) => {
    await page.fill('#pin', pin);
    await page.click('button[type=submit]');
  };

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    s = scenario(h);
    await s.setClock('2026-12-02T10:00:00+07:00');
    t.desk = await h.token('desk-1', ['desk']);
    t.stp = await h.token('stp-1', ['agency-STP']);
    t.sdl = await h.token('sdl-1', ['agency-SDL']);
    d.a = await s.receive(t.desk, 'DL-LHND', who.a);
    d.b = await s.receive(t.desk, 'TP-LLTP', who.b);
    d.c = await s.receive(t.desk, 'TP-LLTP', who.c);
    d.d = await s.receive(t.desk, 'DL-LHND', who.d);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('opens the link of the receipt letter, takes the PIN, and reads the status, what to do next and the history', async () => {
    const receipt = await s.email(who.a.email, 'Giấy tiếp nhận');
    const url = link(receipt, d.a.code);
    const { page, errors, context } = await phone();
    await page.goto(url);
    await expect.poll(() => page.inputValue('#code'), POLL).toBe(d.a.code);
    await expect.poll(() => page.textContent('footer'), POLL).toContain(centre.hotline);
    expect(await seriousViolations(page)).toEqual([]);
    await typePin(page, d.a.lookupPin);
    await page.waitForSelector('#status-h');
    const main = (await page.textContent('main'))!;
    expect(main).toMatch(/Tình trạng: (Đã tiếp nhận|Đang xử lý)/);
    expect(main).toContain('Việc cần làm tiếp theo');
    expect(main).toContain(`Nhận kết quả từ Thứ`);
    expect(main).toContain(centre.address.vi);
    expect(main).toContain('Hồ sơ đã được tiếp nhận');
    expect(main).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // dates in words, never ISO
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width); // no sideways scrolling
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'citizen-page.png');

    // the appointment as a calendar file, made on the page: the collection window at the centre
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải lịch hẹn (.ics)')]);
    const ics = readFileSync((await download.path())!, 'utf8').replace(/\r\n /g, '');
    expect(ics).toContain(`UID:${d.a.code}@motcua`);
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z\r\nDTEND:\d{8}T(050000|100000)Z/); // ends at 12:00 or 17:00 local
    expect(ics).toContain(`LOCATION;LANGUAGE=vi:${centre.address.vi.replace(/,/g, '\\,')}`);

    // English on a switch
    await page.click('button.lang');
    await expect.poll(() => page.textContent('#next-h'), POLL).toBe('What to do next');
    await expect.poll(() => page.getAttribute('html', 'lang'), POLL).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads as well on a wide screen (1280×800): no overflow, no serious axe violation', async () => {
    const { page, errors, context } = await newPage(browser, { width: 1280, height: 800 });
    await page.goto(`${h.runtime.apiUrl}/c/${d.a.code}`);
    await typePin(page, d.a.lookupPin);
    await page.waitForSelector('#status-h');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says a wrong PIN is wrong, without telling whether the code exists', async () => {
    const { page, context } = await phone();
    await page.goto(`${h.runtime.apiUrl}/c/${d.a.code}`);
    await typePin(page, d.a.lookupPin === '12345678' ? '87654321' : '12345678');
    await expect.poll(() => page.textContent('[role=alert].error'), POLL).toContain('Mã hồ sơ hoặc mã PIN không đúng');
    expect(await page.locator('#status-h').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // an unknown code reads the same
    await page.fill('#code', 'TTHCC-261202-9999');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/public/dossiers/TTHCC-261202-9999')), typePin(page, '12345678')]);
    await expect.poll(() => page.textContent('[role=alert].error'), POLL).toContain('Mã hồ sơ hoặc mã PIN không đúng');
    await context.close();
  });

  it('sends a supplement from the link of the request letter (form 02): the file goes to the bucket and onto the dossier', async () => {
    await s.task('STP', t.stp, d.b.code, 's1-stp');
    await s.decide(t.stp, d.b.code, 's1-stp', {
      outcome: 'request-supplement',
      missing: ['Bản sao Căn cước công dân', 'Giấy xác nhận cư trú'],
      reason: 'Hồ sơ thiếu giấy tờ tùy thân',
    });
    const request = await s.email(who.b.email, 'Phiếu yêu cầu bổ sung');
    const url = link(request, d.b.code, '#supplement');
    const { page, errors, context } = await phone();
    await page.goto(url);
    await typePin(page, d.b.lookupPin);
    await page.waitForSelector('#supplement');
    const section = (await page.textContent('#supplement'))!;
    expect(section).toContain('Bản sao Căn cước công dân');
    expect(section).toContain('Hồ sơ thiếu giấy tờ tùy thân');
    expect(section).toContain('không có hạn bổ sung được ấn định');
    expect(await seriousViolations(page)).toEqual([]);
    // a file that is not what it claims is refused in the page, before anything is sent
    await page.setInputFiles('#file-0', { name: 'cccd.pdf', mimeType: 'application/pdf', buffer: Buffer.from('@echo off\r\ndel *.*') });
    await page.click('#supplement button[type=submit]');
    await expect.poll(() => page.textContent('[data-testid=supplement-alert]'), POLL).toContain('chỉ nhận tệp PDF, JPG hoặc PNG');
    // one file of the two asked for: a warning first, naming what is still missing
    const file = pdf(4096, 'CCCD 001190012345');
    await page.setInputFiles('#file-0', { name: 'cccd.pdf', mimeType: 'application/pdf', buffer: file });
    await page.fill('#supplement-note', 'Bản sao có chứng thực');
    await page.click('#supplement button[type=submit]');
    await expect.poll(() => page.textContent('[data-testid=supplement-alert]'), POLL).toContain('Chưa có tệp cho: Giấy xác nhận cư trú');
    expect((await s.dossier(t.desk, d.b.code)).status).toBe(5); // nothing sent yet
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('#supplement button[type=submit]'); // sent anyway, knowingly
    await expect.poll(() => page.textContent('#status-h'), POLL).toContain('Đang xử lý');
    expect(await page.textContent('#flash')).toContain('Đã gửi phần bổ sung');
    // the dossier's files: the recorded document, uploaded by the citizen in this supplement round
    const dossier = await s.dossier(t.desk, d.b.code);
    expect(dossier.files).toHaveLength(1);
    const [recorded] = dossier.files;
    expect(recorded).toMatchObject({ name: 'Bản sao Căn cước công dân: cccd.pdf', contentType: 'application/pdf', size: file.length, sha256: sha256(file), uploaderKind: 'citizen', stage: 'supplement' });
    expect(dossier.documents).toContainEqual({ name: 'Bản sao Căn cước công dân: cccd.pdf', ref: `document:${recorded.documentId}` });
    expect(dossier.documents.map((x: { ref: string }) => x.ref).join()).not.toContain('citizen-upload:');
    // down to the object in the bucket: the very bytes the phone held
    const s3 = new S3Client({ endpoint: h.runtime.documents.endpoint, forcePathStyle: true, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const object = await s3.send(new GetObjectCommand({ Bucket: h.runtime.documents.bucket, Key: `dossiers/${d.b.code}/${recorded.documentId}` }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(file)).toBe(true);
    s3.destroy();
    // the agency opens the very file from the dossier's page
    const officer = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Sở Tư pháp/);
    await officer.page.goto(`${h.runtime.apiUrl}/dossier/${d.b.code}`);
    const files = officer.page.getByTestId('files');
    await expect.poll(() => files.textContent(), POLL).toContain('Bản sao Căn cước công dân: cccd.pdf');
    expect(await files.textContent()).toContain('công dân gửi');
    const downloaded = await eventually(async () => {
      const [download] = await Promise.all([
        officer.page.waitForEvent('download', { timeout: 3000 }),
        officer.page.getByRole('button', { name: 'Tải về Bản sao Căn cước công dân: cccd.pdf' }).click(),
      ]);
      return readFileSync((await download.path())!);
    }, 30_000); // the malware-scan stand-in tags the copy first (409 until then)
    expect(downloaded.equals(file)).toBe(true);
    expect(officer.errors.filter((e) => !/409/.test(e))).toEqual([]);
    await officer.context.close();
    await s.email(who.b.email, 'Đã nhận hồ sơ bổ sung');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('withdraws another dossier, with the reason, after a confirmation', async () => {
    const { page, errors, context } = await phone();
    await page.goto(`${h.runtime.apiUrl}/c/${d.c.code}`);
    await typePin(page, d.c.lookupPin);
    await page.waitForSelector('#withdraw');
    await page.fill('#withdraw-reason', 'Không còn nhu cầu');
    await page.click('#withdraw button[type=submit]');
    await page.waitForSelector('[role=alertdialog]');
    expect(await page.textContent('[role=alertdialog]')).toContain('không thể hoàn tác');
    expect(await seriousViolations(page)).toEqual([]);
    expect((await s.dossier(t.desk, d.c.code)).status).not.toBe(7); // nothing sent before the confirmation
    await page.click('text=Xác nhận rút hồ sơ');
    await expect.poll(() => page.textContent('#status-h'), POLL).toContain('Đã rút hồ sơ');
    expect(await page.locator('#withdraw').count()).toBe(0);
    const dossier = await s.dossier(t.desk, d.c.code);
    expect(dossier.status).toBe(7);
    expect(dossier.stop.reason).toBe('Không còn nhu cầu');
    await s.email(who.c.email, 'đã được rút');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('rates the service from the rating invitation, once, after the return', async () => {
    await s.task('SDL', t.sdl, d.d.code, 's1-sdl');
    await s.decide(t.sdl, d.d.code, 's1-sdl', { outcome: 'approve' });
    await s.task('TTHCC', t.desk, d.d.code, 'return');
    await s.decide(t.desk, d.d.code, 'return', { outcome: 'approve' });
    await s.status(t.desk, d.d.code, 10);
    const invitation = await s.email(who.d.email, 'Mời đánh giá');
    expect(invitation.body.text).not.toContain('POST');
    const url = link(invitation, d.d.code, '#rating');
    const { page, errors, context } = await phone();
    await page.goto(url);
    await typePin(page, d.d.lookupPin);
    await page.waitForSelector('#rating form');
    expect(await page.textContent('#status-h')).toContain('Đã trả kết quả');
    expect(await seriousViolations(page)).toEqual([]);
    await page.check('input[name=score][value="4"]');
    await page.fill('#rating-comment', 'Nhanh gọn, cán bộ nhiệt tình');
    await page.click('#rating button[type=submit]');
    await expect.poll(() => page.textContent('#rating'), POLL).toContain('4/5');
    expect(await page.locator('#rating form').count()).toBe(0); // once
    expect((await s.dossier(t.desk, d.d.code)).rating).toMatchObject({ score: 4, comment: 'Nhanh gọn, cán bộ nhiệt tình' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"I lost my PIN": the same neutral answer whatever the code', async () => {
    const { page, context } = await phone();
    await page.goto(`${h.runtime.apiUrl}/c/${d.a.code}`);
    await page.click('text=Tôi mất mã PIN');
    await expect.poll(() => page.inputValue('#lost-code'), POLL).toBe(d.a.code);
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=status].ok'), POLL).toContain('Nếu mã hồ sơ đúng');
    const known = await page.textContent('[role=status].ok');
    await page.click('text=Quay lại tra cứu');
    await page.click('text=Tôi mất mã PIN');
    await page.fill('#lost-code', 'TTHCC-261202-9999');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/TTHCC-261202-9999/pin-reminder')), page.click('button[type=submit]')]);
    await expect.poll(() => page.textContent('[role=status].ok'), POLL).toBe(known);
    await context.close();
  });

  it('"I lost my PIN" end to end: the old PIN works until the letter’s code is entered from its link, then the new PIN opens the dossier and the old one no longer does', async () => {
    // the test above asked for a new PIN for A's dossier: the letter carries it and a one-time code (and only the letter)
    const letter = await s.email(who.a.email, 'Mã PIN tra cứu mới');
    const pin = /(\d{8})/.exec(letter.body.text)?.[1];
    const code = /Mã xác nhận: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(letter.body.text)?.[1];
    expect(pin).toBeDefined();
    expect(code).toBeDefined();
    expect(pin).not.toBe(d.a.lookupPin);
    // a stranger could have asked: nothing changed yet
    expect((await h.call('GET', `/public/dossiers/${d.a.code}`, { headers: { 'x-lookup-pin': d.a.lookupPin } })).status).toBe(200);
    const { page, errors, context } = await phone();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(link(letter, d.a.code, `#confirm-pin=${code}`));
    // the link opens the confirmation, its code in the field and out of the address bar
    await expect.poll(() => page.inputValue('#confirmation'), POLL).toBe(code!);
    expect(page.url()).not.toContain(code!);
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('#confirm-pin button[type=submit]');
    await expect.poll(() => page.textContent('#confirm-pin [role=status]'), POLL).toContain('Đã xác nhận');
    await page.click('text=Quay lại tra cứu');
    await typePin(page, pin!);
    await page.waitForSelector('#status-h');
    expect(await page.textContent('main')).toMatch(/Tình trạng:/);
    expect(page.url()).not.toContain(pin!);
    // neither the PIN nor the code in any URL the page asked for
    expect(requested.filter((u) => u.includes(pin!) || u.includes(code!) || u.includes(code!.replace('-', '')))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
    expect((await h.call('GET', `/public/dossiers/${d.a.code}`, { headers: { 'x-lookup-pin': d.a.lookupPin } })).status).toBe(404);
    d.a.lookupPin = pin!;
  });

  it('"I lost my PIN": a wrong confirmation code typed by hand is told, in the page’s language', async () => {
    const { page, context } = await phone();
    await page.goto(`${h.runtime.apiUrl}/c/${d.a.code}`);
    await page.click('text=Tôi mất mã PIN');
    await page.fill('#confirmation', 'AAAAA-AAAAA');
    await page.click('#confirm-pin button[type=submit]');
    await expect.poll(() => page.textContent('#confirm-pin [role=alert]'), POLL).toContain('Mã xác nhận không đúng');
    await context.close();
  });

  it('renders every letter in the browser: the link to the page, the centre, no PIN, readable on a phone', async () => {
    // A's agency lets its due time pass: the apology (form 04) in plain words
    await h.advance('P14D');
    const apology = await s.email(who.a.email, 'Phiếu xin lỗi');
    expect(apology.body.text).not.toContain('passed its due time undecided');
    expect(apology.body.text).toContain('hồ sơ cần thêm thời gian');
    const all = (await h.emails()).filter((e) => Object.values(who).some((w) => e.destination.to.includes(w.email)));
    const kinds = new Set(all.map((e) => e.subject.split(' / ')[0]!.replace(/\s*TTHCC-\S+/, '')));
    expect(kinds.size).toBeGreaterThanOrEqual(8);
    const pins = Object.values(d).map((x) => x.lookupPin);
    const { page, context } = await phone();
    let shot = false;
    for (const e of all) {
      const code = Object.values(d).find((x) => e.subject.includes(x.code))!.code;
      // no letter carries a PIN, but the one whose point it is: the new PIN asked for ("I lost my PIN"), and only its own
      const own = e.subject.includes('Mã PIN tra cứu mới') ? d.a.lookupPin : undefined;
      for (const pin of pins.filter((p) => p !== own)) expect(e.body.text + e.body.html, e.subject).not.toContain(pin);
      await page.setContent(e.body.html);
      // a reminder's letter takes its one-time code to the page in the fragment (never a query)
      const confirmation = /Mã xác nhận: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(e.body.text)?.[1];
      const fragment = e.subject.includes('Mời đánh giá') ? '#rating' : e.subject.includes('Phiếu yêu cầu bổ sung') ? '#supplement' : confirmation ? `#confirm-pin=${confirmation}` : '';
      const href = `${h.runtime.apiUrl}/c/${code}${fragment}`;
      expect(await page.locator(`a[href="${href}"]`).count(), e.subject).toBe(4); // a button and the plain link, in each language
      const text = (await page.textContent('body'))!;
      for (const s of [centre.name.vi, centre.address.vi, centre.openingHours.vi, centre.hotline, centre.name.en, 'Việc cần làm tiếp theo', 'What to do next']) {
        expect(text, `${e.subject}: ${s}`).toContain(s);
      }
      expect(text).toContain(code);
      // readable on a phone: nothing wider than the screen
      expect(await page.evaluate("document.documentElement.scrollWidth"), e.subject).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(page), e.subject).toEqual([]);
      if (!shot && e.subject.includes('Giấy tiếp nhận')) {
        await shoot(page, 'citizen-letter.png', 'section[lang=vi]');
        shot = true;
      }
    }
    await context.close();
  });

  it('never puts a PIN in a URL the pages requested', () => {
    expect(urls.length).toBeGreaterThan(10);
    for (const pin of Object.values(d).map((x) => x.lookupPin)) expect(urls.filter((u) => u.includes(pin))).toEqual([]);
  });
});

describe('the public part of the centre profile', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ resume: false });
  });
  afterAll(() => h?.stop());

  it('GET /public/centre: name, address, hours, hotline and portal; never the sender, region or alarm address', async () => {
    const res = await h.call('GET', '/api/public/centre');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['address', 'hotline', 'name', 'openingHours', 'portalUrl']);
    expect(res.body.hotline).toBe(centre.hotline);
    // locally the portal is this gateway, so the letters' links work
    expect(res.body.portalUrl).toBe(h.runtime.apiUrl);
    expect(JSON.stringify(res.body)).not.toMatch(/sender|alarm|ap-southeast|no-reply/);
  });
});

/**
 * The result returned electronically, on the citizen's page: the page read a `resultDocuments`
 * field the API never answered (its hand-written types hid it) and so never showed a result;
 * with its types generated from the contract it lists the lookup's result documents.
 */
describe('the citizen: the electronic result on the page', () => {
  let h: Harness;
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('lists the result file once the result is handed back, and its button fetches the download link', async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    const s = scenario(h);
    const files = documents(h);
    await s.setClock('2026-12-02T10:00:00+07:00');
    const desk = await h.token('desk-1', ['desk']);
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    const { code, lookupPin } = await s.receive(desk, 'DL-LHND', applicant(45));
    await s.task('SDL', sdl, code, 's1-sdl');
    const result = await files.upload(code, { token: sdl }, pdf(6000), { name: 'Giấy phép kinh doanh lữ hành.pdf', purpose: 'result' });
    await s.decide(sdl, code, 's1-sdl', { outcome: 'approve', resultDocument: { documentId: result.documentId } });
    await s.task('TTHCC', desk, code, 'return');
    await s.decide(desk, code, 'return', { outcome: 'approve' });
    await s.status(desk, code, 10);
    await h.runtime.documents.scanner.idle();
    const { page, context } = await newPage(browser, PHONE);
    await page.goto(`${h.runtime.apiUrl}/c/${code}`);
    await page.fill('#pin', lookupPin);
    await page.click('button[type=submit]');
    const section = page.locator('#result');
    await section.waitFor(POLL);
    expect(await section.textContent()).toContain('Giấy phép kinh doanh lữ hành.pdf');
    const asked = page.waitForResponse((r) => r.url().includes(`/api/public/dossiers/${code}/documents/${result.documentId}`), POLL);
    await section.getByRole('button', { name: 'Tải về' }).click();
    expect((await asked).status()).toBe(200);
    await context.close();
  });
});
