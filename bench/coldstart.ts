// Cold start of each function of the registry: the bundle as the CDK builds it (esbuild, ESM,
// minified, AWS SDK bundled, target node24, the createRequire banner) — its size, and the time to
// load it in a fresh node process — beside a bare `node -e ''` measured in the same run,
// interleaved, many repetitions, medians.
// Run: npm run bench:coldstart   (or: npx tsx bench/coldstart.ts)
// Before → after a change: BENCH_BASE=<git ref> also builds each function as it was at that commit
// (its own code and bundling options, in a temporary worktree) and loads both in the same rounds.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptions } from '../infra/bundling/options';
import { LOADER_ENTRY } from '../infra/constructs/catalogue';
import { functions, routes } from '../infra/registry';
import { apiRoutes } from '../functions/api';
import { routeModules } from './lib/route-modules';
import { writePart } from './lib/harness';
import { median, percentile, round, table } from './lib/stats';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const REPS = Number(process.env.BENCH_COLDSTART_REPS ?? 9);
/** Stop after this many seconds of loading (at least MIN_REPS rounds): the registry keeps growing. */
const BUDGET_S = Number(process.env.BENCH_COLDSTART_SECONDS ?? 50);
const MIN_REPS = Math.min(REPS, 5);
const dir = mkdtempSync(join(tmpdir(), 'motcua-bundles-'));

const bundles: { name: string; file: string; bytes: number; top: { pkg: string; kb: number }[] }[] = [];
/** Bytes of the output by package (node_modules/<pkg> or the project's own code). */
function byPackage(meta: import('esbuild').Metafile, file: string) {
  const sizes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(meta.outputs)[0]!.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const pkg = m ? m[1]! : 'motcua (own code)';
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + bytesInOutput);
  }
  void file;
  return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([pkg, bytes]) => ({ pkg, kb: round(bytes / 1024, 1) }));
}
/** Every deployed function: the registry's, and the catalogue loader (a deploy-time custom resource). */
const deployed = [...functions.map((f) => ({ name: f.name, entry: f.entry })), { name: 'load-catalogue', entry: LOADER_ENTRY }];
for (const spec of deployed) {
  const file = join(dir, `${spec.name}.mjs`);
  const out = await build({ ...esbuildOptions(resolve(ROOT, spec.entry), file, ROOT), metafile: true });
  bundles.push({ name: spec.name, file, bytes: statSync(file).size, top: byPackage(out.metafile!, file) });
}

// The same functions at BENCH_BASE (a commit before a change), bundled with that commit's options.
const BASE = process.env.BENCH_BASE;
const based: { name: string; baseName: string }[] = [];
if (BASE) {
  const tree = join(dir, 'base');
  execFileSync('git', ['worktree', 'add', '--detach', tree, BASE], { cwd: ROOT, stdio: 'ignore' });
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    const baseOptions = ((await import(pathToFileURL(join(tree, 'infra/bundling/options.ts')).href)) as typeof import('../infra/bundling/options')).esbuildOptions;
    for (const spec of deployed) {
      if (!existsSync(join(tree, spec.entry))) continue;
      const file = join(dir, `base-${spec.name}.mjs`);
      const out = await build({ ...baseOptions(join(tree, spec.entry), file, tree), metafile: true });
      const baseName = `${spec.name} @ ${BASE}`;
      bundles.push({ name: baseName, file, bytes: statSync(file).size, top: byPackage(out.metafile!, file) });
      based.push({ name: spec.name, baseName });
    }
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'ignore' });
  }
}

// The baseline, built in the same run: one function per route (each route module alone behind the
// same router, with the SDK's full default credential chain), as the platform deployed until the
// functions were grouped by trust boundary.
const perRoute: { route: string; bytes: number; file: string }[] = [];
// (BENCH_PER_ROUTE=0 skips it: 85 more builds)
for (const route of process.env.BENCH_PER_ROUTE === '0' ? [] : apiRoutes) {
  const name = `${route.operationId}`;
  const file = join(dir, `route-${name}.mjs`);
  const modulePath = routeModules.get(route)!;
  await build({
    ...esbuildOptions('', file, ROOT),
    entryPoints: undefined,
    alias: {},
    stdin: {
      contents: `import { apiRouter } from './functions/commons/router';\nimport { route } from './${modulePath}';\nexport const handler = apiRouter([route]);`,
      resolveDir: ROOT,
      loader: 'ts',
    },
  });
  perRoute.push({ route: `${route.method} ${route.path}`, bytes: statSync(file).size, file });
}
const perRouteSorted = [...perRoute].sort((a, b) => a.bytes - b.bytes);
const before = perRoute.length
  ? {
      functions: perRoute.length,
      largestKb: round(perRouteSorted.at(-1)!.bytes / 1024, 1),
      medianKb: round(median(perRoute.map((r) => r.bytes)) / 1024, 1),
      totalKb: round(perRoute.reduce((a, r) => a + r.bytes, 0) / 1024, 1),
    }
  : undefined;
if (perRoute.length) bundles.push({ name: `before: ${perRouteSorted.at(-1)!.route} alone`, file: perRouteSorted.at(-1)!.file, bytes: perRouteSorted.at(-1)!.bytes, top: [] });

// An officer's working session: eight routes, and the functions (so the cold starts) they meet.
const SESSION = [
  'GET /agencies/{agencyCode}/tasks',
  'GET /dossiers/{code}',
  'GET /dossiers/{code}/control-sheet',
  'POST /dossiers/{code}/documents',
  'POST /dossiers/{code}/documents/{documentId}/complete',
  'POST /dossiers/{code}/steps/{stepId}/decision',
  'GET /dossiers/{code}/documents/{documentId}',
  'GET /agencies/{agencyCode}/logbook',
];
const officerSession = {
  routes: SESSION.length,
  functions: new Set(SESSION.map((key) => routes.find((r) => `${r.method} ${r.path}` === key)?.function ?? key)).size,
  functionsBefore: SESSION.length,
};

// Loading needs no AWS: handlers read their environment on first use. Dummy values all the same.
const env = { ...process.env, AWS_REGION: 'us-east-1', TABLE_NAME: 'motcua', POWERTOOLS_LOG_LEVEL: 'WARN', NODE_OPTIONS: '' };
const node = process.execPath;
/**
 * Wall time of a fresh process, and the CPU time it used (user + system, all its threads, as the
 * process reports it when done): on a shared machine the wall time also counts waiting for a core,
 * the CPU time much less so, and both are given.
 */
function time(args: string[]): { wall: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return { wall, cpu: Number(String(r.stdout).trim()) / 1000 };
}
const CPU = 'const u = process.cpuUsage(); process.stdout.write(String(u.user + u.system));';
const bareArgs = ['-e', CPU];
const loadArgs = (file: string) => ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(file).href)}); ${CPU}`];

const samples = new Map<string, number[]>([['bare', []], ...bundles.map((b) => [b.name, []] as [string, number[]])]);
const cpuSamples = new Map<string, number[]>([['bare', []], ...bundles.map((b) => [b.name, []] as [string, number[]])]);
const started = performance.now();
let rounds = 0;
for (let rep = -1; rep < REPS; rep++) {
  if (rep >= MIN_REPS && performance.now() - started > BUDGET_S * 1000) break;
  if (rep >= 0) rounds++;
  // interleaved: each round loads every bundle once, with a bare start at its beginning and middle,
  // in a rotated order, so drift hits bare starts and bundles alike
  const order = bundles.map((_, i) => bundles[(i + Math.max(0, rep)) % bundles.length]!);
  const half = Math.ceil(order.length / 2);
  for (const [i, b] of order.entries()) {
    if (i === 0 || i === half) {
      const bare = time(bareArgs);
      if (rep >= 0) samples.get('bare')!.push(bare.wall);
      if (rep >= 0) cpuSamples.get('bare')!.push(bare.cpu);
    }
    const load = time(loadArgs(b.file));
    if (rep >= 0) samples.get(b.name)!.push(load.wall); // round -1 warms the page cache
    if (rep >= 0) cpuSamples.get(b.name)!.push(load.cpu);
  }
}
rmSync(dir, { recursive: true, force: true });

const bareMs = median(samples.get('bare')!);
const bareCpuMs = median(cpuSamples.get('bare')!);
const rows = bundles.map((b) => {
  const xs = samples.get(b.name)!;
  const ms = median(xs);
  const cpu = median(cpuSamples.get(b.name)!);
  return {
    function: b.name,
    bundleKb: round(b.bytes / 1024, 1),
    loadMedianMs: round(ms, 1),
    loadP90Ms: round(percentile(xs, 90), 1),
    overBare: round(ms / bareMs, 2),
    cpuMedianMs: round(cpu, 1),
    cpuOverBare: round(cpu / bareCpuMs, 2),
    sizeOk: b.bytes <= 350 * 1024,
    loadOk: ms <= 2.5 * bareMs,
    largestPackages: b.top,
  };
});
const result = {
  node: process.version,
  rounds,
  bareNodeMedianMs: round(bareMs, 1),
  bareNodeP90Ms: round(percentile(samples.get('bare')!, 90), 1),
  bareNodeCpuMs: round(bareCpuMs, 1),
  functions: rows,
  target: { maxBundleKb: 350, maxLoadOverBare: 2.5 },
  base: BASE,
  before,
  officerSession,
};
await writePart('coldstart', result);
console.log(`Cold start: bundles as the CDK builds them (esbuild ESM, minified, SDK bundled), loaded in a fresh ${process.version} process; ${rounds} interleaved rounds, medians\n`);
console.log(
  table(
    ['function', 'bundle KB', 'load ms', 'p90 ms', '× bare', 'CPU ms', '× bare CPU', '≤350 KB', '≤2.5× bare'],
    [
      ['(bare node -e \'\')', '-', result.bareNodeMedianMs, result.bareNodeP90Ms, '1.00', result.bareNodeCpuMs, '1.00', '', ''],
      ...rows.map((r) => [r.function, r.bundleKb, r.loadMedianMs, r.loadP90Ms, r.overBare.toFixed(2), r.cpuMedianMs, r.cpuOverBare.toFixed(2), r.sizeOk ? 'yes' : 'NO', r.loadOk ? 'yes' : 'NO']),
    ],
  ),
);
const big = rows.reduce((a, r) => (r.bundleKb > a.bundleKb ? r : a));
if (based.length) {
  const row = (name: string) => rows.find((r) => r.function === name)!;
  console.log(`\nbefore (${BASE}) → after (this tree), same rounds:\n`);
  console.log(
    table(
      ['function', 'KB before', 'KB after', '× bare before', '× bare after', '× bare CPU before', '× bare CPU after'],
      based.map((b) => [b.name, row(b.baseName).bundleKb, row(b.name).bundleKb, row(b.baseName).overBare.toFixed(2), row(b.name).overBare.toFixed(2), row(b.baseName).cpuOverBare.toFixed(2), row(b.name).cpuOverBare.toFixed(2)]),
    ),
  );
}
if (before) {
  const deployed = rows.filter((r) => !r.function.startsWith('before') && !r.function.includes(' @ '));
  const sizes = deployed.map((r) => r.bundleKb).sort((a, b) => a - b);
  console.log(
    `\nbefore (same run): one function per route: ${before.functions} API functions, largest ${before.largestKb} KB, median ${before.medianKb} KB, ${before.totalKb} KB in all` +
      `\nafter: ${deployed.length} functions, largest ${sizes.at(-1)} KB, median ${median(sizes)} KB, ${round(sizes.reduce((a, b) => a + b, 0), 1)} KB in all`,
  );
}
console.log(`an officer's session of ${officerSession.routes} routes meets ${officerSession.functions} function(s) (cold starts at most), ${officerSession.functionsBefore} with one function per route`);
console.log(`\nlargest bundle (${big.function}) by package: ${big.largestPackages.map((p) => `${p.pkg} ${p.kb} KB`).join(', ')}`);
