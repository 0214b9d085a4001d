// `npm run bench`: every part in its own process (intake, decision, cold start, cost, calendar),
// each printing its table; then one summary against the targets, and bench/results/latest.json.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem, platform, release } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { table } from './lib/stats';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const RESULTS = resolve(ROOT, 'bench/results');
const only = process.argv.slice(2);
const parts = ['intake', 'decision', 'coldstart', 'cost', 'calendar'].filter((p) => !only.length || only.includes(p));
const t0 = Date.now();
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
const elapsed: Record<string, number> = {};
let calendarOutput = '';

for (const part of parts) {
  console.log(`\n=== bench:${part} ${'='.repeat(60)}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, `bench/${part}.ts`)], {
    cwd: ROOT,
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN' },
    stdio: part === 'calendar' ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  elapsed[part] = Math.round((Date.now() - started) / 100) / 10;
  if (part === 'calendar') {
    calendarOutput = r.stdout ?? '';
    process.stdout.write(calendarOutput);
  }
  if (r.status !== 0) {
    console.error(`bench:${part} failed (exit ${r.status})`);
    process.exitCode = 1;
  }
}

const read = (part: string) => {
  const f = resolve(RESULTS, `${part}.json`);
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined;
};
const intake = parts.includes('intake') ? read('intake') : undefined;
const decision = parts.includes('decision') ? read('decision') : undefined;
const coldstart = parts.includes('coldstart') ? read('coldstart') : undefined;
const costs = parts.includes('cost') ? read('cost') : undefined;
const calendar = calendarOutput
  .split('\n')
  .map((l) => /^(.+?)\s{2,}([\d,]+)\s+([\d,]+)\s+(\d+)x\s+(\S+)/.exec(l))
  .filter(Boolean)
  .map((m) => ({ budget: m![1]!.trim(), engineOpsPerSecond: Number(m![2]!.replaceAll(',', '')), naiveOpsPerSecond: Number(m![3]!.replaceAll(',', '')), speedUp: Number(m![4]), mismatches: m![5] }));

let commit = '';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
  if (execSync('git status --porcelain --untracked-files=no', { cwd: ROOT, encoding: 'utf8' }).trim()) commit += ' (with uncommitted changes)';
} catch {
  /* not a git checkout */
}
const machine = {
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? '',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  /** 1, 5 and 15-minute load averages: other work on the machine makes every figure noisier. */
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
};

const targets: { target: string; value: string; met: boolean | undefined }[] = [];
const c16 = intake?.levels?.find((l: { concurrency: number }) => l.concurrency === 16);
if (c16) targets.push({ target: 'intake at concurrency 16 ≥ 60% of the storage ceiling', value: `${Math.round(c16.intakeOverCeiling * 100)}% (${c16.dossiersPerSecond}/s of ${c16.storageCeiling}/s)`, met: c16.intakeOverCeiling >= 0.6 });
if (coldstart) {
  // the deployed functions only (not the per-route baseline, nor a BENCH_BASE commit's)
  const fns = (coldstart.functions as { function: string; bundleKb: number; overBare: number }[]).filter((f) => !f.function.startsWith('before') && !f.function.includes(' @ '));
  const big = fns.reduce((a, f) => (f.bundleKb > a.bundleKb ? f : a));
  const slow = fns.reduce((a, f) => (f.overBare > a.overBare ? f : a));
  // issue 18's targets
  targets.push({ target: 'every bundle ≤ 350 KB', value: `${fns.filter((f) => f.bundleKb <= 350).length}/${fns.length}; largest ${big.function} ${big.bundleKb} KB`, met: fns.every((f) => f.bundleKb <= 350) });
  targets.push({ target: 'every bundle loads in ≤ 2.5× bare node start', value: `${fns.filter((f) => f.overBare <= 2.5).length}/${fns.length}; slowest ${slow.function} ${slow.overBare}× of ${coldstart.bareNodeMedianMs} ms`, met: fns.every((f) => f.overBare <= 2.5) });
}
const onTime = costs?.scenarios?.find((s: { name: string }) => s.name === 'two-stage on time');
if (onTime) {
  targets.push({ target: 'on-time two-stage route ≤ $0.001', value: `$${onTime.cost.total.toFixed(6)}`, met: onTime.cost.total <= 0.001 });
  targets.push({ target: 'on-time two-stage route ≤ 40 state transitions', value: String(onTime.usage.stateTransitions), met: onTime.usage.stateTransitions <= 40 });
}

const latest = {
  at: new Date().toISOString(),
  commit,
  machine,
  seconds: { total: Math.round((Date.now() - t0) / 100) / 10, ...elapsed },
  targets,
  intake,
  decision,
  coldstart,
  cost: costs,
  calendar: calendar.length ? calendar : undefined,
};
writeFileSync(resolve(RESULTS, 'latest.json'), JSON.stringify(latest, null, 2) + '\n');

console.log(`\n=== summary ${'='.repeat(60)}`);
console.log(`${machine.cpus} CPU ${machine.cpuModel}, ${machine.memoryGb} GB, node ${machine.node}, commit ${commit || '?'}, ${latest.seconds.total} s in all`);
console.log(`load average at start ${machine.loadAverageAtStart.join(' ')}, at end ${machine.loadAverageAtEnd.join(' ')}${machine.loadAverageAtStart[0]! > machine.cpus / 2 ? ' — the machine was busy: expect noisy figures' : ''}\n`);
if (decision) console.log(`decision → next step assigned: p50 ${decision.decisionToNextAssigned.p50Ms} ms, p99 ${decision.decisionToNextAssigned.p99Ms} ms (bare Step Functions round trip p50 ${decision.bareStepFunctionsRoundTrip.p50Ms} ms)\n`);
console.log(table(['target', 'measured', 'met'], targets.map((t) => [t.target, t.value, t.met ? 'yes' : 'NO'])));
console.log(`\nwritten: bench/results/latest.json`);
