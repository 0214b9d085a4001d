// The outbox (issue 22): N dossiers received one after another with the outbox's poller running
// beside intake; reports intake's rate with it, the events the outbox delivered per second to the
// national portal's stand-in, and the lag from a fact (the intake's answer) to the portal's call
// (p50, p99). Locally the poller scans every dossier each pass (dynalite has no stream): the lag
// grows with the table; on AWS the stream hands over only the dossiers written.
// Run: npm run bench:outbox   (BENCH_OUTBOX_DOSSIERS=200 by default)
import { startBench, applicant, writePart } from './lib/harness';
import { percentile, round, sleep, table } from './lib/stats';

const N = Number(process.env.BENCH_OUTBOX_DOSSIERS ?? 200);
const b = await startBench();
await b.clock({ set: '2026-12-01T09:00:00+07:00' });
const desk = await b.token('desk-outbox', ['desk']);
b.runtime.outbox.start();

const answeredAt = new Map<string, number>();
const t0 = Date.now();
for (let i = 0; i < N; i++) {
  const r = await b.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': b.idempotencyKey() }, body: { procedureCode: 'DL-LHND', applicant: applicant(`outbox-${i}`), channel: 'counter' } });
  if (r.status !== 201) throw new Error(`intake: ${r.status} ${JSON.stringify(r.body)}`);
  answeredAt.set(r.body.code, Date.now());
}
const intakeSeconds = (Date.now() - t0) / 1000;
const received = () => b.runtime.dvcqg.calls.filter((c) => c.status === 200 && c.service === 'DongBoHoSoMC' && c.body.TrangThaiHoSo === 2 && answeredAt.has(String(c.body.MaHoSo)));
while (new Set(received().map((c) => c.body.MaHoSo)).size < N) await sleep(100);
// every dossier's two first events (received, the first hand-over) delivered
while (b.runtime.dvcqg.calls.filter((c) => c.status === 200 && answeredAt.has(String(c.body.MaHoSo))).length < 2 * N) await sleep(100);
const lastCall = Math.max(...b.runtime.dvcqg.calls.map((c) => Date.parse(c.at)));
const lags = received().map((c) => Date.parse(c.at) - answeredAt.get(String(c.body.MaHoSo))!);
const delivered = b.runtime.dvcqg.calls.filter((c) => c.status === 200 && answeredAt.has(String(c.body.MaHoSo))).length;
const duplicates = delivered - 2 * N;
await b.runtime.outbox.stop();

const result = {
  dossiers: N,
  intakePerSecond: round(N / intakeSeconds),
  eventsDelivered: delivered,
  duplicates,
  eventsPerSecond: round(delivered / ((lastCall - t0) / 1000)),
  lagMs: { p50: round(percentile(lags, 50), 0), p99: round(percentile(lags, 99), 0) },
};
console.log(table(['dossiers', 'intake /s', 'events delivered', 'duplicates', 'events /s', 'lag p50 ms', 'lag p99 ms'], [[N, result.intakePerSecond, delivered, duplicates, result.eventsPerSecond, result.lagMs.p50, result.lagMs.p99]]));
console.log(`written ${await writePart('outbox', result)}`);
await b.runtime.stop();
process.exit(0);
