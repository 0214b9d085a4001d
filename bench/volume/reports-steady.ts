/**
 * npx tsx bench/volume/reports-steady.ts [dossiersPerYear=200000]
 *
 * The reports' steady state at a city's volume (issue 26, part B), without loading a year of facts:
 * the day aggregates a city of `dossiersPerYear` would have (functions/core/aggregates.ts buckets
 * counted from synthetic dossiers of the generated city: 30 desks, 150 agencies, 50 procedures,
 * each routed through two agencies and back to its desk) written fresh for 366 days, then the
 * month's dashboard (by agency and by procedure) and a year's report read through the route, as
 * its function serves it — p50/p95, requests, items and read units per call. What the stream keeps
 * fresh is what a reader meets; a cold day costs one slice of the logbook (bench:volume measures
 * the old way, which reads every fact of the period on every call).
 */
import { performance } from 'node:perf_hooks';
import { PutCommand } from '../../functions/commons/aws/dynamodb';
import { documentClient, tableName } from '../../functions/commons/aws';
import { aggregateKeys, daysBetween } from '../../functions/commons/aggregates';
import { emptyBucket, type Bucket } from '../../functions/core/aggregates';
import { cityAgencyCode, cityBranchCode, cityProcedureCode, writeCityFolder } from '../../test/support/city';
import { percentile, round } from '../lib/stats';
import { callRoute } from './reads';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
const PER_YEAR = Number(process.argv[2] ?? 200_000);

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A day's bucket of the city: `perDay` dossiers received, each with its two agencies' steps and the return. */
function cityDay(day: string, perDay: number, rnd: () => number): Bucket {
  const b = emptyBucket();
  const add = (into: Record<string, number[]>, key: string, v: number[]) => {
    const row = (into[key] ??= v.map(() => 0));
    v.forEach((x, i) => (row[i]! += x));
  };
  for (let n = 0; n < perDay; n++) {
    const desk = rnd() < 0.4 ? 'TTHCC' : cityBranchCode(1 + Math.floor(rnd() * 30));
    const p = 1 + Math.floor(rnd() ** 2 * 50);
    const proc = cityProcedureCode(p);
    for (const agency of [cityAgencyCode(2 + (p % 20)), cityAgencyCode(22 + ((p * 7) % 128)), 'TTHCC']) {
      const late = rnd() < 0.08;
      add(b.steps, `${desk}|${agency}|${proc}`, [1, late ? 0 : 1, 0, late ? 1 : 0, 0, 0, late ? 1 : 0, rnd() < 0.12 ? 1 : 0, 0]);
    }
    add(b.dossiers, `${desk}|${proc}`, [1, 1, 1, 0, 0, 0, 0]);
    if (rnd() < 0.05) (b.open[`${desk}|${proc}`] ??= []).push(Date.parse(`${day}T10:00:00+07:00`) + 15 * 86_400_000);
    b.names[proc] ??= { vi: `Thủ tục ${p}`, en: `Procedure ${p}` };
  }
  return b;
}

const counts = { requests: 0, items: 0, units: 0 };
const countReads = () => documentClient().middlewareStack.add(
  (next) => async (args) => {
    const input = args.input as Record<string, unknown>;
    input.ReturnConsumedCapacity ??= 'TOTAL';
    const out = await next(args);
    const o = out.output as { Items?: unknown[]; Item?: unknown; ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[]; Responses?: Record<string, unknown[]> };
    counts.requests++;
    counts.items += o.Items?.length ?? (o.Item ? 1 : 0) + Object.values(o.Responses ?? {}).reduce((s, x) => s + x.length, 0);
    for (const c of [o.ConsumedCapacity ?? []].flat()) counts.units += c.CapacityUnits ?? 0;
    return out;
  },
  { step: 'initialize', name: 'benchReadCounter', override: true },
);

const { startHarness } = await import('../../test/support/local');
const city = writeCityFolder();
const h = await startHarness({ resume: false, centreDir: city.dir });
countReads();
try {
  const days = daysBetween('2025-12-01', '2026-11-30');
  const rnd = random(26);
  const perDay = Math.round(PER_YEAR / days.length);
  let bytes = 0;
  for (const day of days) {
    const bucket = cityDay(day, perDay, rnd);
    bytes += JSON.stringify(bucket).length;
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...aggregateKeys.day(day), marks: 1, seen: 1, v: `bench-${day}`, bucket: JSON.stringify(bucket) } }));
  }
  console.log(`${days.length} day items written, ${perDay} dossiers a day, ~${Math.round(bytes / days.length / 1024)} KB each`);
  const { route } = await import('../../functions/get-timeliness-report/route');
  const operator = { sub: 'operator-bench', groups: ['operator'] };
  const dashboard = () => Promise.all(['agency', 'procedure'].map((by) => callRoute(route, { as: operator, query: { from: '2026-11-01', to: '2026-11-30', by } })));
  // the old ways: the 150-agency catalogue read on every call for the rows' names
  // (CATALOGUE_CACHE_SECONDS=0); every day's bucket read and parsed on every call (DAY_CACHE_ITEMS=0)
  const withEnv = <T>(env: Record<string, string>, run: () => Promise<T>) => async () => {
    Object.assign(process.env, env);
    try {
      return await run();
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
    }
  };
  const old = { CATALOGUE_CACHE_SECONDS: '0', DAY_CACHE_ITEMS: '0' };
  const year = () => callRoute(route, { as: operator, query: { from: '2025-12-01', to: '2026-11-30', by: 'agency' } });
  const reads: Record<string, () => Promise<unknown>> = {
    "the month's dashboard, catalogue and buckets read each call (old)": withEnv(old, dashboard),
    "the month's dashboard, catalogue kept, buckets read each call": withEnv({ DAY_CACHE_ITEMS: '0' }, dashboard),
    "the month's dashboard, catalogue and parsed buckets kept per instance": dashboard,
    "a year's report, catalogue and buckets read each call (old)": withEnv(old, year),
    "a year's report, catalogue and parsed buckets kept per instance": year,
  };
  const results: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(reads)) {
    await run();
    const ms: number[] = [];
    const before = { ...counts };
    const reps = 12;
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await run();
      ms.push(performance.now() - t0);
    }
    const per = (k: keyof typeof counts) => round((counts[k] - before[k]) / reps, 1);
    results[name] = { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), requests: per('requests'), items: per('items'), units: per('units') };
    console.log(`${name}: ${JSON.stringify(results[name])}`);
  }
} finally {
  await h.stop();
  city.remove();
}
process.exit(0);
