import { DynamoDBDocumentClient } from './aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import * as fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeTable } from '../../test/support/fake-table';
import { hanoiProcedures } from '../../test/support/centre';
import { aggregateKeys, dayBuckets, markDossier, periodBucket } from './aggregates';
import { readFacts } from './figures-read';
import { readPeriod } from './report-period';
import { keys, listAgencies, logbookKeys } from './store';
import { reportFromBucket, skippedOf } from '../core/aggregates';
import { assignedStep, type Dossier, type Pause, type Step } from '../core/dossier';
import { localDayRange, timelinessReport } from '../core/records';
import { holderCounts, panel766Counts, periodicCounts, mergeFigures } from '../core/aggregate-figures';
import { handlers, type Evaluation, type EvaluationForm } from '../core/evaluation';
import { agencyFigures, officerFigures, panel766, periodicReport } from '../core/figures';
import { addDays } from '../core/report-periods';

/**
 * The aggregates against a recomputation from the facts (issue 26): random histories of dossiers
 * (supplements answered or still open, fee pauses, apologies, late and early decisions, refusals,
 * withdrawals, returns, ratings, a dossier whose facts cannot be computed) are written fact by
 * fact in a random interleaving; each write's mark (the stream's record) arrives late, twice, or
 * out of order; reports read in between, some of them at the same time as the writes. Once every
 * mark has arrived, the report added up from the aggregates equals the report the old way
 * (`readPeriod` + `timelinessReport`, reading every fact of the period) — by agency and by
 * procedure, every desk and one desk, with the same dossiers left out.
 */

process.env.TABLE_NAME ??= 'motcua-unit'; // the unit tier's one name (test/support/route-unit.ts): files share their worker's process
const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;

const L = (s: string) => new Date(`${s}+07:00`).getTime();
const H = 3600_000;
const iso = (t: number) => new Date(t).toISOString();
const FROM = '2026-12-01';
const TO = '2026-12-14';
const NOW = new Date(L('2026-12-21T10:00:00'));
const routed = hanoiProcedures.filter((p) => p.stages.length >= 2 && p.stages.every((s) => s.steps.length === 1)).slice(0, 2);
const AGENCIES = [...new Set(routed.flatMap((p) => [p.receivingAgency, ...p.stages.flatMap((s) => s.steps.map((x) => x.agency))]))];

const StepPlan = fc.record({
  hours: fc.integer({ min: 1, max: 120 }),
  outcome: fc.constantFrom('approve', 'approve', 'approve', 'refuse', 'pending', 'withdraw'),
  supplement: fc.option(fc.record({ after: fc.integer({ min: 0, max: 20 }), lasts: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }) }), { nil: undefined }),
  apologies: fc.integer({ min: 0, max: 2 }),
  decidedBy: fc.constantFrom('o-1', 'o-2', 'o-3', 'client:portal'),
});
const DossierPlan = fc.record({
  day: fc.integer({ min: 0, max: 12 }),
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  procedure: fc.integer({ min: 0, max: routed.length - 1 }),
  branch: fc.boolean(),
  fee: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  steps: fc.array(StepPlan, { minLength: 0, maxLength: 4 }),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  broken: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
  receivedBy: fc.constantFrom('desk-1', 'desk-2', 'o-1', 'citizen'),
  online: fc.boolean(),
  documents: fc.boolean(),
  evaluation: fc.option(fc.record({ q1: fc.integer({ min: 1, max: 5 }), q2: fc.integer({ min: 1, max: 3 }), comment: fc.boolean() }), { nil: undefined }),
});
type Plan = typeof DossierPlan extends fc.Arbitrary<infer T> ? T : never;

/** A dossier's history as the writes that make it: each a fact item (META or STEP#) in its state then. */
function history(plan: Plan, n: number): Record<string, unknown>[] {
  const procedure = routed[plan.procedure]!;
  const received = L(`2026-12-${String(1 + plan.day).padStart(2, '0')}T00:00:00`) + plan.minute * 60_000;
  const code = `${plan.branch ? 'BDH' : procedure.receivingAgency}-2612${String(1 + plan.day).padStart(2, '0')}-${String(n).padStart(4, '0')}`;
  const d: Dossier = {
    code, procedure, status: 2, channel: plan.online ? 'online' : 'counter', applicant: { name: 'An' }, documents: plan.documents ? [{ name: 'x', ref: 'y' }] : [], receivedAt: iso(received), appointmentAt: iso(received),
    stageIndex: 0, extensions: {}, pauses: {}, pinHash: 'x', receivedBy: plan.receivedBy, ...(plan.branch ? { branch: 'BDH' } : {}),
  } as unknown as Dossier;
  const meta = () => ({ ...keys.dossier(code), ...logbookKeys(procedure.receivingAgency, d.receivedAt, code), ...structuredClone(d) });
  const writes: Record<string, unknown>[] = [meta()];
  let t = received;
  if (plan.fee) {
    d.pauses.fee = { stepId: 'fee', round: 1, agency: procedure.receivingAgency, from: iso(t + H), to: iso(t + H + plan.fee * H), missing: [], reason: 'fee', kind: 'fee' } as Pause;
    d.status = 4;
    writes.push(meta());
  }
  const plans = [...plan.steps];
  const done: Step[] = [];
  const stages = procedure.stages.map((s) => s.steps[0]!);
  for (const [i, def] of stages.entries()) {
    const p = plans.shift();
    if (!p) break;
    const s: Step = assignedStep({ code, stepId: def.stepId, stageIndex: i, agency: def.agency, atDesk: def.stepId === 'return', name: { vi: def.stepId, en: def.stepId }, budgetHours: def.budgetHours, assignedAt: iso(t), dueAt: null });
    const step = () => ({ ...keys.step(code, s.stepId), ...logbookKeys(s.agency, s.assignedAt, code, s.stepId), ...structuredClone(s) });
    d.stageIndex = i;
    done.push(s);
    writes.push(step(), meta());
    if (p.supplement) {
      const from = t + p.supplement.after * H;
      d.pauses[`${s.stepId}-1`] = { stepId: s.stepId, round: 1, agency: s.agency, from: iso(from), ...(p.supplement.lasts ? { to: iso(from + p.supplement.lasts * H) } : {}), missing: ['x'], reason: 'thiếu' };
      s.supplementRounds = 1;
      writes.push(step(), meta());
      if (!p.supplement.lasts) break; // the citizen never came back: open, paused
      t = from + p.supplement.lasts * H;
    }
    if (p.apologies) {
      s.extensions = p.apologies;
      s.extensionHours = 8 * p.apologies;
      d.extensions[s.stepId] = 8 * p.apologies;
      writes.push(step(), meta());
    }
    if (p.outcome === 'pending') break;
    t += p.hours * H;
    if (p.outcome === 'withdraw') {
      d.status = 7;
      d.stop = { kind: 'withdrawn', at: iso(t), reason: 'rút' };
      writes.push(meta());
      break;
    }
    Object.assign(s, { state: p.outcome === 'refuse' ? 'refused' : 'approved', outcome: p.outcome, decidedAt: iso(t), decidedBy: p.decidedBy });
    writes.push(step());
    if (p.outcome === 'refuse') {
      d.status = 8;
      d.stop = { kind: 'refused', at: iso(t), stepId: s.stepId, agency: s.agency, reason: 'từ chối' };
      writes.push(meta());
      break;
    }
    if (def.stepId === 'return') {
      Object.assign(d, { status: 10, resultReadyAt: s.assignedAt, returnedAt: iso(t), ...(plan.rating ? { rating: { score: plan.rating, at: iso(t) } } : {}) });
      writes.push(meta());
      if (plan.evaluation) {
        const e = plan.evaluation;
        (d as Dossier & { evaluation?: Evaluation }).evaluation = { answers: { q1: e.q1, q2: e.q2 }, ...(e.comment ? { comment: 'tốt' } : {}), at: iso(t + H), via: 'pin', officers: handlers(d, done) } as Evaluation;
        writes.push(meta());
      }
    }
  }
  if (plan.broken) {
    d.pauses.bad = { stepId: 'x', round: 9, agency: 'X', from: 'not an instant', missing: [], reason: '' };
    writes.push(meta());
  }
  return writes;
}

/** The report the old way: every fact of the period read and counted. */
async function recomputed(by: 'agency' | 'procedure', branch?: string) {
  const { agencies, cal, dossiers, received, steps, problems } = await readPeriod(FROM, TO, branch);
  const bad = new Set(problems.map((p) => p.code));
  const report = timelinessReport(cal, {
    by,
    steps: steps.filter((s) => dossiers.has(s.code) && !bad.has(s.code)).map((step) => ({ step, dossier: dossiers.get(step.code)! })),
    dossiers: received.filter((d) => !bad.has(d.code)),
    now: NOW,
    groups: by === 'agency' ? agencies.map((a) => ({ key: a.code, name: a.name })) : undefined,
  });
  return { ...report, skipped: [...problems].sort((a, b) => a.code.localeCompare(b.code)) };
}

/** The report as GET /reports/timeliness makes it: added up from the aggregates. */
async function fromAggregates(by: 'agency' | 'procedure', branch?: string) {
  const agencies = await listAgencies();
  const bucket = await periodBucket(FROM, TO, agencies.map((a) => a.code));
  const groups = by === 'agency' ? agencies.map((a) => ({ key: a.code, name: a.name })) : undefined;
  return { ...reportFromBucket(bucket, { by, branch, now: NOW, groups }), skipped: skippedOf(bucket, branch) };
}

const FORM = {
  source: { title: { vi: 'Mẫu thử', en: 'Test form' } },
  criteria: [
    { id: 'q1', label: { vi: 'Hài lòng', en: 'Satisfied' }, scale: [1, 2, 3, 4, 5].map((n) => ({ vi: `${n}`, en: `${n}` })) },
    { id: 'q2', label: { vi: 'Thời gian', en: 'Time' }, scale: [1, 2, 3].map((n) => ({ vi: `${n}`, en: `${n}` })) },
  ],
  overall: 'q1',
} as unknown as EvaluationForm;

/**
 * The 766 panel, the officers' and agencies' figures and the periodic report: their numbers from
 * the aggregates against functions/core/figures.ts over every fact (as the routes read them before).
 */
async function figuresCompared(branch: string | undefined) {
  const facts = await readFacts(FROM, TO, branch);
  const bucket = await periodBucket(FROM, TO, AGENCIES);
  // the 766 panel
  const old = panel766(facts.cal, facts.received, FORM).components.map(({ id, numerator, denominator, value }) => ({ id, numerator, denominator, value }));
  const agg = panel766Counts(bucket.fig, FORM, branch);
  expect(old.map((c) => ({ ...agg[c.id], id: c.id })), `766 ${branch ?? ''}`).toEqual(old);
  // the periodic report: a period inside the facts (carried over from FROM), and one to TO
  for (const [from, to] of [['2026-12-05', '2026-12-08'], ['2026-12-03', TO]] as const) {
    const before = await readFacts(FROM, addDays(from, -1), branch);
    const inPeriod = await readFacts(from, to, branch);
    const list = [...new Map([...before.dossiers, ...inPeriod.dossiers]).values()];
    const start = new Date(localDayRange(from)[0]);
    const end = new Date(Math.min(new Date(localDayRange(to)[1]).getTime(), NOW.getTime()));
    const days = await dayBuckets(FROM, to, AGENCIES);
    const counted = [...days].map(([day, b]) => ({ day, f: b.fig }));
    for (const by of ['branch', 'agency', 'procedure'] as const) {
      const r = periodicReport(facts.cal, list, start, end, by);
      const strip = ({ dossiers: _d, ...row }: (typeof r.rows)[number]) => row;
      expect(periodicCounts(counted, from, start, end, by, branch), `periodic ${from} ${by} ${branch ?? ''}`).toEqual({ rows: r.rows.map(strip), total: strip(r.total) });
    }
  }
  if (branch !== undefined) return;
  // officers and agencies
  const period = { ...facts, now: NOW };
  const holders = (rows: ReturnType<typeof officerFigures>) =>
    rows.map((r) => ({ key: r.key, handled: r.handled.count, onTime: r.onTime.count, late: r.late.count, evaluations: r.evaluations.count, criteria: r.evaluations.criteria }));
  const merged = mergeFigures([bucket.fig]);
  expect(holderCounts(merged, 'O', FROM, NOW, FORM), 'officers').toEqual(holders(officerFigures(facts.cal, period, FORM)));
  expect(holderCounts(merged, 'A', FROM, NOW, FORM), 'agencies').toEqual(holders(agencyFigures(facts.cal, period, FORM)));
  // a period that begins after some of the dossiers' slices: each counted once, by its first slice in it
  const later = await readFacts('2026-12-06', TO);
  const laterBucket = await periodBucket('2026-12-06', TO, AGENCIES);
  expect(holderCounts(laterBucket.fig, 'O', '2026-12-06', NOW, FORM), 'officers from the 6th').toEqual(holders(officerFigures(later.cal, { ...later, now: NOW }, FORM)));
  expect(holderCounts(laterBucket.fig, 'A', '2026-12-06', NOW, FORM), 'agencies from the 6th').toEqual(holders(agencyFigures(later.cal, { ...later, now: NOW }, FORM)));
}

describe('timeliness aggregates', () => {
  beforeAll(() => expect(routed.length).toBeGreaterThan(0));
  beforeEach(() => {
    db.reset();
    table = new FakeTable().serve(db);
  });

  it('equal a recomputation from the facts, whatever the order of the writes, the marks and the reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(DossierPlan, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 20, maxLength: 120 }),
        async (plans, schedule) => {
          db.reset();
          table = new FakeTable().serve(db);
          for (const code of AGENCIES) table.put({ PK: 'CATALOGUE', SK: `AGENCY#${code}`, code, kind: 'department', name: { vi: code, en: code } });
          const lanes = plans.map((p, i) => history(p, i + 1));
          const marks: string[] = [];
          const reads: Promise<unknown>[] = [];
          let k = 0;
          const pick = () => schedule[k++ % schedule.length]!;
          // interleave the dossiers' writes (each dossier's in its order); marks and reads in between
          while (lanes.some((l) => l.length) || marks.length) {
            const what = pick() % 6;
            const open = lanes.filter((l) => l.length);
            if (what <= 2 && open.length) {
              const item = open[pick() % open.length]!.shift()!;
              table.put(item);
              marks.push(String(item.code));
            } else if (what === 3 && marks.length) {
              // a mark arrives (out of order), sometimes twice
              const [code] = marks.splice(pick() % marks.length, 1);
              await markDossier(code!);
              if (pick() % 3 === 0) await markDossier(code!);
            } else if (what === 4) {
              // a read at the same time as what follows
              reads.push(periodBucket(FROM, TO, AGENCIES));
            } else if (what === 5) {
              await periodBucket(FROM, TO, AGENCIES);
            } else if (marks.length) {
              await markDossier(marks.shift()!);
            }
          }
          await Promise.all(reads);
          for (const by of ['agency', 'procedure'] as const) {
            for (const branch of [undefined, 'BDH', routed[0]!.receivingAgency]) {
              expect(await fromAggregates(by, branch), `${by} ${branch ?? 'every desk'}`).toEqual(await recomputed(by, branch));
            }
          }
          for (const branch of [undefined, 'BDH']) await figuresCompared(branch);
          // a replay of every mark changes nothing
          const before = await fromAggregates('procedure');
          for (const item of table.all().filter((i) => String(i.SK) === 'META')) await markDossier(String(item.code));
          expect(await fromAggregates('procedure')).toEqual(before);
        },
      ),
      { numRuns: Number(process.env.AGG_RUNS ?? 25), ...(process.env.AGG_EXAMPLE ? { examples: [JSON.parse(process.env.AGG_EXAMPLE)], numRuns: 1, endOnFailure: true } : {}) },
    );
  }, 180_000);

  it('forgets a fact that left its bucket (its logbook keys removed): the bucket it was in is marked too', async () => {
    for (const code of AGENCIES) table.put({ PK: 'CATALOGUE', SK: `AGENCY#${code}`, code, kind: 'department', name: { vi: code, en: code } });
    const writes = history({ day: 2, minute: 600, procedure: 0, branch: false, steps: [{ hours: 5, outcome: 'approve', supplement: undefined, apologies: 0, decidedBy: 'o-1' }], broken: false, fee: undefined, rating: undefined, receivedBy: 'desk-1', online: false, documents: false, evaluation: undefined }, 1);
    for (const item of writes) {
      table.put(item);
      await markDossier(String(item.code));
    }
    expect((await fromAggregates('agency')).total.steps.steps).toBe(1);
    const step = table.all().find((i) => String(i.SK).startsWith('STEP#'))!;
    const { GSI2PK: _p, GSI2SK: _s, ...gone } = step;
    table.put(gone);
    await markDossier(String(step.code));
    expect(await fromAggregates('agency')).toEqual(await recomputed('agency'));
    expect((await fromAggregates('agency')).total.steps.steps).toBe(0);
  });

  it('keeps one item a day: a fresh day is read as it is, not recomputed', async () => {
    for (const code of AGENCIES) table.put({ PK: 'CATALOGUE', SK: `AGENCY#${code}`, code, kind: 'department', name: { vi: code, en: code } });
    for (const item of history({ day: 2, minute: 600, procedure: 0, branch: false, steps: [{ hours: 5, outcome: 'approve', supplement: undefined, apologies: 0, decidedBy: 'o-1' }], broken: false, fee: undefined, rating: undefined, receivedBy: 'desk-1', online: false, documents: false, evaluation: undefined }, 1)) table.put(item);
    await periodBucket(FROM, TO, AGENCIES);
    expect(table.get(aggregateKeys.day('2026-12-03'))).toMatchObject({ marks: 0, seen: 0 });
    db.resetHistory();
    await periodBucket(FROM, TO, AGENCIES);
    // one batch read of the days, nothing else
    expect(db.calls().map((c) => c.args[0].constructor.name)).toEqual(['BatchGetCommand']);
  });
});
