import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/local';
import { launchBrowser, newPage, seriousViolations } from '../support/browser';

describe('the web pages are served by the local gateway, beside the API', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startHarness({ resume: false }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('serves the officers app at /, the citizen pages at /c/ and the portal at /dvc/, with security headers and no console error', async () => {
    for (const path of ['/', '/c/TTHCC-261201-0001', '/dvc/']) {
      const { page, errors, context } = await newPage(browser);
      const res = await page.goto(h.runtime.apiUrl + path);
      expect(res?.status()).toBe(200);
      expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await expect.poll(() => page.locator('h1').count()).toBe(1);
      expect(errors).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it('answers the API under /api too, and JSON (not a page) for an unknown API path', async () => {
    const token = await h.token('desk-1', ['desk']);
    const viaApi = await h.call('GET', '/api/procedures', { token });
    expect(viaApi.status).toBe(200);
    expect(viaApi.body.procedures?.length ?? viaApi.body.length).toBeGreaterThan(0);
    const unknown = await h.call('GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
  });
});
