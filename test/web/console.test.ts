import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';
import { expectAccessible, signInAs } from './officers-support';
// Evaluated in the page (the tests' tsconfig has no DOM lib).
declare const document: any;

const SHOT = process.env.CONSOLE_SCREENSHOT; // a path: the dashboard's picture for the README

/**
 * The operators' console in the browser, on the local runtime: a bounced letter reaches the
 * dossier page, the desk's calls and the console's letters (and is sent again); the dashboard's
 * figures are the timeliness report's; a wrong calendar date is shown beside its field; an
 * officer who is not an operator sees none of it.
 */
describe('the operators’ console', () => {
  let h: Harness;
  let browser: Browser;
  let desk: string, stp: string, catp: string, operator: string;
  const codes: Record<string, string> = {};
  const bounceWho = { ...applicant(51), email: 'bounce@simulator.amazonses.com', phone: '0987654321' };
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    const s = scenario(h);
    await s.setClock('2026-12-01T09:00:00+07:00'); // a Tuesday
    [desk, stp, catp, operator] = await Promise.all([h.token('desk-c', ['desk']), h.token('stp-c', ['agency-STP']), h.token('catp-c', ['agency-CATP']), h.token('op-c', ['operator'])]);
    const a = await s.receive(desk, 'TP-LLTP', applicant(52));
    const b = await s.receive(desk, 'TP-LLTP', applicant(53));
    const c = await s.receive(desk, 'TP-LLTP', applicant(54));
    const bounced = await s.receive(desk, 'DL-LHND', bounceWho);
    Object.assign(codes, { a: a.code, b: b.code, c: c.code, bounced: bounced.code });
    for (const x of [a, b, c]) await s.task('STP', stp, x.code);
    await s.decide(stp, a.code, 's1-stp', { outcome: 'approve' });
    await s.decide(stp, b.code, 's1-stp', { outcome: 'approve' });
    await s.decide(stp, c.code, 's1-stp', { outcome: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền' });
    for (const x of [a, b]) await s.task('CATP', catp, x.code);
    await s.decide(catp, a.code, 's2-catp', { outcome: 'approve' });
    await s.task('TTHCC', desk, a.code);
    await s.decide(desk, a.code, 'return', { outcome: 'approve' });
    await s.status(desk, a.code, 10);
    expect((await h.call('POST', `/public/dossiers/${a.code}/rating`, { headers: { 'x-lookup-pin': a.lookupPin }, body: { score: 4 } })).status).toBe(201);
    // b: the City Police's time runs out (an apology), then it decides late
    await h.advance('P15D');
    await eventually(async () => (await s.dossier(desk, b.code)).steps?.[1]?.extensions === 1, 60_000);
    await s.decide(catp, b.code, 's2-catp', { outcome: 'approve' });
    await s.task('TTHCC', desk, b.code); // settled: the return step waits at the desk
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('a bounce on a letter reaches the dossier page, the desk’s calls and the console’s letters, which sends it again', async () => {
    const code = codes.bounced!;
    const letters = () => h.call('GET', `/dossiers/${code}`, { token: desk }).then((r) => r.body.emails as { eventKey: string; state: string; resends: number }[]);
    const seen = await eventually(async () => (await letters()).find((e) => e.eventKey === 'receipt' && e.state === 'bounced'), 60_000);
    expect(seen.state).toBe('bounced');

    const d = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await d.page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await d.page.locator(`[data-letter="receipt"] [data-letter-state="bounced"]`).waitFor();
    expect(await d.page.locator(`[data-letter="receipt"] [data-letter-state]`).textContent()).toBe('bị trả lại');
    await d.page.goto(`${h.runtime.apiUrl}/desk`);
    const call = d.page.locator(`[data-call="${code}"]`).first();
    await call.waitFor();
    const text = await call.textContent();
    expect(text).toContain('hãy gọi điện cho công dân');
    expect(text).toContain('987654321'); // the applicant's phone, as stored (+84…)
    await expectAccessible(d.page, '/desk with a call');
    expect(d.errors).toEqual([]);
    await d.context.close();

    const o = await signInAs(browser, h.runtime.apiUrl, /Quản trị vận hành/);
    await o.page.getByRole('link', { name: 'Bảng điều hành' }).click();
    await o.page.getByRole('link', { name: 'Thư không đến' }).click();
    const row = o.page.locator(`[data-email="${code}~receipt"]`);
    await row.waitFor();
    await expectAccessible(o.page, '/console/letters');
    await row.getByRole('button', { name: `Gửi lại thư ${code}~receipt` }).click();
    await o.page.getByText(`Đã xếp thư ${code}~receipt vào hàng gửi lại.`).waitFor();
    // the simulator bounces it again: the letter is back in the list once SES reports it
    const states = ['bounced'];
    await eventually(async () => {
      const now = (await letters()).find((e) => e.eventKey === 'receipt');
      if (now && now.state !== states[states.length - 1]) states.push(now.state);
      return now?.resends === 1 && now.state === 'bounced';
    }, 30_000);
    console.log(`delivery states seen for ${code}~receipt: ${states.join(' → ')}`);
    await o.page.reload();
    await row.waitFor();
    expect(o.errors).toEqual([]);
    await o.context.close();
  }, 120_000);

  it('the dashboard’s figures for these dossiers are the timeliness report’s, and each number opens its dossiers', async () => {
    const from = '2026-11-01';
    const to = '2026-12-31';
    const report = async (by: string) => (await h.call('GET', `/reports/timeliness?from=${from}&to=${to}&by=${by}`, { token: operator })).body;
    const [byAgency, byProcedure] = [await report('agency'), await report('procedure')];
    expect(byProcedure.total.steps.refusals).toBe(1);
    expect(byProcedure.total.steps.apologies).toBeGreaterThanOrEqual(1);
    expect(byProcedure.total.dossiers.ratingAverage).toBe(4);

    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /Quản trị vận hành/, { width: 1280, height: 1000 });
    await page.goto(`${h.runtime.apiUrl}/console?from=${from}&to=${to}`);
    await page.locator('[data-table="procedure"]').waitFor();
    await page.locator('[data-chart="trend"]').waitFor();
    const cell = (by: string, key: string, m: string) => page.locator(`[data-cell="${by}:${key}:${m}"]`).textContent();
    const pct = (r: { steps: { rates: Record<string, number> | null } }, k: string) => (r.steps.rates ? `${r.steps.rates[k]}%` : '—');
    let compared = 0;
    for (const [by, rep] of [['agency', byAgency], ['procedure', byProcedure]] as const) {
      for (const r of [...rep.rows, rep.total]) {
        for (const m of ['steps', 'early', 'onTime', 'late', 'pending', 'apologies', 'supplements', 'refusals']) {
          expect(await cell(by, r.key, m), `${by} ${r.key} ${m}`).toBe(String(r.steps[m]));
          compared++;
        }
        for (const k of ['early', 'onTime', 'late']) {
          expect(await cell(by, r.key, `rate-${k}`), `${by} ${r.key} rate ${k}`).toBe(pct(r, k));
          compared++;
        }
        if (by === 'procedure') {
          expect(await cell(by, r.key, 'received')).toBe(String(r.dossiers.received));
          expect(await cell(by, r.key, 'dossierLate')).toBe(String(r.dossiers.late));
          expect(await cell(by, r.key, 'rating')).toBe(r.dossiers.ratingAverage === null ? '—' : String(r.dossiers.ratingAverage));
          compared += 3;
        }
      }
    }
    const figure = (k: string) => page.locator(`[data-figure="${k}"]`).textContent();
    expect(await figure('late')).toBe(pct(byProcedure.total, 'late'));
    expect(await figure('apologies')).toBe(String(byProcedure.total.steps.apologies));
    expect(await figure('refusals')).toBe(String(byProcedure.total.steps.refusals));
    expect(await figure('rating')).toContain(String(byProcedure.total.dossiers.ratingAverage));
    console.log(`dashboard: ${compared} cells equal to GET /reports/timeliness (by agency and by procedure, ${from}..${to})`);
    // the chart: one bar per agency, its parts the agency's rates
    const stp = byAgency.rows.find((r: { key: string }) => r.key === 'STP');
    expect(await page.locator('[data-chart="rates-by-agency"] [data-part="early"]').count()).toBe(byAgency.rows.filter((r: { steps: { rates: unknown } }) => r.steps.rates).length);
    expect(await page.locator('[data-chart="rates-by-agency"] desc').textContent()).toContain(`${stp.name.vi}: Trước hạn ${stp.steps.rates.early}%`);
    await expectAccessible(page, '/console');
    if (SHOT) await page.screenshot({ path: SHOT, fullPage: true });

    // one key press (or click): the dossiers behind STP's refusals, the same as the API's list
    await page.locator('[data-cell="agency:STP:refusals"] button').focus();
    await page.keyboard.press('Enter');
    const behind = page.getByTestId('behind');
    await behind.getByRole('status').filter({ hasText: 'hồ sơ' }).waitFor();
    expect(await behind.getByRole('link').allTextContents()).toEqual([codes.c]);
    const api = (await h.call('GET', `/reports/timeliness/dossiers?from=${from}&to=${to}&by=agency&key=STP&measure=refusals`, { token: operator })).body;
    expect(api.dossiers).toEqual([codes.c]);
    // the keyboard lands on the list's heading; the late step's dossier is behind CATP's late
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('behind-h');
    const late = (await h.call('GET', `/reports/timeliness/dossiers?from=${from}&to=${to}&by=agency&key=CATP&measure=late`, { token: operator })).body;
    expect(late.dossiers).toEqual([codes.b]);
    await behind.getByRole('link', { name: codes.c! }).click();
    await page.waitForURL(new RegExp(`/dossier/${codes.c}$`));

    // CSV: downloaded in the browser from the table
    await page.goBack();
    await page.locator('[data-table="agency"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Tải CSV — Tỷ lệ theo cơ quan/ }).click()]);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(download.suggestedFilename()).toBe(`timeliness-agency-${from}-${to}.csv`);
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFCơ quan,Mã,/); // headed in Vietnamese, no internal `code`
    expect(csv.split('\r\n').find((l) => l.includes(',STP,'))).toContain(`,STP,${stp.steps.steps},${stp.steps.early},${stp.steps.onTime},${stp.steps.late},`);

    // 768 px: nothing scrolls sideways; English on the switch
    await page.setViewportSize({ width: 768, height: 1000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page, '/console at 768');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Rates by agency' }).first().waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a calendar edit with a wrong date shows the error beside the field, and nothing is published', async () => {
    const before = (await h.call('GET', '/calendars/2027', { token: operator })).body;
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /Quản trị vận hành/);
    await page.goto(`${h.runtime.apiUrl}/console/calendars?year=2027`);
    await page.locator('[data-entry="0"]').waitFor();
    await expectAccessible(page, '/console/calendars');
    const n = await page.locator('[data-entry]').count();
    expect(n).toBe(before.entries.length);
    await page.getByRole('button', { name: 'Thêm một ngày' }).click();
    const entry = page.locator(`[data-entry="${n}"]`);
    await entry.getByLabel('Ngày').fill('2027-02-30');
    await entry.getByLabel('Tên (tiếng Việt)').fill('Ngày thử');
    await entry.getByLabel('Tên (tiếng Anh)').fill('A test day');
    await entry.getByLabel('Căn cứ pháp lý').fill('Thông báo số 1/TB-BNV');
    await page.getByRole('button', { name: 'Công bố lịch năm 2027' }).click();
    const error = page.locator(`[data-field-error="entries[${n}].date"]`);
    await error.waitFor();
    // in the page's language (issue 20: errors speak Vietnamese on a Vietnamese page)
    expect(await error.textContent()).toBe('Ngày có dạng YYYY-MM-DD và phải có thật');
    const input = entry.getByLabel('Ngày');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toContain(`entries[${n}].date-error`);
    // the keyboard lands on the field in error
    await eventually(async () => (await page.evaluate(() => document.activeElement?.id)) === `entries[${n}].date`);
    await expectAccessible(page, '/console/calendars with an error');
    const after = (await h.call('GET', '/calendars/2027', { token: operator })).body;
    expect(after.entries).toEqual(before.entries);
    // corrected, it is published
    await input.fill('2027-12-31');
    await page.getByRole('button', { name: 'Công bố lịch năm 2027' }).click();
    await page.getByText('Đã công bố lịch năm 2027.').waitFor();
    // the page reads the calendar again (stored, by this operator): the announcement stays
    await page.getByText(/Nguồn dữ liệu: đã lưu · Sửa lần cuối .* bởi operator-1/).waitFor();
    expect(await page.getByText('Đã công bố lịch năm 2027.').isVisible()).toBe(true);
    const published = (await h.call('GET', '/calendars/2027', { token: operator })).body;
    expect(published.entries.find((e: { date: string }) => e.date === '2027-12-31')).toMatchObject({ kind: 'holiday', source: 'Thông báo số 1/TB-BNV' });
    expect(published.origin).toBe('stored');
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]); // the refused publish's 400
    await context.close();
  }, 90_000);

  it('the other console pages show their data, accessible, for the operator', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /Quản trị vận hành/);
    const visit = async (path: string, wait: string) => {
      await page.goto(h.runtime.apiUrl + path);
      await page.locator(wait).first().waitFor();
      await expectAccessible(page, path);
    };
    await visit('/console/dossiers', 'main h1');
    await page.locator('[data-table="stalled"], main p:has-text("Mọi hồ sơ đang mở")').first().waitFor();
    // the DL-LHND dossier waits at SDL, untouched since 1/12, past its appointment
    await page.locator(`[data-overdue="${codes.bounced}"]`).waitFor();
    await expectAccessible(page, '/console/dossiers with overdue dossiers');
    await visit('/console/procedures', '[data-procedure="TP-LLTP"]');
    await visit('/console/agencies', '[data-agency="STP"]');
    await page.getByRole('button', { name: 'Sửa STP' }).click();
    await page.getByLabel('Thư điện tử nhận cảnh báo hạn').fill('not-an-email');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-field-error="email"]').waitFor();
    await expectAccessible(page, '/console/agencies with an error');
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  }, 90_000);

  it('an officer who is not an operator sees none of it: no link, the pages refuse, the API answers 403', async () => {
    for (const [who, token] of [[/bộ phận một cửa/i, desk], [/Cán bộ Sở Tư pháp/, stp]] as const) {
      const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, who);
      await page.locator('main h1').first().waitFor();
      expect(await page.getByRole('link', { name: 'Bảng điều hành' }).count()).toBe(0);
      for (const path of ['/console', '/console/letters', '/console/dossiers', '/console/calendars', '/console/procedures', '/console/agencies']) {
        await page.goto(h.runtime.apiUrl + path);
        await page.getByRole('alert').filter({ hasText: 'Trang này chỉ dành cho cán bộ quản trị vận hành.' }).waitFor();
        expect(await page.locator('table, svg.chart, form').count(), path).toBe(0);
      }
      await refusedByApi(token);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 90_000);

  async function refusedByApi(token: string) {
    for (const [method, path, body] of [
      ['GET', '/ops/emails?state=bounced'],
      ['GET', '/reports/timeliness?from=2026-12-01&to=2026-12-31&by=agency'],
      ['GET', '/reports/timeliness/dossiers?from=2026-12-01&to=2026-12-31&by=agency&key=STP&measure=late'],
      ['GET', '/ops/dossiers?state=failed'],
      ['GET', '/ops/overdue?quietDays=3'],
      ['POST', `/ops/emails/${codes.bounced}~receipt/resend`],
      ['POST', `/ops/dossiers/${codes.a}/resume`],
      ['PUT', '/calendars/2027', { year: 2027, status: 'announced', entries: [] }],
      ['PUT', '/agencies/STP', { kind: 'department', email: 'stp@example.gov.vn', name: { vi: 'Sở Tư pháp', en: 'Department of Justice' } }],
    ] as [string, string, unknown?][]) {
      expect((await h.call(method, path, { token, body })).status, `${method} ${path}`).toBe(403);
    }
  }
});

