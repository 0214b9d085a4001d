import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, localDay } from '../../web/shared/dates';
import { launchBrowser } from '../support/browser';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';
import { expectAccessible, signInAs } from './officers-support';

const POLL = { timeout: 15_000 };
const DAY = 86_400_000;

/** A Monday 09:00 in Vietnam at least `days` after this computer's today. */
function mondayAfter(days: number): Date {
  const d = new Date(Date.now() + days * DAY);
  const local = new Date(d.getTime() + 7 * 3600_000);
  const add = (8 - local.getUTCDay()) % 7;
  return new Date(`${new Date(local.getTime() + add * DAY).toISOString().slice(0, 10)}T09:00:00+07:00`);
}

/**
 * The officers' pages read the platform's clock (the Date header of its answers), not the
 * computer's: with the local platform's clock moved weeks ahead, the queue's badges, its
 * "updated at" and the dashboard's default period follow the platform.
 */
describe('the officers’ pages on the platform’s clock', () => {
  let h: Harness;
  let browser: Browser;
  let s: ReturnType<typeof scenario>;
  let desk: string;
  let code: string;
  let platform: Date;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
    s = scenario(h);
    const start = mondayAfter(40);
    expect((await s.setClock(start.toISOString())).status).toBe(200);
    desk = await h.token('desk-1', ['desk']);
    ({ code } = await s.receive(desk, 'TP-LLTP', applicant(71)));
    const stp = await h.token('stp-1', ['agency-STP']);
    const task = await s.task('STP', stp, code, 's1-stp');
    // the platform three hours before the step is due: "due soon" on the platform, weeks away on this computer
    platform = new Date(Date.parse(task.dueAt) - 3 * 3600_000);
    expect(platform.getTime()).toBeGreaterThan(start.getTime());
    expect((await s.setClock(platform.toISOString())).status).toBe(200);
    expect(Date.parse(task.dueAt) - Date.now()).toBeGreaterThan(30 * DAY);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('the queue: a step due in three hours on the platform is "Sắp đến hạn", updated at the platform’s date', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /Cán bộ Sở Tư pháp/);
    await page.goto(`${h.runtime.apiUrl}/queue/STP`);
    const row = page.locator(`tr[data-dossier="${code}"]`);
    await eventually(async () => {
      await page.getByRole('button', { name: 'Làm mới' }).click();
      return (await row.count()) === 1;
    });
    await expect.poll(() => row.locator('.badge').textContent(), POLL).toBe('Sắp đến hạn');
    const updated = (await page.locator('p[role=status]').textContent())!;
    expect(updated).toContain(`Cập nhật lúc ${formatDate(platform)}`);
    expect(updated).not.toContain(formatDate(new Date()));
    await expectAccessible(page, '/queue/STP on the platform’s clock');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the dashboard: the default period is the platform’s month to the platform’s today', async () => {
    const { page, errors, context } = await signInAs(browser, h.runtime.apiUrl, /Quản trị vận hành/);
    await page.goto(`${h.runtime.apiUrl}/console`);
    const today = localDay(platform);
    const first = `${today.slice(0, 8)}01`;
    await expect.poll(() => page.inputValue('#dash-to'), POLL).toBe(today);
    expect(await page.inputValue('#dash-from')).toBe(first);
    expect(await page.textContent('main')).toContain(`Kỳ báo cáo: ${formatDate(`${first}T12:00:00+07:00`)} – ${formatDate(`${today}T12:00:00+07:00`)}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
