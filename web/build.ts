import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * `npm run build:web`: each app of web/ (a folder with index.html and main.tsx) is bundled by
 * esbuild (Preact, JSX automatic) into web/dist/<app>/, with its static files copied beside it.
 * Apps: officers (served at /), citizen (served at /c/). No inline scripts: the CSP forbids them.
 */
export const WEB = dirname(fileURLToPath(import.meta.url));
export const DIST = join(WEB, 'dist');
export const APPS = ['officers', 'citizen'] as const;

export async function buildWeb(options: { minify?: boolean } = {}): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  for (const app of APPS) {
    const src = join(WEB, app);
    const out = join(DIST, app);
    mkdirSync(out, { recursive: true });
    await build({
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
      metafile: false,
      logLevel: 'warning',
    });
    for (const file of readdirSync(src)) {
      if (/\.(html|css|svg|png|ico|webmanifest)$/.test(file)) cpSync(join(src, file), join(out, file));
    }
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  await buildWeb();
  console.log(`web built into ${DIST}${existsSync(DIST) ? '' : ' (missing!)'}`);
}
