// Run by the CDK after esbuild (infra/constructs/functions.ts, BUNDLING's afterBundling):
//   node beside-bundle.mjs <outputDir> <name>=<file>[,<file>…] …
// copies each name's files into <outputDir> when the bundle there (index.mjs) names it: the files a
// bundle reads beside itself at run time (infra/bundling/options.ts, BESIDE_BUNDLE). Plain JavaScript
// so that any Node the CDK bundles with runs it, without the project's TypeScript loader.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [outputDir, ...specs] = process.argv.slice(2);
if (!outputDir) throw new Error('usage: beside-bundle.mjs <outputDir> <name>=<file>[,<file>…] …');
const bundle = readFileSync(path.join(outputDir, 'index.mjs'), 'utf8');
for (const spec of specs) {
  const at = spec.indexOf('=');
  const name = spec.slice(0, at);
  if (!bundle.includes(name)) continue;
  for (const file of spec.slice(at + 1).split(',')) copyFileSync(file, path.join(outputDir, path.basename(file)));
}
