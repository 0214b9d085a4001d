import { buildWeb } from '../../web/build';

/**
 * The browser tier's global setup (vitest.config.ts): the pages are built once for the run, before
 * any browser file starts, not once per file (≈ 3–5 s each on this machine). The files' workers
 * inherit the variable; test/support/browser.ts builds them itself when it is absent (a script
 * such as test/web/screenshots.ts, or one file run without this setup).
 */
export default async function setup(): Promise<void> {
  await buildWeb({ minify: false });
  process.env.MOTCUA_WEB_BUILT = '1';
}
