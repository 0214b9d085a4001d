import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * `npm run build:web`: each app of web/ (a folder with index.html and main.tsx) is bundled by
 * esbuild (Preact, JSX automatic) into web/dist/<app>/, with its static files copied beside it.
 * Apps: officers (served at /), citizen (served at /c/), dvc — the citizens' portal (served at /dvc/). No inline scripts: the CSP forbids them.
 * Beside them: the API's OpenAPI document (dist/openapi.json, served at /openapi.json) and its
 * reference page (dist/docs/, served at /docs), both made from the contract.
 */
export const WEB = dirname(fileURLToPath(import.meta.url));
export const DIST = join(WEB, 'dist');
export const APPS = ['officers', 'citizen', 'dvc'] as const;

export async function buildWeb(options: { minify?: boolean; metafile?: boolean } = {}) {
  // Built aside, then swapped in: a server (or a test) reading web/dist never sees it half-built.
  const dist = `${DIST}.${process.pid}.tmp`;
  rmSync(dist, { recursive: true, force: true });
  // imported here, not at the top: the local gateway imports this file for DIST alone
  const { openApiDocument } = await import('../functions/contracts/openapi');
  const { docsPage } = await import('../functions/contracts/docs-page');
  const doc = openApiDocument();
  mkdirSync(join(dist, 'docs'), { recursive: true });
  writeFileSync(join(dist, 'openapi.json'), JSON.stringify(doc, null, 1));
  writeFileSync(join(dist, 'docs', 'index.html'), docsPage(doc));
  cpSync(join(WEB, 'docs.css'), join(dist, 'docs', 'docs.css'));
  const metafiles: Record<string, unknown> = {};
  for (const app of APPS) {
    const src = join(WEB, app);
    const out = join(dist, app);
    mkdirSync(out, { recursive: true });
    const result = await build({
      entryPoints: [join(src, 'main.tsx')],
      bundle: true,
      format: 'esm',
      splitting: false,
      outfile: join(out, 'main.js'),
      minify: options.minify ?? true,
      sourcemap: false,
      target: 'es2022',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      legalComments: 'none',
      metafile: options.metafile ?? false,
      logLevel: 'warning',
    });
    if (result.metafile) metafiles[app] = result.metafile;
    for (const file of readdirSync(src)) {
      if (/\.(html|css|svg|png|ico|webmanifest)$/.test(file)) cpSync(join(src, file), join(out, file));
    }
  }
  rmSync(DIST, { recursive: true, force: true });
  renameSync(dist, DIST);
  return { metafiles };
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  await buildWeb();
  console.log(`web built into ${DIST}${existsSync(DIST) ? '' : ' (missing!)'}`);
}
