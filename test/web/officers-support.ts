import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newPage, seriousViolations } from '../support/browser';
// Evaluated in the page (the tests' tsconfig has no DOM lib).
declare const document: any;
declare const Image: any;

/** Sign in on the local sign-in page by clicking the officer's button (as a newcomer would). */
export async function signInAs(browser: Browser, baseUrl: string, button: RegExp, size?: { width: number; height: number }) {
  const opened = await newPage(browser, size);
  const { page } = opened;
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  return opened;
}

/** axe on the page as it stands: no serious or critical violation. */
export async function expectAccessible(page: Page, where: string) {
  expect(await seriousViolations(page), where).toEqual([]);
}

/** Decode the QR code shown by `selector` from a screenshot of it (pixels decoded by jsQR). */
export async function decodeQr(browser: Browser, page: Page, selector: string): Promise<string | undefined> {
  const png = await page.locator(selector).screenshot();
  const scratch = await browser.newPage();
  try {
    const { width, height, data } = await scratch.evaluate(async (b64: string) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const pixels = ctx.getImageData(0, 0, img.width, img.height);
      return { width: img.width, height: img.height, data: Array.from(pixels.data) };
    }, png.toString('base64'));
    return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
  } finally {
    await scratch.close();
  }
}
