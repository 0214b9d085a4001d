// `npm run bench:web`: what each officers' page loads (JavaScript and CSS, gzip) beside a bare
// Preact page built in the same run, and how long the queue and the dossier page take to show
// their data on the local gateway (median of several loads), beside a static page with no
// script (/docs). Targets: ≤ 150 KB of JavaScript gzip; data within 1 s locally.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { buildWeb } from '../web/build';
import { launchBrowser, newPage } from '../test/support/browser';
import { applicant, scenario, startHarness } from '../test/support/local';
import { writePart } from './lib/harness';
import { median, round, table } from './lib/stats';

const REPS = Number(process.env.BENCH_WEB_REPS ?? 7);
const kb = (n: number) => round(n / 1024, 1);

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// The bare page: Preact rendering one heading, bundled the same way.
const dir = mkdtempSync(join(tmpdir(), 'motcua-bare-'));
writeFileSync(join(dir, 'main.tsx'), "import { render } from 'preact';\nrender(<h1>Một cửa</h1>, document.body);\n");
await build({ entryPoints: [join(dir, 'main.tsx')], bundle: true, format: 'esm', minify: true, outfile: join(dir, 'main.js'), jsx: 'automatic', jsxImportSource: 'preact', nodePaths: [join(process.cwd(), 'node_modules')], logLevel: 'warning' });
const bare = gzipSync(readFileSync(join(dir, 'main.js'))).length;

const h = await startHarness({ resume: false });
const browser = await launchBrowser(); // (builds web/dist unminified for the tests…)
const { metafiles } = await buildWeb({ minify: true, metafile: true }); // …so build it as shipped, after
const meta = metafiles.officers as import('esbuild').Metafile;
const byPackage = new Map<string, number>();
for (const [input, { bytesInOutput }] of Object.entries(Object.values(meta.outputs)[0]!.inputs)) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'motcua (own code)';
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
}
try {
  const s = scenario(h);
  await s.setClock('2026-12-02T10:00:00+07:00');
  const desk = await h.token('desk-1', ['desk']);
  const stp = await h.token('stp-1', ['agency-STP']);
  const codes: string[] = [];
  for (let i = 0; i < 20; i++) codes.push((await s.receive(desk, 'TP-LLTP', applicant(i))).code);
  await s.task('STP', stp, codes.at(-1)!);

  const { page, context } = await newPage(browser);
  await page.goto(`${h.runtime.apiUrl}/sign-in`);
  await page.getByRole('button', { name: /Cán bộ Sở Tư pháp/ }).click();
  await page.waitForURL(/\/queue\/STP/);
  // The session lives in the tab's sessionStorage: hand it to each new tab of the bench.
  const session = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string } }).sessionStorage.getItem('motcua.session'));
  await context.addInitScript((v: string) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('motcua.session', v), session);

  /** Bytes (gzip) of the scripts and style sheets a page loads, from a cold cache. */
  async function loaded(path: string, ready: (p: Page) => Promise<unknown>) {
    const fresh = await context.newPage();
    const assets: { type: string; bytes: number }[] = [];
    fresh.on('response', async (r) => {
      const type = r.request().resourceType();
      if (type === 'script' || type === 'stylesheet') assets.push({ type, bytes: gzipSync(await r.body()).length });
    });
    await fresh.goto(h.runtime.apiUrl + path);
    await ready(fresh);
    await fresh.waitForLoadState('networkidle');
    await fresh.close();
    return { js: assets.filter((a) => a.type === 'script').reduce((n, a) => n + a.bytes, 0), css: assets.filter((a) => a.type === 'stylesheet').reduce((n, a) => n + a.bytes, 0) };
  }
  /** Milliseconds from navigation to the data on screen. */
  async function timeToData(path: string, selector: string) {
    const times: number[] = [];
    for (let i = 0; i < REPS; i++) {
      const p = await context.newPage();
      const t0 = performance.now();
      await p.goto(h.runtime.apiUrl + path, { waitUntil: 'commit' });
      await p.locator(selector).first().waitFor();
      times.push(performance.now() - t0);
      await p.close();
    }
    return median(times);
  }
  const code = codes.at(-1)!;
  const pages = [
    { name: 'queue /queue/STP', path: '/queue/STP', data: `tr[data-dossier="${code}"]` },
    { name: `dossier /dossier/<code>`, path: `/dossier/${code}`, data: '.timeline li.step' },
    { name: 'sign-in /sign-in', path: '/sign-in', data: 'ul.people button' },
  ];
  const rows: (string | number)[][] = [];
  const results: Record<string, unknown> = { bareJsGzipKb: kb(bare) };
  for (const pg of pages) {
    const size = await loaded(pg.path, (p) => p.locator(pg.data).first().waitFor());
    const ms = await timeToData(pg.path, pg.data);
    rows.push([pg.name, kb(size.js), kb(size.css), kb(bare), Math.round(ms)]);
    results[pg.path.startsWith('/dossier') ? '/dossier/<code>' : pg.path] = { jsGzipKb: kb(size.js), cssGzipKb: kb(size.css), msToData: Math.round(ms) };
  }
  const docs = await timeToData('/docs', 'main h1');
  rows.push(['static /docs (no script)', 0, '—', '—', Math.round(docs)]);
  results['/docs'] = { msToData: Math.round(docs) };
  await context.close();
  console.log(table(['page', 'JS gzip KB', 'CSS gzip KB', 'bare Preact page JS gzip KB', `ms to data (median of ${REPS})`], rows));
  console.log(`officers' bundle by package (minified, before gzip): ${[...byPackage].sort((a, b) => b[1] - a[1]).map(([p, b]) => `${p} ${kb(b)} KB`).join(', ')}`);
  console.log(`targets: JS ≤ 150 KB gzip; data within 1000 ms locally (${codes.length} dossiers received, ${REPS} loads each)`);
  console.log(`written: ${await writePart('web', results)}`);
} finally {
  await browser.close();
  await h.stop();
}
