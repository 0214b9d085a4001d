// Benchmark: addWorkingTime (day-skipping engine) vs a naive minute-by-minute baseline.
// Run: npx tsx bench/calendar.ts
import { loadBundledCalendarYears, WorkingCalendar } from '../functions/core/calendar/working-time';
import { naiveAddWorkingTime } from '../functions/core/calendar/working-time.reference';

const cal = new WorkingCalendar(loadBundledCalendarYears());
const FROM = Date.parse('2025-01-01T00:00:00+07:00');
const SPAN_MIN = (Date.parse('2026-09-30T00:00:00+07:00') - FROM) / 60_000; // + 480 h stays in 2027

// Deterministic PRNG (mulberry32) so runs are comparable.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = rng(42);
const starts = Array.from({ length: 20_000 }, () => new Date(FROM + Math.floor(rand() * SPAN_MIN) * 60_000));

function measure(fn: (t: Date) => Date, inputs: Date[], minMs = 1000): number {
  let n = 0;
  let sink = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    sink += fn(inputs[n % inputs.length]!).getTime();
    n++;
  }
  if (sink === 42) console.log(''); // keep results alive
  return n / ((performance.now() - t0) / 1000);
}

const rows: { budget: string; engine: number; naive: number; mismatches: string }[] = [];
for (const [label, hours] of [
  ['1 day (8 h)', 8],
  ['60 days (480 h)', 480],
] as const) {
  for (let i = 0; i < 200; i++) cal.addWorkingTime(starts[i]!, hours); // warm-up
  const engine = measure((t) => cal.addWorkingTime(t, hours), starts);
  const naive = measure((t) => naiveAddWorkingTime(cal, t, hours), starts);
  const sample = starts.slice(0, hours > 100 ? 300 : 2000);
  const bad = sample.filter((t) => cal.addWorkingTime(t, hours).getTime() !== naiveAddWorkingTime(cal, t, hours).getTime());
  rows.push({ budget: label, engine, naive, mismatches: `${bad.length}/${sample.length}` });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
console.log('addWorkingTime, random start instants in 2025-01-01 .. 2026-09-30 (Asia/Ho_Chi_Minh)\n');
console.log(`${'budget'.padEnd(16)} ${'engine ops/s'.padStart(12)} ${'naive ops/s'.padStart(12)} ${'speed-up'.padStart(9)}  mismatches`);
for (const r of rows) {
  console.log(`${r.budget.padEnd(16)} ${fmt(r.engine)} ${fmt(r.naive)} ${(r.engine / r.naive).toFixed(0).padStart(8)}x  ${r.mismatches}`);
}
if (rows.some((r) => !r.mismatches.startsWith('0/'))) process.exitCode = 1;
