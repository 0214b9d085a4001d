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
import { toFate } from '../../functions/core/aggregate-figures';
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
    // the figures' counts (functions/core/aggregate-figures.ts) of the same dossier: 8 officers an
    // agency, 5 a desk; its two agencies' steps a day and three days after its receipt
    const [a1, a2] = [cityAgencyCode(2 + (p % 20)), cityAgencyCode(22 + ((p * 7) % 128))];
    const lead = a1;
    const key3 = `${desk}|${lead}|${proc}`;
    const evaluated = rnd() < 0.1;
    const late = rnd() < 0.08;
    add(b.fig.recv, key3, [1, 1, late ? 0 : 1, rnd() < 0.7 ? 1 : 0, rnd() < 0.3 ? 1 : 0, evaluated ? 1 : 0]);
    const received = Date.parse(`${day}T09:00:00+07:00`) + Math.floor(rnd() * 8 * 3_600_000);
    const day0 = Date.parse(`${day}T00:00:00+07:00`);
    (b.fig.fates[key3] ??= []).push((late ? -1 : 1) * toFate(day0, received + 5 * 86_400_000), 0, toFate(day0, received + 7 * 86_400_000));
    const receiver = `O|${desk.toLowerCase()}-${1 + Math.floor(rnd() * 5)}`;
    const o1 = `O|${a1.toLowerCase()}-${1 + Math.floor(rnd() * 8)}`;
    const o2 = `O|${a2.toLowerCase()}-${1 + Math.floor(rnd() * 8)}`;
    const prev = (k: number) => (k ? daysBetween('2025-11-25', day).at(-1 - k)! : '');
    const bump = (into: Record<string, Record<string, number>>, h: string, at: string) => {
      const row = (into[h] ??= {});
      row[at] = (row[at] ?? 0) + 1;
    };
    for (const [h, k] of [[receiver, 0], [`A|${desk}`, 0], [o1, 0], [`A|${a1}`, 0], [o2, 0], [`A|${a2}`, 0], [receiver, 3], [`A|${desk}`, 1]] as const) bump(b.fig.held, h, prev(k));
    for (const h of [o1, o2, `A|${a1}`, `A|${a2}`]) add(b.fig.steps, h, [late ? 0 : 1, late ? 1 : 0]);
    if (evaluated) for (const h of [receiver, o1, o2, `A|${desk}`, `A|${a1}`, `A|${a2}`]) {
      bump(b.fig.evals, h, '');
      const row = (b.fig.evalAnswers[`${h}|`] ??= {});
      for (let c = 1; c <= 5; c++) bump(row, `q${c}`, String(3 + Math.floor(rnd() * 3)));
    }
    if (evaluated) for (let c = 1; c <= 5; c++) bump(b.fig.answers, `${desk}|q${c}`, String(3 + Math.floor(rnd() * 3)));
    for (const x of [`${receiver.slice(2)}|${desk}`, `${o1.slice(2)}|${a1}`, `${o2.slice(2)}|${a2}`]) if (!b.fig.acted.includes(x)) b.fig.acted.push(x);
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
  const days = daysBetween('2025-10-30', '2026-11-30');
  const rnd = random(26);
  const perDay = Math.round(PER_YEAR / days.length);
  let bytes = 0;
  let without = 0;
  for (const day of days) {
    const bucket = cityDay(day, perDay, rnd);
    bytes += JSON.stringify(bucket).length;
    without += JSON.stringify({ ...bucket, fig: undefined }).length;
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...aggregateKeys.day(day), marks: 1, seen: 1, v: `bench-${day}`, bucket: JSON.stringify(bucket) } }));
  }
  console.log(`${days.length} day items written, ${perDay} dossiers a day, ~${Math.round(bytes / days.length / 1024)} KB each (~${Math.round(without / days.length / 1024)} KB without the figures' counts)`);
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
  const figures = async (path: string, query: Record<string, string>) => {
    const { route: r } = (await import(`../../functions/${path}/route`)) as { route: typeof route };
    return callRoute(r, { as: operator, query });
  };
  const only = process.env.STEADY_READS;
  const reads: Record<string, () => Promise<unknown>> = {
    "the month's 766 panel (from the day items)": () => figures('panel-766', { from: '2026-11-01', to: '2026-11-30' }),
    "the month's officers' figures (from the day items)": () => figures('officer-figures', { from: '2026-11-01', to: '2026-11-30' }),
    "the month's periodic report (the year before it and the month: 396 day items)": () => figures('periodic-report', { period: '2026-11' }),
    "the month's dashboard, catalogue and buckets read each call (old)": withEnv(old, dashboard),
    "the month's dashboard, catalogue kept, buckets read each call": withEnv({ DAY_CACHE_ITEMS: '0' }, dashboard),
    "the month's dashboard, catalogue and parsed buckets kept per instance": dashboard,
    "a year's report, catalogue and buckets read each call (old)": withEnv(old, year),
    "a year's report, catalogue and parsed buckets kept per instance": year,
  };
  const results: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(reads)) {
    if (only && !name.includes(only)) continue;
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
