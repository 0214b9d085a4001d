// Cost per dossier on AWS: run whole dossiers locally and count what AWS would bill — state
// transitions (GetExecutionHistory on the local Step Functions endpoint), Lambda invocations and
// their durations (timed around LocalLambdas.invoke), DynamoDB read/write units (a counting proxy
// in front of dynalite), emails (the SES mailbox) and HTTP API requests — then price them with the
// published us-east-1 prices, beside the same routes as an hourly polling design would run them.
// Run: npm run bench:cost   (or: npx tsx bench/cost.ts)
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { applicant, meterDynamo, startBench, writePart, type Invocation } from './lib/harness';
import { billedGbSeconds, cost, pollingUsage, PRICES, type Usage } from './lib/pricing';
import { round, sleep, table } from './lib/stats';

const b = await startBench();
const meter = await meterDynamo(b);
const sfn = new SFNClient({ endpoint: b.runtime.stepFunctionsUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const STATE_MACHINE = 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:motcua-dossier';
const desk = await b.token('desk-bench', ['desk']);
const tokens = new Map<string, string>();
const agencyToken = async (agency: string) => {
  if (!tokens.has(agency)) tokens.set(agency, await b.token(`${agency.toLowerCase()}-bench`, [`agency-${agency}`]));
  return tokens.get(agency)!;
};
const emails = async () => ((await (await fetch(`${b.runtime.mailboxUrl}/store`)).json()) as { emails: unknown[] }).emails.length;

/** Wait until no function has started or ended for `quietMs` (the workflow is waiting). */
async function idle(quietMs = 300, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  while (Date.now() < deadline) {
    const n = b.invocations.length;
    if (n === seen) return;
    seen = n;
    await sleep(quietMs);
  }
}

async function waitFor(pred: (i: Invocation) => boolean, timeoutMs = 20_000): Promise<Invocation | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const hit = b.invocations.find((i) => i.ok && pred(i));
    if (hit) return hit;
    await sleep(25);
  }
  return undefined;
}

interface StepPlan {
  /** The agency whose queue the step lands in (TTHCC: the desk's return step, acted on by a desk officer). */
  agency: string;
  /** How long the agency takes (ISO 8601 duration of the local clock) before it decides. */
  takes: string;
  /** The due time passes first: wait for the apology before deciding. */
  late?: boolean;
  /** The agency first asks for a supplement; the citizen brings it to the desk after this long. */
  supplementAfter?: string;
}

/** The next Tuesday 09:00 (+07:00) after the local clock. */
function nextTuesday(): string {
  const local = new Date(b.runtime.clock.now() + 7 * 3_600_000 + 86_400_000); // at least a day on, in local time
  while (local.getUTCDay() !== 2) local.setUTCDate(local.getUTCDate() + 1);
  return `${local.toISOString().slice(0, 10)}T09:00:00+07:00`;
}

async function runScenario(name: string, procedureCode: string, steps: StepPlan[]) {
  await b.clock({ set: nextTuesday() }); // a Tuesday, 09:00 (the clock never goes back: each scenario a week on)
  const from = b.invocations.length;
  const dynamoFrom = meter.log.length;
  const emailsBefore = await emails();
  const who = applicant(`${name.replace(/[^a-z0-9]+/gi, "-")}-${Date.now()}`);
  const r = await b.call('POST', '/dossiers', {
    token: desk,
    headers: { 'idempotency-key': b.idempotencyKey() },
    body: { procedureCode, applicant: who, channel: 'counter' },
  });
  if (r.status !== 201) throw new Error(`${name}: intake ${r.status} ${JSON.stringify(r.body)}`);
  const code: string = r.body.code;
  const waits: number[] = [];
  let apologies = 0;
  const handled = new Set<string>();
  const isAwait = (i: Invocation) => i.name === 'workflow' && i.action === 'AwaitAgency' && i.dossierCode === code;
  for (const step of steps) {
    const token = step.agency === 'TTHCC' ? desk : await agencyToken(step.agency);
    const assigned = await waitFor((i) => isAwait(i) && !handled.has(i.stepId ?? ''));
    if (!assigned) throw new Error(`${name}: no step assigned to ${step.agency}`);
    const stepId = assigned.stepId!;
    handled.add(stepId);
    await idle();
    if (step.supplementAfter) {
      await b.clock({ advance: step.takes });
      await idle();
      const asked = await b.call('POST', `/dossiers/${code}/steps/${stepId}/decision`, {
        token,
        body: { outcome: 'request-supplement', missing: ['Bản sao Căn cước công dân'], reason: 'Thiếu bản sao giấy tờ tùy thân' },
      });
      if (asked.status !== 202) throw new Error(`${name}: request-supplement ${asked.status} ${JSON.stringify(asked.body)}`);
      await idle();
      await b.clock({ advance: step.supplementAfter });
      await idle();
      const supplied = await b.call('POST', `/dossiers/${code}/supplement`, {
        token: desk,
        body: { documents: [{ name: 'Bản sao Căn cước công dân', ref: 's3://documents/cccd.pdf' }] },
      });
      if (supplied.status !== 202) throw new Error(`${name}: supplement ${supplied.status} ${JSON.stringify(supplied.body)}`);
      const back = await waitFor((i) => isAwait(i) && i.stepId === stepId && i.startedAt > assigned.startedAt);
      if (!back) throw new Error(`${name}: ${stepId} did not come back to ${step.agency}`);
      await idle();
    }
    await b.clock({ advance: step.takes });
    if (step.late) {
      const apology = await waitFor((i) => i.name === 'workflow' && i.letters.some((k) => k.startsWith('apology')) && i.dossierCode === code, 15_000);
      if (apology) apologies++;
    }
    await idle();
    const queue = await b.call('GET', `/agencies/${step.agency}/tasks`, { token });
    const task = (queue.body.tasks ?? []).find((t: { dossierCode: string; stepId: string }) => t.dossierCode === code && t.stepId === stepId);
    if (!task) throw new Error(`${name}: ${code} ${stepId} not in the ${step.agency} queue: ${JSON.stringify(queue.body)}`);
    const decided = await b.call('POST', `/dossiers/${code}/steps/${stepId}/decision`, { token, body: { outcome: 'approve' } });
    if (decided.status !== 202) throw new Error(`${name}: decision ${decided.status} ${JSON.stringify(decided.body)}`);
    waits.push(b.runtime.clock.now() - assigned.clockAt);
  }
  // the execution ends
  const arnOf = async () =>
    ((await sfn.send(new ListExecutionsCommand({ stateMachineArn: STATE_MACHINE }))).executions ?? []).filter(
      (e) => e.name === code || e.name?.startsWith(`${code}-`),
    );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const execs = await arnOf();
    const states = await Promise.all(execs.map(async (e) => (await sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn }))).status));
    if (execs.length && states.every((s) => s !== 'RUNNING')) break;
    if (Date.now() > deadline) throw new Error(`${name}: the execution of ${code} did not finish`);
    await sleep(50);
  }
  const final = await b.call('GET', `/dossiers/${code}`, { token: desk });
  await idle(200);

  // count
  let transitions = 0;
  const byState: Record<string, number> = {};
  for (const e of await arnOf()) {
    // the endpoint's own JSON (the SDK would drop the local event fields that name the state)
    const res = await fetch(b.runtime.stepFunctionsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.GetExecutionHistory' },
      body: JSON.stringify({ executionArn: e.executionArn }),
    });
    const events = ((await res.json()) as { events: { type: string; state?: { name: string } }[] }).events;
    for (const ev of events) {
      if (ev.type !== 'StateEntered' && ev.type !== 'StateRetried') continue;
      transitions++;
      const k = `${ev.state?.name ?? '?'}${ev.type === 'StateRetried' ? ' (retry)' : ''}`;
      byState[k] = (byState[k] ?? 0) + 1;
    }
  }
  const invs = b.invocations.slice(from);
  const dyn = meter.log.slice(dynamoFrom);
  // attribute DynamoDB units to the invocation running when each request arrived (the latest started)
  const perInvocation = invs.map((i) => ({ i, rcu: 0, wcu: 0 }));
  for (const d of dyn) {
    const owner = perInvocation.filter((p) => d.at >= p.i.startedAt && d.at <= p.i.startedAt + p.i.ms).sort((x, y) => y.i.startedAt - x.i.startedAt)[0];
    if (owner) {
      owner.rcu += d.readUnits;
      owner.wcu += d.writeUnits;
    }
  }
  const usage: Usage = {
    stateTransitions: transitions,
    lambdaInvocations: invs.length,
    lambdaGbSeconds: invs.reduce((s, i) => s + billedGbSeconds(i.ms, b.memoryOf(i.name)), 0),
    writeUnits: dyn.reduce((s, d) => s + d.writeUnits, 0),
    readUnits: dyn.reduce((s, d) => s + d.readUnits, 0),
    emails: (await emails()) - emailsBefore,
    apiRequests: invs.filter((i) => b.apiFunctions.has(i.name)).length,
  };
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, c) => a + c, 0) / xs.length : 0);
  const of = (name: string, action: string) => perInvocation.filter((p) => p.i.name === name && p.i.action === action);
  const awaits = of('workflow', 'AwaitAgency');
  const checks = of('workflow', 'CheckStep');
  const polling = pollingUsage(usage, {
    waitHours: waits.map((ms) => ms / 3_600_000),
    callbackWaits: awaits.length,
    awaitGbSeconds: mean(awaits.map((p) => billedGbSeconds(p.i.ms, b.memoryOf(p.i.name)))),
    awaitWriteUnits: mean(awaits.map((p) => p.wcu)),
    checkGbSeconds: mean(checks.map((p) => billedGbSeconds(p.i.ms, b.memoryOf(p.i.name)))),
    checkReadUnits: mean(checks.map((p) => p.rcu)) || 1,
  });
  const functions: Record<string, { invocations: number; billedMs: number; readUnits: number; writeUnits: number }> = {};
  for (const p of perInvocation) {
    const k = `${p.i.name}${p.i.action && !p.i.action.includes('/') ? ` ${p.i.action}` : ''}`;
    const f = (functions[k] ??= { invocations: 0, billedMs: 0, readUnits: 0, writeUnits: 0 });
    f.invocations++;
    f.billedMs += Math.ceil(p.i.ms);
    f.readUnits += p.rcu;
    f.writeUnits += p.wcu;
  }
  return {
    name,
    procedureCode,
    dossierCode: code,
    finalStatus: final.body?.status,
    apologies,
    agencyWaitHours: waits.map((ms) => round(ms / 3_600_000, 1)),
    usage: { ...usage, lambdaGbSeconds: round(usage.lambdaGbSeconds, 4) },
    dynamoRequests: dyn.reduce((acc, d) => ({ ...acc, [d.op]: (acc[d.op] ?? 0) + 1 }), {} as Record<string, number>),
    transitionsByState: byState,
    functions,
    cost: cost(usage),
    polling: { ...polling, lambdaGbSeconds: round(polling.lambdaGbSeconds, 4), cost: cost(polling) },
  };
}

// TP-LLTP: Justice (24 working hours), then City Police (48), then the desk returns the result (its
// return step, when the procedure has one). Each agency takes a while of wall-clock time, as in life.
const hasReturnStep = (await b.call('GET', '/procedures', { token: desk })).body?.procedures
  ?.find?.((p: { code: string }) => p.code === 'TP-LLTP')
  ?.stages?.some?.((st: { steps: { agency: string }[] }) => st.steps.some((x) => x.agency === 'TTHCC'));
const desk4h: StepPlan[] = hasReturnStep ? [{ agency: 'TTHCC', takes: 'PT2H' }] : [];
const ROUTES = {
  onTime: [{ agency: 'STP', takes: 'P1D' }, { agency: 'CATP', takes: 'P2D' }, ...desk4h],
  apology: [{ agency: 'STP', takes: 'P1D' }, { agency: 'CATP', takes: 'P14D', late: true }, ...desk4h],
  supplement: [{ agency: 'STP', takes: 'P1D', supplementAfter: 'P2D' }, { agency: 'CATP', takes: 'P2D' }, ...desk4h],
} satisfies Record<string, StepPlan[]>;

const notes: string[] = [];
const canSupplement = b.registry.routes.some((r) => r.path === '/dossiers/{code}/supplement');
await runScenario('warm-up', 'TP-LLTP', canSupplement ? ROUTES.supplement : ROUTES.onTime); // loads every module once; not counted
const scenarios = [
  await runScenario('two-stage on time', 'TP-LLTP', ROUTES.onTime),
  ...(canSupplement ? [await runScenario('two-stage, supplement', 'TP-LLTP', ROUTES.supplement)] : []),
  await runScenario('two-stage, late → apology', 'TP-LLTP', ROUTES.apology),
];
if (!canSupplement) notes.push('supplement scenario: not run — there is no POST /dossiers/{code}/supplement route in infra/registry.ts');
if (hasReturnStep) notes.push('TP-LLTP now ends with the desk\'s return step (TTHCC): each scenario approves it too');

await b.runtime.stop();
await meter.close();

const usd = (n: number) => `$${n < 0.01 ? n.toFixed(6) : n.toFixed(4)}`;
const result = { prices: PRICES, scenarios, notes, target: { scenario: 'two-stage on time', maxUsd: 0.001, maxTransitions: 40 } };
await writePart('cost', result);
console.log('Cost per dossier on AWS (us-east-1 prices), counted from whole dossiers run locally; polling = an hourly Wait loop per agency step\n');
console.log(
  table(
    ['scenario', 'transitions', 'lambda', 'GB-s', 'WCU', 'RCU', 'emails', 'API', '$/dossier', '$/million', 'polling: transitions', 'polling $/dossier', 'polling $/million'],
    scenarios.map((s) => [
      s.name,
      s.usage.stateTransitions,
      s.usage.lambdaInvocations,
      s.usage.lambdaGbSeconds,
      round(s.usage.writeUnits, 1),
      round(s.usage.readUnits, 1),
      s.usage.emails,
      s.usage.apiRequests,
      usd(s.cost.total),
      `$${Math.round(s.cost.total * 1e6).toLocaleString('en-US')}`,
      s.polling.stateTransitions,
      usd(s.polling.cost.total),
      `$${Math.round(s.polling.cost.total * 1e6).toLocaleString('en-US')}`,
    ]),
  ),
);
const s0 = scenarios[0]!;
console.log(
  `\non time, by service: ${Object.entries(s0.cost)
    .filter(([k]) => k !== 'total')
    .map(([k, v]) => `${k} ${usd(v)}`)
    .join(', ')}; agency waits ${s0.agencyWaitHours.join(' h + ')} h`,
);
for (const n of notes) console.log(`note: ${n}`);
process.exit(0);
