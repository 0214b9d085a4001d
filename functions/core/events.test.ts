import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignedStep, type Apology, type Dossier, type Step } from './dossier';
import { deriveEvents, webhookView, type DossierEvent } from './events';
import { hanoiProcedures as procedures } from '../../test/support/centre';

const lhnd = procedures.find((p) => p.code === 'DL-LHND')!;
const T0 = Date.parse('2026-12-01T02:00:00Z');
const iso = (m: number) => new Date(T0 + m * 60_000).toISOString();

interface Facts { dossier: Dossier; steps: Step[]; apologies: Apology[] }
type Action = 'ask' | 'answer' | 'apology' | 'decide' | 'refuse' | 'withdraw' | 'rate';

const clone = <T>(x: T): T => structuredClone(x);

/** A dossier's life as the workflow records it: each action a fact at its instant; a snapshot after each. */
function live(actions: { a: Action; dt: number; pick: number }[], stages = 2): Facts[] {
  let t = 0;
  const dossier = {
    code: 'TTHCC-261201-0001', procedure: lhnd, status: 2, channel: 'counter', applicant: { name: 'Nguyễn Thị Bình', email: 'b@example.vn' },
    documents: [], receivedAt: iso(0), appointmentAt: iso(9000), stageIndex: 0, extensions: {}, pauses: {}, pinHash: 'x', receivedBy: 'desk-1',
  } as unknown as Dossier;
  const steps: Step[] = [];
  const apologies: Apology[] = [];
  const open = (stage: number, at: string) => {
    const atDesk = stage === stages;
    const ids = atDesk ? ['return'] : stage === 0 ? ['s1-a', 's1-b'] : [`s${stage + 1}`];
    for (const stepId of ids) steps.push(assignedStep({ code: dossier.code, stepId, stageIndex: stage, agency: atDesk ? 'TTHCC' : `A${stage}`, atDesk, name: { vi: stepId, en: stepId }, budgetHours: 8, assignedAt: at, dueAt: null }));
    dossier.stageIndex = stage;
  };
  open(0, iso(0));
  const snapshots: Facts[] = [clone({ dossier, steps, apologies })];
  let ended = false;
  for (const { a, dt, pick } of actions) {
    t += dt;
    const at = iso(t);
    const pending = steps.filter((s) => s.stageIndex === dossier.stageIndex && s.state === 'pending');
    const paused = new Set(Object.values(dossier.pauses).filter((p) => !p.to).map((p) => p.stepId));
    const free = pending.filter((s) => !paused.has(s.stepId));
    const step = free[pick % Math.max(1, free.length)];
    if (a === 'rate' && dossier.returnedAt && !dossier.rating) dossier.rating = { score: 4, at };
    if (ended) {
      snapshots.push(clone({ dossier, steps, apologies }));
      continue;
    }
    if (a === 'ask' && step && !step.atDesk) {
      step.supplementRounds += 1;
      dossier.pauses[`${step.stepId}-${step.supplementRounds}`] = { stepId: step.stepId, round: step.supplementRounds, agency: step.agency, from: at, missing: ['x'], reason: 'r' };
    } else if (a === 'answer') {
      const p = Object.values(dossier.pauses).find((x) => !x.to);
      if (p) {
        p.to = at;
        dossier.letters = { ...dossier.letters, [`supplement-received-${Object.keys(dossier.letters ?? {}).length + 1}`]: { event: 'supplement-received', at, by: p.stepId, agencies: [p.agency], reasons: [], originalAppointmentAt: iso(9000), newAppointmentAt: iso(9000 + t) } };
      }
    } else if (a === 'apology' && step) {
      step.extensions += 1;
      apologies.push({ code: dossier.code, stepId: step.stepId, n: step.extensions, kind: 'delay', at, agency: step.agency, reason: { vi: 'r', en: 'r' }, hours: 8, originalDueAt: at, newDueAt: at, originalAppointmentAt: iso(9000), newAppointmentAt: iso(9600) });
    } else if ((a === 'decide' || a === 'refuse') && step) {
      const refuse = a === 'refuse' && !step.atDesk;
      step.history.push({ outcome: refuse ? 'refuse' : 'approve', at, by: 'o' });
      step.state = refuse ? 'refused' : 'approved';
      step.outcome = refuse ? 'refuse' : 'approve';
      step.decidedAt = at;
      if (refuse) {
        dossier.stop = { kind: 'refused', at, stepId: step.stepId, agency: step.agency, reason: 'r' };
        dossier.status = 8;
        ended = true;
      } else if (step.atDesk) {
        dossier.returnedAt = at;
        dossier.status = 10;
        ended = true;
      } else if (pending.length === 1) {
        const next = dossier.stageIndex + 1;
        if (next === stages) dossier.resultReadyAt = at;
        open(next, at);
      }
    } else if (a === 'withdraw' && pick % 5 === 0) {
      dossier.stop = { kind: 'withdrawn', at, reason: 'r' };
      dossier.status = 7;
      ended = true;
    }
    snapshots.push(clone({ dossier, steps, apologies }));
  }
  return snapshots;
}

const history = fc.array(
  fc.record({ a: fc.constantFrom<Action>('ask', 'answer', 'apology', 'decide', 'decide', 'decide', 'refuse', 'withdraw', 'rate'), dt: fc.integer({ min: 0, max: 90 }), pick: fc.nat(20) }),
  { maxLength: 30 },
);

/** What the outbox records when the relay runs after each snapshot: new ids appended in derived order. */
function relayAll(snapshots: Facts[]): DossierEvent[] {
  const recorded: DossierEvent[] = [];
  const seen = new Set<string>();
  for (const s of snapshots) {
    for (const e of deriveEvents(s.dossier, s.steps, s.apologies)) if (!seen.has(e.id)) (seen.add(e.id), recorded.push(e));
  }
  return recorded;
}

describe('events derived from the facts', () => {
  it('are the same on every derivation, whatever order the items are read in, with unique ids', () => {
    fc.assert(
      fc.property(history, fc.nat(), (h, seed) => {
        const last = live(h).at(-1)!;
        const once = deriveEvents(last.dossier, last.steps, last.apologies);
        const shuffled = [...last.steps].sort((a, b) => ((a.stepId.length * 31 + seed) % 7) - ((b.stepId.length * 31 + seed) % 7)).reverse();
        const again = deriveEvents(clone(last.dossier), shuffled, [...last.apologies].reverse());
        expect(again).toEqual(once);
        expect(new Set(once.map((e) => e.id)).size).toBe(once.length);
      }),
      { numRuns: 300 },
    );
  });

  it('replayed after every fact (the relay after each write, or once at the end after a crash), yield each event once, in time order per dossier', () => {
    fc.assert(
      fc.property(history, (h) => {
        const snapshots = live(h);
        const recorded = relayAll(snapshots);
        const final = deriveEvents(snapshots.at(-1)!.dossier, snapshots.at(-1)!.steps, snapshots.at(-1)!.apologies);
        // each event once, none lost: the same ids as one derivation of the final facts
        expect(new Set(recorded.map((e) => e.id))).toEqual(new Set(final.map((e) => e.id)));
        expect(recorded.length).toBe(final.length);
        // in order per dossier: never a fact of an earlier minute after a later one (facts are recorded to the minute)
        const minute = (e: DossierEvent) => Math.floor(Date.parse(e.at) / 60_000);
        for (let i = 1; i < recorded.length; i++) expect(minute(recorded[i]!)).toBeGreaterThanOrEqual(minute(recorded[i - 1]!));
        // a relay that ran only at the end (the poller was down) records them in the derived order
        expect(relayAll([snapshots.at(-1)!]).map((e) => e.id)).toEqual(final.map((e) => e.id));
        // the last status is the dossier's
        const d = snapshots.at(-1)!.dossier;
        if (final.length && (d.returnedAt || d.stop)) expect(final.filter((e) => e.kind !== 'rating').at(-1)!.status).toBe(d.status);
      }),
      { numRuns: 300 },
    );
  });

  it('name a supplement round, an apology and the statuses of a whole life', () => {
    const life = live([
      { a: 'ask', dt: 60, pick: 0 },
      { a: 'answer', dt: 60, pick: 0 },
      { a: 'apology', dt: 10, pick: 1 },
      { a: 'decide', dt: 10, pick: 0 },
      { a: 'decide', dt: 10, pick: 0 },
      { a: 'decide', dt: 10, pick: 0 },
      { a: 'decide', dt: 10, pick: 0 },
      { a: 'rate', dt: 10, pick: 0 },
    ]).at(-1)!;
    const events = deriveEvents(life.dossier, life.steps, life.apologies);
    expect(events.map((e) => [e.kind, e.status])).toEqual([
      ['received', 2],
      ['step-assigned', 4],
      ['step-assigned', 4],
      ['supplement-asked', 5],
      ['supplement-answered', 4],
      ['apology', 4],
      ['step-decided', 4],
      ['step-decided', 4],
      ['step-assigned', 4],
      ['step-decided', 4],
      ['step-assigned', 4],
      ['result-ready', 9],
      ['step-decided', 9],
      ['returned', 10],
      ['rating', 10],
    ]);
    expect(events[3]!.id).toBe('TTHCC-261201-0001/supplement-asked/s1-a-1');
    expect(events[4]).toMatchObject({ originalAppointmentAt: iso(9000), newAppointmentAt: iso(9120) });
  });

  it("name a fee's wait as the fee asked (status 6) and paid, never as a supplement; paid before the return → back to 9", () => {
    const life = live([
      { a: 'decide', dt: 10, pick: 0 },
      { a: 'decide', dt: 10, pick: 0 },
      { a: 'decide', dt: 10, pick: 0 },
    ]).at(-1)!;
    const dossier = clone(life.dossier);
    dossier.pauses = {
      ...dossier.pauses,
      'fee-1': { stepId: 'fee', round: 1, agency: 'TTHCC', from: iso(40), to: iso(100), missing: [], reason: 'fee', kind: 'fee' },
    };
    const events = deriveEvents(dossier, life.steps, life.apologies);
    const kinds = events.map((e) => e.kind);
    expect(kinds).not.toContain('supplement-asked');
    expect(events.filter((e) => e.kind === 'fee-asked' || e.kind === 'fee-paid').map((e) => [e.kind, e.status, e.id])).toEqual([
      ['fee-asked', 6, 'TTHCC-261201-0001/fee-asked/fee-1'],
      ['fee-paid', 9, 'TTHCC-261201-0001/fee-paid/fee-1'],
    ]);
  });

  it('name a refund as fee-refunded, after the end that made it due, once per refund, the status unchanged', () => {
    const life = live([{ a: 'decide', dt: 10, pick: 0 }]).at(-1)!;
    const dossier = clone(life.dossier);
    dossier.stop = { kind: 'withdrawn', at: iso(50), reason: 'citizen' };
    dossier.status = 7;
    dossier.fees = { due: 'submission', lines: [], total: 200000, currency: 'VND', since: iso(1), paidAt: iso(5), paymentId: 'P1', refunds: { R1: { paymentId: 'P1', amount: 200000, at: iso(50) } } };
    const events = deriveEvents(dossier, life.steps, life.apologies);
    expect(events.slice(-2).map((e) => [e.kind, e.status, e.id])).toEqual([
      ['withdrawn', 7, `${dossier.code}/withdrawn`],
      ['fee-refunded', 7, `${dossier.code}/fee-refunded/R1`],
    ]);
    expect(deriveEvents(dossier, life.steps, life.apologies)).toEqual(events);
  });

  it('tell an agency system codes, statuses, instants and step ids, no personal data', () => {
    const life = live([{ a: 'decide', dt: 5, pick: 0 }]).at(-1)!;
    const text = JSON.stringify(deriveEvents(life.dossier, life.steps, life.apologies).map(webhookView));
    expect(text).not.toContain('Nguyễn');
    expect(text).not.toContain('b@example.vn');
  });
});
