import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, type Harness } from '../support/local';
import { launchBrowser, newPage, seriousViolations } from '../support/browser';
import { expectAccessible, signInAs } from './officers-support';

const PHONE = { width: 390, height: 844 };
const POLL = { timeout: 15_000 };

/**
 * Issue 24's browser test: a citizen sends feedback naming a dossier from a phone, the desk assigns
 * it to the agency, the agency answers, the citizen gets the answer by email, an operator publishes
 * it and it is found on the public page without any personal data.
 */
describe('feedback in the pages: the citizen, the desk, the agency, the operator', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    await scenario(h).setClock('2026-12-07T10:00:00+07:00');
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('is sent, assigned, answered by email, published and found without personal data', async () => {
    const s = scenario(h);
    const desk = await h.token('desk-1', ['desk']);
    const dossier = await s.receive(desk, 'TP-LLTP', applicant(61));
    const email = 'nguyen.lan@example.vn';

    // the citizen, on a phone: the form in Vietnamese, accessible
    const citizen = await newPage(browser, PHONE);
    await citizen.page.goto(`${h.runtime.apiUrl}/c/#feedback`);
    await citizen.page.waitForSelector('#feedback-form');
    expect(await seriousViolations(citizen.page)).toEqual([]);
    await citizen.page.selectOption('#fb-kind', 'handling');
    await citizen.page.fill('#fb-text', `Tôi là Nguyễn Thị Lan. Hồ sơ ${dossier.code} xin phiếu lý lịch tư pháp đã quá hạn, gọi tôi 0912 345 678.`);
    await citizen.page.fill('#fb-dossierCode', dossier.code);
    await citizen.page.fill('#fb-name', 'Nguyễn Thị Lan');
    await citizen.page.fill('#fb-email', 'not-an-address');
    await citizen.page.click('#feedback-form button[type=submit]');
    // the API's field error beside its field, in the page's language
    await citizen.page.waitForSelector('#fb-email-error');
    expect(await citizen.page.getAttribute('#fb-email', 'aria-invalid')).toBe('true');
    await citizen.page.fill('#fb-email', email);
    await citizen.page.click('#feedback-form button[type=submit]');
    await expect.poll(() => citizen.page.textContent('#feedback-form [role=status]'), POLL).toMatch(/PA-261207-\d{4}/);
    const code = /PA-261207-\d{4}/.exec((await citizen.page.textContent('#feedback-form [role=status]'))!)![0];
    expect(await citizen.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect((await s.email(email, `Đã tiếp nhận phản ánh, kiến nghị ${code}`)).body.text).toContain(code);

    // the desk assigns it to the Department of Justice
    const deskPage = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await deskPage.page.goto(`${h.runtime.apiUrl}/pakn`);
    await deskPage.page.waitForSelector(`[data-feedback="${code}"]`);
    expect(await deskPage.page.textContent(`[data-feedback="${code}"]`)).not.toContain('Nguyễn Thị Lan');
    await deskPage.page.click(`[data-feedback="${code}"] a`);
    await deskPage.page.waitForSelector('#fb-agency');
    await expectAccessible(deskPage.page, 'the item, at the desk');
    await deskPage.page.selectOption('#fb-agency', 'STP');
    await deskPage.page.click('form:has(#fb-agency) button[type=submit]');
    await expect.poll(() => deskPage.page.textContent('.feedback-item'), POLL).toContain('Đang xử lý');

    // the agency answers
    const stp = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Sở Tư pháp/);
    await stp.page.goto(`${h.runtime.apiUrl}/pakn/${code}`);
    await stp.page.waitForSelector('#fb-answer');
    await stp.page.fill('#fb-answer', 'Phiếu lý lịch tư pháp của bà Nguyễn Thị Lan đã được ký ngày 08/12/2026; Sở xin lỗi vì sự chậm trễ.');
    await stp.page.click('form:has(#fb-answer) button[type=submit]');
    await expect.poll(() => stp.page.textContent('.feedback-item'), POLL).toContain('Đã trả lời');
    expect((await s.email(email, `Trả lời phản ánh, kiến nghị ${code}`)).body.text).toContain('đã được ký ngày 08/12/2026');

    // an operator publishes it
    const op = await signInAs(browser, h.runtime.apiUrl, /Quản trị vận hành/);
    await op.page.goto(`${h.runtime.apiUrl}/pakn/${code}`);
    await op.page.getByRole('button', { name: /Công khai/ }).click();
    await expect.poll(() => op.page.textContent('.feedback-item'), POLL).toContain('Đã công khai');

    // the public page finds it, without diacritics, and nothing names the citizen
    const reader = await newPage(browser, PHONE);
    await reader.page.goto(`${h.runtime.apiUrl}/c/#feedback`);
    await reader.page.fill('#fb-q', 'ly lich tu phap');
    await reader.page.click('form[role=search] button[type=submit]');
    await expect.poll(() => reader.page.locator('article.answer').count(), POLL).toBe(1);
    const published = (await reader.page.textContent('article.answer'))!;
    expect(published).toContain('lý lịch tư pháp');
    for (const personal of ['Nguyễn', 'Lan', email, '0912', dossier.code]) expect(published).not.toContain(personal);
    expect(await seriousViolations(reader.page)).toEqual([]);
    // the citizen's page met the 400 it was meant to (the wrong address), nothing else
    expect(citizen.errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    for (const p of [deskPage, stp, op, reader]) expect(p.errors).toEqual([]);
  }, 180_000);
});
