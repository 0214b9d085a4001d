/**
 * npm run bench:volume [-- 10000 50000 200000]  (or BENCH_VOLUME_SIZES=10000,50000)
 *
 * At each size: a fresh local runtime with the generated city's catalogue (test/support/city.ts),
 * the city's dossiers loaded (./load.ts), then each read of ./reads.ts timed the new way and the
 * old way in the same run — p50/p95, the items and read units (dynalite's ConsumedCapacity,
 * asked for on every read) each call consumed — and the intake rate at concurrency 16 through
 * the local gateway with the data loaded. Figures: bench/results/volume.json, docs/performance.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '../../functions/commons/aws/dynamodb';
import { DynamoDBDocumentClient } from '../../functions/commons/aws/dynamodb';
import { documentClient } from '../../functions/commons/aws';
import { writeCityFolder, cityProcedureCode } from '../../test/support/city';
import { applicant, writePart } from '../lib/harness';
import { percentile, round, table } from '../lib/stats';
import { loadCity, type Loaded } from './load';
import { coldReads, countOpen, READS, type Read } from './reads';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

const args = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
const SIZES = (args.length ? args : (process.env.BENCH_VOLUME_SIZES ?? '10000,50000').split(',')).map(Number);
/** Time per read and way at most (a read the old way at 50,000 open takes seconds a call). */
const BUDGET_MS = Number(process.env.BENCH_VOLUME_READ_MS ?? 15_000);
const MAX_REPS = 40;
const INTAKES = Number(process.env.BENCH_VOLUME_INTAKES ?? 160);

/** Items and read units of every table read this process makes, through the handlers' client. */
const counts = { requests: 0, items: 0, units: 0 };
function countReads() {
  documentClient().middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const out = await next(args);
      const o = out.output as { Items?: unknown[]; Item?: unknown; ScannedCount?: number; Count?: number; ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[]; Responses?: Record<string, unknown[]> };
      counts.requests++;
      counts.items += o.ScannedCount ?? o.Items?.length ?? (o.Item ? 1 : 0) + Object.values(o.Responses ?? {}).reduce((s, x) => s + x.length, 0);
      for (const c of [o.ConsumedCapacity ?? []].flat()) counts.units += c.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'benchReadCounter', override: true },
  );
}

interface Measured { way: 'old' | 'new'; reps: number; p50: number; p95: number; requests: number; items: number; units: number }

async function measure(read: Read, way: 'old' | 'new', samples: Loaded['samples']): Promise<Measured | undefined> {
  const run = read[way];
  if (!run) return undefined;
  await run({ samples, i: 999 }); // warm: modules loaded, the first connection open
  const ms: number[] = [];
  const before = { ...counts };
  const started = performance.now();
  let i = 0;
  while (i < MAX_REPS && (i < 3 || performance.now() - started < BUDGET_MS)) {
    const t0 = performance.now();
    await run({ samples, i });
    ms.push(performance.now() - t0);
    i++;
  }
  const per = (k: keyof typeof counts) => round((counts[k] - before[k]) / i, 1);
  return { way, reps: i, p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), requests: per('requests'), items: per('items'), units: per('units') };
}

async function intakeRate(h: Awaited<ReturnType<typeof import('../../test/support/local').startHarness>>, concurrency: number) {
  const token = await h.token('desk-bench', ['desk']);
  let n = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (n < INTAKES) {
        const k = n++;
        const r = await h.call('POST', '/dossiers', {
          token,
          headers: { 'idempotency-key': `volume-${process.pid}-${k}` },
          body: { procedureCode: cityProcedureCode(1 + (k % 50)), applicant: applicant(`v${k}`), channel: 'counter' },
        });
        if (r.status !== 201) failed++;
      }
    }),
  );
  const s = (performance.now() - t0) / 1000;
  return { intakes: INTAKES, failed, seconds: round(s, 1), perSecond: round((INTAKES - failed) / s, 1) };
}

async function atSize(size: number) {
  const { startHarness } = await import('../../test/support/local');
  const city = writeCityFolder();
  // BENCH_VOLUME_DISK=1: dynalite keeps the table on disk (LevelDB) rather than in this process's
  // heap — at 200,000 dossiers (≈ 1.9 million items) the in-memory table's garbage collection
  // stalled the process until its connections were reset
  const dataDir = process.env.BENCH_VOLUME_DISK ? mkdtempSync(join(tmpdir(), 'motcua-volume-')) : undefined;
  const h = await startHarness({ resume: false, centreDir: city.dir, ...(dataDir ? { dataDir } : {}) });
  try {
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-01T10:00:00+07:00' } });
    const direct = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: h.runtime.dynamoDbUrl, maxAttempts: 5 }), { marshallOptions: { removeUndefinedValues: true } });
    console.log(`\n== ${size.toLocaleString('en')} dossiers: loading…`);
    // a bulk load is a migration: the aggregates' stream is paused, their first reads compute them
    h.runtime.aggregates.paused = true;
    const loaded = await loadCity({ size, client: direct, log: (l) => console.log(l) });
    h.runtime.aggregates.paused = false;
    console.log(`loaded ${loaded.items.toLocaleString('en')} items (${JSON.stringify(loaded.kinds)}) in ${round(loaded.ms / 1000)} s: ${Math.round(loaded.items / (loaded.ms / 1000))} items/s; open ${loaded.open}`);
    countReads();
    const openCount = await countOpen();
    const rows: (string | number)[][] = [];
    const results: Record<string, (Measured | undefined)[]> = {};
    // BENCH_VOLUME_READS=dashboard,year: only the reads whose name contains one of these words
    const only = process.env.BENCH_VOLUME_READS?.split(',').filter(Boolean);
    for (const read of READS.filter((r) => !only || only.some((w) => r.name.includes(w)))) {
      const measured = [await measure(read, 'old', loaded.samples), await measure(read, 'new', loaded.samples)];
      results[read.name] = measured;
      for (const m of measured) if (m) rows.push([read.name, m.way, m.reps, m.p50, m.p95, m.requests, m.items, m.units]);
      console.log(`  ${read.name}: ${measured.filter(Boolean).map((m) => `${m!.way} p95 ${m!.p95} ms, ${m!.items} items, ${m!.units} RCU`).join(' | ')}`);
    }
    console.log(table(['read', 'way', 'calls', 'p50 ms', 'p95 ms', 'requests', 'items read', 'read units'], rows));
    const cold = { ...coldReads };
    for (const k of Object.keys(coldReads)) delete coldReads[k];
    console.log(`first read the new way (the aggregates of its days computed, as after a migration), ms: ${JSON.stringify(cold)}`);
    const intake = await intakeRate(h, 16);
    console.log(`intake at concurrency 16 with the data loaded: ${intake.perSecond}/s (${intake.intakes} in ${intake.seconds} s, ${intake.failed} failed)`);
    return { size, open: loaded.open, openCounted: openCount, tableItems: loaded.items, kinds: loaded.kinds, loadSeconds: round(loaded.ms / 1000), loadItemsPerSecond: Math.round(loaded.items / (loaded.ms / 1000)), reads: results, coldReads: cold, intake };
  } finally {
    await h.stop();
    city.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

const out = [];
for (const size of SIZES) out.push(await atSize(size));
console.log(`\nwrote ${await writePart('volume', { sizes: out })}`);
process.exit(0);
