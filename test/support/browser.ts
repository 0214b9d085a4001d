import sparticuz from '@sparticuz/chromium';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb } from '../../web/build';

/**
 * A real Chromium for the browser layer: the binary ships inside the @sparticuz/chromium npm
 * package (unpacked to /tmp on first use, about 5 s), driven by playwright-core. Nothing is
 * downloaded at test time. The pages (web/dist) are built once for the browser tier by its global
 * setup (test/support/web-built.ts), or here when run without it.
 */
let built: Promise<void> | undefined;
export const ensureWebBuilt = () => (built ??= process.env.MOTCUA_WEB_BUILT ? Promise.resolve() : buildWeb({ minify: false }).then(() => undefined));

export async function launchBrowser(): Promise<Browser> {
  await ensureWebBuilt();
  const executablePath = await sparticuz.executablePath();
  return chromium.launch({
    executablePath,
    headless: true,
    // sparticuz's own args are for Lambda (single process, web security off): keep only what a
    // headless Chromium as root on this machine needs, so the pages' CSP and same-origin rules hold.
    args: [
      '--no-sandbox',
      '--disable-setuid-sandbox',
      '--disable-gpu',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--font-render-hinting=none',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-domain-reliability',
      '--no-first-run',
      '--no-default-browser-check',
      '--no-pings',
      '--disable-sync',
    ],
  });
}

/** A fresh context (its own storage) at a size: 1280×800 officers, 390×844 a phone. */
export async function newPage(browser: Browser, size: { width: number; height: number } = { width: 1280, height: 800 }, locale = 'vi-VN') {
  const context: BrowserContext = await browser.newContext({ viewport: size, locale, timezoneId: 'Asia/Ho_Chi_Minh' });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/** axe-core on the page as it stands: the serious and critical violations (none expected). */
export async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}
