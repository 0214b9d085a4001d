import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../functions/commons/outbox';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';
import { launchBrowser, seriousViolations } from '../support/browser';
import { signInAs } from './officers-support';

const POLL = { timeout: 15_000, interval: 200 };

/**
 * The operators' console page of the national portal connection (/console/connection): the
 * backlog, a parked event resent with its button, the last accepted call, the reconciliation's
 * differences after "Reconcile now" — against the local portal's stand-in; axe clean.
 */
describe('the console: the national portal connection', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: true, outbox: true, retryScale: 0.001 }), launchBrowser()]);
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T09:00:00+07:00' } });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('shows a parked event and resends it; reconciles and lists the dossier the portal lost', async () => {
    const s = scenario(h);
    const desk = await h.token('desk-1', ['desk']);
    const synced = await s.receive(desk, 'TP-LLTP', applicant(1));
    // its receipt and its hand-over to the first agency both accepted (nothing left to send)
    await eventually(async () => {
      const out = await listOutbox(synced.code);
      return out.some((e) => e.event.kind === 'step-assigned') && out.every((e) => e.portalState === 'sent');
    });
    // the portal forgets the first; is down for the second until it is parked
    await h.call('DELETE', `/_local/dvcqg/dossiers/${synced.code}`);
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: true } });
    const stuck = await s.receive(desk, 'TP-LLTP', applicant(2));
    await eventually(async () => (await listOutbox(stuck.code)).some((e) => e.portalState === 'parked'), 60_000); // 5.5 s of backoff at the 0.001 scale
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: false } });

    const op = await signInAs(browser, h.runtime.apiUrl, /Quản trị vận hành/, { width: 1280, height: 1000 });
    await op.page.goto(`${h.runtime.apiUrl}/console/connection`);
    await op.page.waitForSelector('[data-testid=sync-status]');
    expect(await op.page.textContent('[data-testid=sync-parked]')).toBe('1');
    expect(await op.page.textContent('[data-testid=sync-last]')).toMatch(/2026/);
    expect(await op.page.textContent('table[data-table=parked]')).toContain('503');
    expect(await seriousViolations(op.page)).toEqual([]);

    await op.page.getByRole('button', { name: `Gửi lại sự kiện ${stuck.code}.1` }).click();
    await expect.poll(() => op.page.textContent('main'), POLL).toContain('Đã đưa sự kiện');
    await eventually(async () => (await listOutbox(stuck.code)).every((e) => e.portalState === 'sent'));

    await op.page.getByRole('button', { name: 'Đối soát ngay' }).click();
    await op.page.waitForSelector('table[data-table=differences]');
    const differences = (await op.page.textContent('table[data-table=differences]'))!;
    expect(differences).toContain(synced.code);
    expect(differences).toContain('Cổng không có hồ sơ');
    expect(differences).not.toContain(stuck.code);
    expect(await seriousViolations(op.page)).toEqual([]);
    expect(op.errors).toEqual([]);
    await op.context.close();
  }, 120_000);
});
