// The citizen's pages' weight: each web app built as `npm run build:web` builds it (esbuild,
// minified), its main.js raw and gzipped (level 9), beside a baseline built in the same run —
// Preact alone rendering one element (the floor any Preact page pays). The budget: 50 KB gzip.
// Run: npm run bench:web (with the officers' pages, bench/web.ts), or alone: npx tsx bench/web-size.ts
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { APPS, DIST, WEB, buildWeb } from '../web/build';

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
const measure = (code: Buffer) => ({ rawKb: kb(code.length), gzipKb: kb(gzipSync(code, { level: 9 }).length) });

const dir = mkdtempSync(join(tmpdir(), 'motcua-web-'));
writeFileSync(join(dir, 'baseline.tsx'), "import { render } from 'preact';\nrender(<h1>x</h1>, document.body);\n");
await build({
  entryPoints: [join(dir, 'baseline.tsx')],
  bundle: true,
  format: 'esm',
  outfile: join(dir, 'baseline.js'),
  minify: true,
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  nodePaths: [join(WEB, '..', 'node_modules')],
  logLevel: 'warning',
});
await buildWeb({ minify: true });
const rows = [
  { bundle: 'baseline: preact, one element', ...measure(readFileSync(join(dir, 'baseline.js'))) },
  ...APPS.map((app) => ({ bundle: `web/${app}/main.js`, ...measure(readFileSync(join(DIST, app, 'main.js'))) })),
];
rmSync(dir, { recursive: true, force: true });
console.table(rows);
const citizen = rows.find((r) => r.bundle === 'web/citizen/main.js')!;
console.log(`citizen pages: ${citizen.gzipKb} KB gzip (budget 50 KB; Preact alone ${rows[0]!.gzipKb} KB)`);
