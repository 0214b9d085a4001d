// The 17:00 rush (issue 11): N dossiers whose steps lapse in the same minute, so N apologies
// (form 04) leave at once, through the email queue, with the SES stand-in throttled at R emails/s
// (the fault proxy answers 429 beyond it) and the centre's profile saying R too. Reports letters
// sent, duplicates, failures, throttles answered, and the time to drain beside its lower bound N / R.
// Run: npm run bench:email-rush   (BENCH_RUSH_DOSSIERS=2000 BENCH_RUSH_RATE=14 by default;
// BENCH_RUSH_PROFILE_RATE, the rate the centre's profile claims, defaults to RATE: set it higher
// to make the stand-in throttle the sender, which must then wait, never fail)
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startBench, applicant, writePart } from './lib/harness';
import { round, sleep, table } from './lib/stats';

const N = Number(process.env.BENCH_RUSH_DOSSIERS ?? 2000);
const RATE = Number(process.env.BENCH_RUSH_RATE ?? 14);
const PROFILE_RATE = Number(process.env.BENCH_RUSH_PROFILE_RATE ?? RATE);
const b = await startBench();
const setRate = (perSecond: number) => {
  const profile = JSON.parse(process.env.CENTRE_PROFILE!);
  process.env.CENTRE_PROFILE = JSON.stringify({ ...profile, sendingRatePerSecond: perSecond });
};
// setup (receipts) at a fast rate; the rush at R
setRate(500);
await b.clock({ set: '2026-12-01T09:00:00+07:00' });
const desk = await b.token('desk-rush', ['desk']);
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: b.runtime.dynamoDbUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
const scanEmails = async (prefix: string) => {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: 'motcua', FilterExpression: 'begins_with(SK, :p)', ExpressionAttributeValues: { ':p': prefix }, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
};

// N dossiers received in the same minute (the clock does not move): their steps share a due time
const t0 = performance.now();
const codes: string[] = [];
for (let i = 0; i < N; i++) {
  const r = await b.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': b.idempotencyKey() }, body: { procedureCode: 'DL-LHND', applicant: applicant(`rush-${i}`), channel: 'counter' } });
  if (r.status !== 201) throw new Error(`intake: ${r.status} ${JSON.stringify(r.body)}`);
  codes.push(r.body.code);
}
while (!codes.every((c) => b.invocations.some(b.assigned(c, 's1-sdl')))) await sleep(200);
while ((await scanEmails('EMAIL#receipt')).filter((e) => e.state === 'sent').length < N) await sleep(500);
console.log(`setup: ${N} dossiers received and their receipts sent in ${round((performance.now() - t0) / 1000)} s`);

// the rush: SES allows R per second, the centre's profile says PROFILE_RATE; every step lapses at once
setRate(PROFILE_RATE);
b.runtime.faults.ses.rate = { perSecond: RATE, match: 'outbound-emails' };
const injectedBefore = b.runtime.faults.ses.injected;
let firstQueued = Infinity;
let lastQueued = 0;
b.listeners.add((i) => {
  if (i.name !== 'workflow' || !i.letters.some((k) => k.startsWith('apology'))) return;
  firstQueued = Math.min(firstQueued, i.startedAt);
  lastQueued = Math.max(lastQueued, i.startedAt + i.ms);
});
const tRush = performance.now();
await b.clock({ set: '2026-12-14T10:00:00+07:00' }); // past the 72 working-hour due time (9 working days after Tue 1/12 09:00)
let sent = 0;
let last = '';
for (;;) {
  const apologies = await scanEmails('EMAIL#apology');
  sent = apologies.filter((e) => e.state === 'sent').length;
  const line = `apologies: ${apologies.length} recorded, ${sent} sent`;
  if (line !== last) console.log(`  ${round((performance.now() - tRush) / 1000)} s  ${line}`);
  last = line;
  if (sent >= N) break;
  await sleep(1000);
}
const tDrained = performance.now();
await sleep(2000);
const apologies = await scanEmails('EMAIL#apology');
const failed = apologies.filter((e) => e.state === 'failed').length;
const attempts = apologies.reduce((n, e) => n + Number(e.attempts ?? 0), 0);
// duplicates, from the mailbox itself: apology letters per address
const store = (await (await fetch(`${b.runtime.mailboxUrl}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] };
const perAddress = new Map<string, number>();
for (const e of store.emails.filter((m) => m.subject.includes('Phiếu xin lỗi'))) perAddress.set(e.destination.to[0]!, (perAddress.get(e.destination.to[0]!) ?? 0) + 1);
const letters = [...perAddress.values()].reduce((a, n) => a + n, 0);
const duplicates = [...perAddress.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
const drainS = (tDrained - Math.min(firstQueued, tDrained)) / 1000;
const totalS = (tDrained - tRush) / 1000;
const bound = N / RATE;
const throttled = b.runtime.faults.ses.injected - injectedBefore;

console.log(
  '\n' +
    table(
      ['email rush', 'value'],
      [
        ['dossiers lapsing in the same minute', N],
        ['SES rate (the stand-in throttles above it), emails/s', RATE],
        ["the centre profile's rate (the senders' pace), emails/s", PROFILE_RATE],
        ['apology letters in the mailbox', letters],
        ['duplicates', duplicates],
        ['failed (given up)', failed],
        ['SES calls answered 429 (throttled, waited)', throttled],
        ['SES attempts recorded / letters', `${attempts} / ${sent}`],
        ['lower bound N / R, s', round(bound)],
        ['drain: first apology queued → last sent, s', round(drainS)],
        ['drain / lower bound', round(drainS / bound, 2)],
        ['  of which the lapses were still being queued, s', round((lastQueued - firstQueued) / 1000)],
        ['last apology queued → last sent, s', round((tDrained - lastQueued) / 1000)],
        ['clock moved → last sent (includes the lapses), s', round(totalS)],
      ],
    ),
);
const file = await writePart('email-rush', { dossiers: N, rate: RATE, profileRate: PROFILE_RATE, letters, duplicates, failed, throttled, attempts, lowerBoundS: bound, drainS, queuingS: (lastQueued - firstQueued) / 1000, afterQueuedS: (tDrained - lastQueued) / 1000, totalS });
console.log(`\nwritten to ${file}`);
await b.runtime.stop();
process.exit(0);
