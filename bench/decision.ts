// An agency decision until the next step is assigned (TP-LLTP: STP approves s1-stp → the workflow
// closes stage 1, opens stage 2 and CATP's s2-catp is waiting with its task token stored), through
// the local gateway and the local Step Functions endpoint. Beside it, in the same run: the bare
// round trip to the same Step Functions endpoint (DescribeExecution) and the decision API call alone.
// Run: npm run bench:decision   (or: npx tsx bench/decision.ts)
import { startBench, applicant, writePart } from './lib/harness';
import { median, percentile, round, table } from './lib/stats';

const N = Number(process.env.BENCH_DECISIONS ?? 60);
const b = await startBench();
await b.clock({ set: '2026-12-01T09:00:00+07:00' });
const desk = await b.token('desk-bench', ['desk']);
const stp = await b.token('stp-bench', ['agency-STP']);

// N + 5 dossiers (5 to warm up), each waiting at s1-stp
const codes: string[] = [];
for (let i = 0; i < N + 5; i++) {
  const r = await b.call('POST', '/dossiers', {
    token: desk,
    headers: { 'idempotency-key': b.idempotencyKey() },
    body: { procedureCode: 'TP-LLTP', applicant: applicant(`decision-${i}`), channel: 'counter' },
  });
  if (r.status !== 201) throw new Error(`intake: ${r.status} ${JSON.stringify(r.body)}`);
  codes.push(r.body.code);
}
const isAssigned = (code: string, stepId: string) => b.invocations.some(b.assigned(code, stepId));
while (!codes.every((c) => isAssigned(c, 's1-stp'))) await new Promise((r) => setTimeout(r, 50));

const total: number[] = [];
const api: number[] = [];
let tMeasure = Infinity;
for (const [i, code] of codes.entries()) {
  if (i === 5) tMeasure = performance.now();
  const assigned = b.next(b.assigned(code, 's2-catp'));
  const t0 = performance.now();
  const res = await b.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: stp, body: { outcome: 'approve' } });
  const t1 = performance.now();
  if (res.status !== 202) throw new Error(`decision: ${res.status} ${JSON.stringify(res.body)}`);
  await assigned;
  const t2 = performance.now();
  if (i < 5) continue;
  api.push(t1 - t0);
  total.push(t2 - t0);
}

// baseline: a bare round trip to the same local Step Functions endpoint
const arn = `arn:aws:states:ap-southeast-1:000000000000:execution:motcua-dossier:${codes[0]}`;
const bare: number[] = [];
for (let i = 0; i < N + 20; i++) {
  const t0 = performance.now();
  const r = await fetch(b.runtime.stepFunctionsUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.DescribeExecution' },
    body: JSON.stringify({ executionArn: arn }),
  });
  await r.text();
  if (i >= 20) bare.push(performance.now() - t0);
}

// where the time goes: the functions on the path, by median local duration
const measured = new Set(codes.slice(5));
const onPath = (name: string, action: string) =>
  median(b.invocations.filter((i) => i.startedAt >= tMeasure && measured.has(i.dossierCode ?? '') && i.name === name && i.action.startsWith(action)).map((i) => i.ms));
const path = {
  'decide-step': onPath('decide-step', 'POST'),
  'workflow CloseStage': onPath('workflow', 'CloseStage'),
  'workflow OpenStage': onPath('workflow', 'OpenStage'),
  'workflow CheckStep': onPath('workflow', 'CheckStep'),
  'workflow AwaitAgency': onPath('workflow', 'AwaitAgency'),
};
await b.runtime.stop();

const stats = (xs: number[]) => ({ n: xs.length, p50Ms: round(percentile(xs, 50), 1), p99Ms: round(percentile(xs, 99), 1) });
const result = {
  decisionToNextAssigned: stats(total),
  decisionApiCall: stats(api),
  bareStepFunctionsRoundTrip: stats(bare),
  functionMediansMs: Object.fromEntries(Object.entries(path).map(([k, v]) => [k, round(v, 1)])),
};
await writePart('decision', result);
console.log(`Decision → next step assigned (TP-LLTP, s1-stp approved → s2-catp waiting), ${N} sequential decisions\n`);
console.log(
  table(
    ['measure', 'n', 'p50 ms', 'p99 ms'],
    [
      ['decision → next step assigned', total.length, result.decisionToNextAssigned.p50Ms, result.decisionToNextAssigned.p99Ms],
      ['  of which the decision API call (202)', api.length, result.decisionApiCall.p50Ms, result.decisionApiCall.p99Ms],
      ['baseline: bare Step Functions round trip', bare.length, result.bareStepFunctionsRoundTrip.p50Ms, result.bareStepFunctionsRoundTrip.p99Ms],
    ],
  ),
);
console.log(`\nfunction medians on the path (ms): ${Object.entries(result.functionMediansMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
process.exit(0);
