import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';
import { expectAccessible, signInAs } from './officers-support';
// Evaluated in the page (the tests' tsconfig has no DOM lib).
declare const document: any;
type HTMLOptionElement = { value: string };

/** Click the queue's Refresh until the dossier's row shows (the workflow assigns steps asynchronously). */
async function openFromQueue(page: Page, code: string) {
  await eventually(async () => {
    await page.getByRole('button', { name: 'Làm mới' }).click();
    return (await page.locator(`tr[data-dossier="${code}"]`).count()) === 1;
  });
  await page.locator(`tr[data-dossier="${code}"]`).getByRole('link', { name: code }).click();
  await page.waitForURL(new RegExp(`/dossier/${code}$`));
  await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
}

describe('agencies work from their queues', () => {
  let h: Harness;
  let browser: Browser;
  let s: ReturnType<typeof scenario>;
  let desk: string;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('the Department of Justice approves from its queue; the City Police asks for a supplement, then reports a delay on a working day', async () => {
    const { code } = await s.receive(desk, 'TP-LLTP', applicant(1));
    const stp = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Sở Tư pháp/);
    expect(new URL(stp.page.url()).pathname).toBe('/queue/STP');
    await openFromQueue(stp.page, code);
    await expectAccessible(stp.page, '/queue → /dossier as STP');
    expect(await stp.page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(1);
    await stp.page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await stp.page.getByLabel('Ghi chú (không bắt buộc)').fill('Không có án tích');
    await stp.page.getByRole('button', { name: 'Duyệt: Xác nhận' }).click();
    await stp.page.getByText('Đã ghi nhận.').waitFor();
    const approved = await eventually(async () => (await s.dossier(desk, code)).steps.find((x: { stepId: string; outcome?: string }) => x.stepId === 's1-stp' && x.outcome === 'approve'));
    expect(approved.history.at(-1).note).toBe('Không có án tích');
    // The STP officer now sees no action on this dossier: its step is decided.
    await stp.page.reload();
    await stp.page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    expect(await stp.page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    expect(stp.errors).toEqual([]);
    await stp.context.close();

    // The City Police: a supplement first.
    const catp = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Công an thành phố/);
    await openFromQueue(catp.page, code);
    await catp.page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await catp.page.getByRole('button', { name: 'Yêu cầu bổ sung: Xác nhận' }).click();
    // The API's errors, beside the fields they name.
    await catp.page.locator('[data-field-error="s2-catp-missing"]').waitFor();
    expect(await catp.page.locator('[data-field-error="s2-catp-reason"]').count()).toBe(1);
    await expectAccessible(catp.page, '/dossier with the API’s errors');
    await catp.page.getByLabel('Giấy tờ còn thiếu (mỗi dòng một giấy tờ)').fill('Bản sao sổ hộ khẩu\nẢnh 4x6');
    await catp.page.getByLabel('Lý do').fill('Thiếu giấy tờ xác minh nơi cư trú');
    await catp.page.getByRole('button', { name: 'Yêu cầu bổ sung: Xác nhận' }).click();
    await catp.page.getByText('Đã ghi nhận.').waitFor();
    await s.status(desk, code, 5);

    // The citizen brings the documents to the desk: the dossier is in the desk's list of those waiting.
    const deskPage = await signInAs(browser, h.runtime.apiUrl, /bộ phận một cửa/i);
    await deskPage.page.locator(`ul.waiting li[data-dossier="${code}"]`).getByRole('link', { name: code }).click();
    await deskPage.page.waitForURL(new RegExp(`/dossier/${code}$`));
    await deskPage.page.getByLabel('Giấy tờ bổ sung (mỗi dòng một giấy tờ)').fill('Bản sao sổ hộ khẩu\nẢnh 4x6');
    await deskPage.page.getByRole('button', { name: 'Ghi nhận bổ sung' }).click();
    await deskPage.page.getByText('Đã ghi nhận.').waitFor();
    await expectAccessible(deskPage.page, '/dossier as the desk');
    await deskPage.context.close();
    await s.status(desk, code, 4);

    // Back at the City Police: a delay, to a working day picked from the calendar.
    await catp.page.goto(`${h.runtime.apiUrl}/queue/CATP`);
    await openFromQueue(catp.page, code);
    await catp.page.getByRole('button', { name: 'Báo chậm trễ' }).click();
    await catp.page.getByLabel('Lý do').fill('Chờ kết quả xác minh từ địa phương');
    await catp.page.getByRole('button', { name: 'Báo chậm trễ: Xác nhận' }).click();
    await catp.page.locator('[data-field-error="s2-catp-newDueAt"]').waitFor();
    const select = catp.page.getByLabel('Hạn xử lý mới của bước (chỉ ngày làm việc), 17:00');
    const options = await select.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(5);
    // Working days only: no Saturday (unless a make-up day) nor Sunday offered.
    expect(options.filter((o) => o.startsWith('Chủ nhật'))).toEqual([]);
    const values = (await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
    expect(values.every((v) => ![0, 6].includes(new Date(`${v}T12:00:00Z`).getUTCDay()) || v === '2026-12-26')).toBe(true);
    await select.selectOption(values[2]!);
    await catp.page.getByRole('button', { name: 'Báo chậm trễ: Xác nhận' }).click();
    await catp.page.getByText('Đã ghi nhận.').waitFor();
    const step = await eventually(async () => (await s.dossier(desk, code)).steps.find((x: { stepId: string; extensions: number }) => x.stepId === 's2-catp' && x.extensions > 0));
    expect(step.dueAt.slice(0, 10)).toBe(values[2]);
    await catp.page.reload();
    await catp.page.getByText(/Phiếu xin lỗi 1/).waitFor();
    await expectAccessible(catp.page, '/dossier after the delay');
    // The two refused submissions (400) are the only console messages.
    expect(catp.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await catp.context.close();
  });

  it('an agency officer sees neither another agency’s queue nor its actions', async () => {
    const { code } = await s.receive(desk, 'TP-LLTP', applicant(2));
    await s.task('STP', await h.token('stp-9', ['agency-STP']), code);
    const catp = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Công an thành phố/);
    await catp.page.goto(`${h.runtime.apiUrl}/queue/STP`);
    await catp.page.getByText('Bạn không xem được hàng chờ của Sở Tư pháp.').waitFor();
    expect(await catp.page.locator('table.queue').count()).toBe(0);
    await expectAccessible(catp.page, '/queue/STP as CATP');
    // CATP is on the dossier's route (stage 2) and may read it, but not act on STP's step.
    await catp.page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await catp.page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    expect(await catp.page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    expect(await catp.page.locator('form.act-form, section.act').count()).toBe(0);
    await catp.context.close();
    // Tourism is off the route: the dossier does not exist for it.
    const sdl = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Sở Du lịch/);
    await sdl.page.goto(`${h.runtime.apiUrl}/dossier/${code}`);
    await sdl.page.getByText(`Không có hồ sơ ${code}, hoặc bạn không được xem.`).waitFor();
    expect(await sdl.page.getByText(applicant(2).name).count()).toBe(0);
    await sdl.context.close();
  });
});
