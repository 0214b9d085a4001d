// Benchmark: what a public answer about a dossier costs, by case, through the local gateway.
// Run: npm run bench:pin  (PIN_SAMPLES=60 by default)
// Every case should cost the same (functions/commons/lookup.ts: one batch read, two conditional
// updates, one scrypt on every path). The right PIN is the same-run reference; the issue's
// figures on main before this change: real code + malformed PIN 3–4 ms, unknown code ≈ 22 ms.
import { performance } from 'node:perf_hooks';
import { median, percentile, round, table } from './lib/stats';

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
const { startHarness, applicant, uniqueKey } = await import('../test/support/local');
const { callFrom, clientAddress } = await import('../test/support/from');

const N = Number(process.env.PIN_SAMPLES ?? 60);
const h = await startHarness({ resume: false });
await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T09:00:00+07:00' } });
const desk = await h.token('bench-desk', ['desk']);
const receive = async (n: number) => {
  const res = await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'DL-LHND', applicant: applicant(n), channel: 'counter' } });
  if (res.status !== 201) throw new Error(`receive: ${res.status}`);
  return res.body as { code: string; lookupPin: string };
};

// wrong PINs stay within the budget: 5 per dossier, each from its own client
const wrongTargets: { code: string; lookupPin: string }[] = [];
for (let i = 0; i < Math.ceil(N / 5); i++) wrongTargets.push(await receive(i));
const real = await receive(900);
const spent = await receive(901);
// one client spends its budget on the last one (5 wrong PINs): its further PINs answer 429 for the window
const spender = clientAddress(5000);
for (let i = 0; i < 5; i++) await callFrom(h.runtime.apiUrl, spender, 'GET', `/public/dossiers/${spent.code}`, { headers: { 'x-lookup-pin': '00000000' } });

await new Promise((r) => setTimeout(r, 5000)); // let the new dossiers' workflows come to rest first
let client = 0;
const time = async (code: string, pin: string | undefined, expected: number, from = clientAddress(++client)) => {
  const t0 = performance.now();
  const res = await callFrom(h.runtime.apiUrl, from, 'GET', `/public/dossiers/${code}`, { headers: pin === undefined ? {} : { 'x-lookup-pin': pin } });
  const ms = performance.now() - t0;
  if (res.status !== expected) throw new Error(`${code} ${pin}: expected ${expected}, got ${res.status}`);
  return ms;
};
const wrongPin = (pin: string) => (pin === '00000000' ? '11111111' : '00000000');

const cases: Record<string, { run: (i: number) => Promise<number>; samples: number[] }> = {
  'unknown code': { run: (i) => time(`TTHCC-261202-${String(5000 + i)}`, '12345678', 404), samples: [] },
  'wrong PIN': { run: (i) => { const d = wrongTargets[Math.floor(i / 5)]!; return time(d.code, wrongPin(d.lookupPin), 404); }, samples: [] },
  'malformed PIN': { run: () => time(real.code, '12ab', 404), samples: [] },
  'no PIN': { run: () => time(real.code, undefined, 404), samples: [] },
  'budget spent (429)': { run: () => time(spent.code, '12345678', 429, spender), samples: [] },
  'right PIN (reference)': { run: () => time(real.code, real.lookupPin, 200), samples: [] },
};
const names = Object.keys(cases);
for (let i = 0; i < 5; i++) await time(real.code, real.lookupPin, 200); // warm-up
for (let i = 0; i < N; i++) {
  // rotate the order every round, so that no case always runs after the same one
  for (let k = 0; k < names.length; k++) {
    const c = cases[names[(i + k) % names.length]!]!;
    c.samples.push(await c.run(i));
  }
}

// "I lost my PIN": a real code (a new PIN is hashed, stored and emailed) against an unknown one
const reminder = { known: [] as number[], unknown: [] as number[] };
const R = Math.min(15, N);
for (let i = 0; i < R; i++) {
  const d = await receive(1000 + i);
  for (const [kind, code] of [['known', d.code], ['unknown', `TTHCC-261202-${String(7000 + i)}`]] as const) {
    const t0 = performance.now();
    const res = await callFrom(h.runtime.apiUrl, clientAddress(++client), 'POST', `/public/dossiers/${code}/pin-reminder`, { body: {} });
    reminder[kind].push(performance.now() - t0);
    if (res.status !== 202) throw new Error(`reminder: ${res.status}`);
  }
}
await h.stop();

console.log(`\nPublic answers about a dossier, ${N} requests per case, interleaved (ms, through the local gateway):\n`);
console.log(
  table(
    ['case', 'median', 'p10', 'p90'],
    names.map((n) => [n, round(median(cases[n]!.samples)), round(percentile(cases[n]!.samples, 10)), round(percentile(cases[n]!.samples, 90))]),
  ),
);
const [u, w, m] = ['unknown code', 'wrong PIN', 'malformed PIN'].map((n) => median(cases[n]!.samples));
console.log(`\nthe three medians side by side: unknown code ${round(u!)} ms | wrong PIN ${round(w!)} ms | malformed PIN ${round(m!)} ms (largest gap ${round(Math.max(u!, w!, m!) - Math.min(u!, w!, m!))} ms)`);
console.log(`"I lost my PIN", ${R} each: real code ${round(median(reminder.known))} ms | unknown code ${round(median(reminder.unknown))} ms (medians; both padded to at least 600 ms)`);
