// Intake through the local gateway at concurrency 1, 16 and 64, beside the raw dynalite PutItem
// rate for an item of the same size, measured in the same run; the storage ceiling is that raw
// rate ÷ the DynamoDB writes one intake causes (counted by a proxy in a separate calibration
// process, so the proxy never sits in the timed path).
// Run: npm run bench:intake   (or: npx tsx bench/intake.ts)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { applicant, meterDynamo, startBench, writePart, type BenchRuntime } from './lib/harness';
import { percentile, round, sleep, table } from './lib/stats';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(HERE, '../..');
const LEVELS = [1, 16, 64];
const DURATION_MS = Number(process.env.BENCH_INTAKE_MS ?? 4000);
const RAW_MS = Number(process.env.BENCH_RAW_MS ?? 1500);
const BODY = { procedureCode: 'TP-LLTP', applicant: applicant('intake'), channel: 'counter' };
const START = '2026-12-01T09:00:00+07:00'; // a Tuesday, working hours

async function submitMany(b: BenchRuntime, token: string, n: number, concurrency: number) {
  const codes: string[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < n) {
        i++;
        const r = await b.call('POST', '/dossiers', { token, headers: { 'idempotency-key': b.idempotencyKey() }, body: BODY });
        if (r.status !== 201) throw new Error(`intake: ${r.status} ${JSON.stringify(r.body)}`);
        codes.push(r.body.code);
      }
    }),
  );
  return codes;
}

/** Calibration (child process): DynamoDB requests per intake, including the workflow it starts. */
async function calibrate() {
  const b = await startBench();
  const meter = await meterDynamo(b);
  await b.clock({ set: START });
  const desk = await b.token('desk-bench', ['desk']);
  await submitMany(b, desk, 4, 2); // warm the functions and the table
  await waitAssigned(b, 4);
  const before = meter.snapshot();
  const N = 24;
  await submitMany(b, desk, N, 4);
  await waitAssigned(b, 4 + N);
  await sleep(200);
  const c = meter.snapshot();
  const per = (k: 'writeRequests' | 'readRequests' | 'writeUnits' | 'readUnits') => (c[k] - before[k]) / N;
  const ops = Object.fromEntries(Object.entries(c.requests).map(([k, v]) => [k, (v - (before.requests[k] ?? 0)) / N]));
  await b.runtime.stop();
  await meter.close();
  console.log(JSON.stringify({ writesPerIntake: per('writeRequests'), readsPerIntake: per('readRequests'), writeUnits: per('writeUnits'), readUnits: per('readUnits'), ops }));
}

/** Wait until `total` dossiers have reached AwaitAgency on their first step (the workflow has drained). */
async function waitAssigned(b: BenchRuntime, total: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  const count = () => b.invocations.filter((i) => i.ok && i.name === 'workflow' && i.action === 'AwaitAgency').length;
  while (count() < total) {
    if (Date.now() > deadline) throw new Error(`workflows did not drain: ${count()}/${total}`);
    await sleep(50);
  }
}

function load(url: string, token: string, concurrency: number, durationMs: number, runId: string) {
  return new Promise<{ latencies: number[]; statuses: Record<string, number>; elapsedMs: number }>((ok, fail) => {
    const w = new Worker(new URL('./lib/load-worker.mjs', import.meta.url), {
      workerData: { url, token, concurrency, durationMs, runId, body: BODY },
    });
    w.once('message', ok);
    w.once('error', fail);
  });
}

/** Operations per second of `op`, run by `concurrency` loops for `durationMs`. */
async function rateOf(concurrency: number, durationMs: number, op: (n: number) => Promise<unknown>) {
  let n = 0;
  const t0 = performance.now();
  const stopAt = t0 + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < stopAt) await op(++n);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

async function rawPutRate(endpoint: string, item: Record<string, any>, concurrency: number, durationMs: number) {
  const client = new DynamoDBClient({ endpoint, maxAttempts: 1 });
  const rate = await rateOf(concurrency, durationMs, (n) => {
    const code = `RAW-${process.pid}-${concurrency}-${n}`;
    return client.send(
      new PutItemCommand({
        TableName: 'motcua',
        Item: { ...item, PK: { S: `DOSSIER#${code}` }, GSI1SK: { S: code }, code: { S: code } },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  });
  client.destroy();
  return rate;
}

/** The PIN hash every intake computes (scrypt, deliberately slow): its own rate on this machine. */
async function pinHashRate(concurrency: number, durationMs: number) {
  const { hashPin } = await import('../functions/commons/pin');
  return rateOf(concurrency, durationMs, () => hashPin('12345678'));
}

async function main() {
  const child = spawnSync(process.execPath, ['--import', 'tsx', HERE, '--calibrate'], { cwd: ROOT, encoding: 'utf8', env: process.env });
  if (child.status !== 0) throw new Error(`calibration failed: ${child.stderr}`);
  const cal = JSON.parse(child.stdout.trim().split('\n').pop()!);

  const b = await startBench();
  await b.clock({ set: START });
  const desk = await b.token('desk-bench', ['desk']);
  let received = 0;
  // warm-up: load every module, JIT the hot paths
  const warm = await load(b.runtime.apiUrl, desk, 4, 1500, `warm-${process.pid}`);
  received += warm.statuses['201'] ?? 0;
  await waitAssigned(b, received);

  const ddb = new DynamoDBClient({ endpoint: b.runtime.dynamoDbUrl });
  const sample = (await b.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': b.idempotencyKey() }, body: BODY })).body.code;
  received++;
  const item = (await ddb.send(new GetItemCommand({ TableName: 'motcua', Key: { PK: { S: `DOSSIER#${sample}` }, SK: { S: 'META' } } }))).Item!;
  const { itemSize } = await import('./lib/dynamo-meter');
  const dossierItemBytes = itemSize(item as never);
  ddb.destroy();
  await waitAssigned(b, received);

  const levels = [];
  for (const c of LEVELS) {
    const raw = await rawPutRate(b.runtime.dynamoDbUrl, item, c, RAW_MS);
    const hashes = await pinHashRate(c, RAW_MS);
    await sleep(200);
    const r = await load(b.runtime.apiUrl, desk, c, DURATION_MS, `c${c}-${process.pid}`);
    const ok = r.statuses['201'] ?? 0;
    received += ok;
    const rate = ok / (r.elapsedMs / 1000);
    const ceiling = raw / cal.writesPerIntake;
    levels.push({
      concurrency: c,
      dossiers: ok,
      errors: Object.entries(r.statuses).filter(([s]) => s !== '201').reduce((s, [, n]) => s + n, 0),
      dossiersPerSecond: round(rate, 1),
      p50Ms: round(percentile(r.latencies, 50), 1),
      p99Ms: round(percentile(r.latencies, 99), 1),
      rawPutsPerSecond: round(raw, 0),
      storageCeiling: round(ceiling, 1),
      intakeOverCeiling: round(rate / ceiling, 3),
      pinHashesPerSecond: round(hashes, 1),
      intakeOverPinHash: round(rate / hashes, 3),
    });
    await waitAssigned(b, received); // let the workflows started by this level finish their first part
  }
  await b.runtime.stop();

  const result = { dossierItemBytes, calibration: cal, durationMs: DURATION_MS, rawMs: RAW_MS, levels, target: { concurrency: 16, minIntakeOverCeiling: 0.6 } };
  await writePart('intake', result);
  console.log(`Intake: POST /dossiers through the local gateway (${DURATION_MS / 1000} s per level), beside raw dynalite PutItem of the same ${dossierItemBytes}-byte item`);
  console.log(`DynamoDB requests per intake (API call + the workflow up to the first AwaitAgency): ${round(cal.writesPerIntake, 2)} writes, ${round(cal.readsPerIntake, 2)} reads\n`);
  console.log(
    table(
      ['concurrency', 'dossiers/s', 'p50 ms', 'p99 ms', 'raw puts/s', 'storage ceiling/s', 'intake÷ceiling', 'PIN hashes/s', 'errors'],
      levels.map((l) => [l.concurrency, l.dossiersPerSecond, l.p50Ms, l.p99Ms, l.rawPutsPerSecond, l.storageCeiling, `${(l.intakeOverCeiling * 100).toFixed(0)}%`, l.pinHashesPerSecond, l.errors]),
    ),
  );
  console.log('\nPIN hashes/s: the scrypt hash (N=16384, r=8) every intake computes, alone at the same concurrency — the other ceiling on this machine.');
}

if (process.argv.includes('--calibrate')) await calibrate();
else await main();
process.exit(0);
