import { describe, expect, it } from 'vitest';
import { agencyFigures, dailyIntake, officerFigures, panel766, periodicReport } from './figures';
import { answersErrors, handlers, parseEvaluationForm } from './evaluation';
import { timelinessReport } from './records';
import { A, B, C, byCode, cal, dossiers, evaluation, form, L, NOW, steps } from '../../test/support/figures-fixture';

const december = { dossiers: byCode([A, B]), steps: steps.filter((s) => s.code !== C), now: NOW };

describe('the evaluation form (config/hanoi/evaluation.json)', () => {
  it("follows Thừa Thiên Huế's twelve criteria, names its source and what is unverified", () => {
    expect(form.criteria).toHaveLength(12);
    expect(form.criteria.map((c) => c.id)).toEqual(expect.arrayContaining(['attitude', 'guidance', 'timeliness', 'visits', 'overall']));
    expect(form.source.title).toMatch(/Thừa Thiên Huế/);
    expect(form.source.unverified).toMatch(/not verified/);
  });

  it('refuses a form that names its overall criterion wrong, or a criterion twice, naming the field', () => {
    const bad = parseEvaluationForm({ ...form, overall: 'nope', criteria: [form.criteria[0], form.criteria[0]] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual(['criteria[1].id', 'overall']);
  });

  it('takes every criterion answered within its scale, and nothing else (errors name answers.<id>)', () => {
    expect(answersErrors(form, evaluation.answers)).toEqual([]);
    const { attitude: _a, ...missing } = evaluation.answers;
    expect(answersErrors(form, { ...missing, overall: 5, extra: 1 }).map((e) => e.field)).toEqual(['answers.attitude', 'answers.overall', 'answers.extra']);
  });
});

describe('attribution: the officers who handled a dossier', () => {
  it('names the receipt, each decided step and the return, in order', () => {
    expect(handlers(dossiers[0]!, steps.filter((s) => s.code === A))).toEqual([
      { officer: 'desk-1', role: 'receipt', agency: 'TTHCC' },
      { officer: 'stp-1', role: 'step', agency: 'STP', stepId: 's1-stp' },
      { officer: 'catp-1', role: 'step', agency: 'CATP', stepId: 's2-catp' },
      { officer: 'desk-2', role: 'return', agency: 'TTHCC', stepId: 'return' },
    ]);
  });
});

describe('officers and agencies by their figures', () => {
  const officers = Object.fromEntries(officerFigures(cal, december, form).map((r) => [r.key, r]));

  it('counts each officer’s dossiers, steps on time and late (naming them), and evaluations per criterion', () => {
    expect(Object.keys(officers)).toEqual(['catp-1', 'desk-1', 'desk-2', 'stp-1']);
    expect(officers['desk-1']!.handled).toEqual({ count: 2, dossiers: [A, B] });
    expect(officers['stp-1']!.onTime).toEqual({ count: 2, dossiers: [A, B] });
    expect(officers['stp-1']!.late.count).toBe(0);
    expect(officers['catp-1']!.late.steps).toEqual([{ code: A, stepId: 's2-catp', agency: 'CATP', officer: 'catp-1', decided: true }]);
    for (const o of ['desk-1', 'stp-1', 'catp-1', 'desk-2']) expect(officers[o]!.evaluations.dossiers).toEqual([A]);
    const visits = officers['catp-1']!.evaluations.criteria.find((c) => c.id === 'visits')!;
    expect(visits).toMatchObject({ count: 1, mean: 3, max: 4, top: 0 });
    expect(officers['catp-1']!.evaluations.comments).toEqual(['Cán bộ hướng dẫn tận tình']);
  });

  it('per agency: a pending late step is late in its agency, held by nobody yet', () => {
    const agencies = Object.fromEntries(agencyFigures(cal, december, form).map((r) => [r.key, r]));
    expect(agencies.CATP!.late.steps).toEqual([
      { code: A, stepId: 's2-catp', agency: 'CATP', officer: 'catp-1', decided: true },
      { code: B, stepId: 's2-catp', agency: 'CATP', officer: null, decided: false },
    ]);
    expect(agencies.STP!.onTime.count).toBe(2);
    expect(agencies.TTHCC!.evaluations.count).toBe(1);
  });
});

describe('the 766 panel', () => {
  it('computes progress, digitisation, online and satisfaction with the dossiers behind them; lists what it cannot', () => {
    const { components, notComputed } = panel766(cal, dossiers, form);
    const c = Object.fromEntries(components.map((x) => [x.id, x]));
    // A's CATP step was late, but its result was ready (14/12 10:00) before its appointment (15/12): on time
    expect(c['progress-on-time']).toMatchObject({ numerator: 1, denominator: 1, value: 100, dossiers: { numerator: [A], denominator: [A] } });
    expect(c['online-share']).toMatchObject({ numerator: 1, denominator: 3, value: 33.3, dossiers: { numerator: [C] } });
    expect(c['satisfaction-overall']).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(c['digitisation-documents']!.value).toBe(100);
    expect(notComputed.map((n) => n.group)).toContain('transparency');
  });
});

describe('the periodic report over a month boundary', () => {
  const start = new Date(L('2026-12-01T00:00:00'));
  const end = new Date(L('2027-01-01T00:00:00'));

  it('counts the November dossier still open on 1 December as carried over, and what became of each', () => {
    const { total } = periodicReport(cal, dossiers, start, NOW < end ? NOW : end, 'branch');
    expect(total).toMatchObject({ newReception: 2, preExisting: 1, totalSolved: 1, solvedInTime: 1, solvedLate: 0, pending: 2, pendingLate: 2 });
    expect(total.dossiers).toMatchObject({ newReception: [A, B], preExisting: [C], solvedInTime: [A], pendingLate: [C, B], pending: [C, B] });
  });

  it('for November: C is new, nothing carried over; received new equals the timeliness report’s received', () => {
    const nov = periodicReport(cal, dossiers, new Date(L('2026-11-01T00:00:00')), start, 'procedure');
    expect(nov.total).toMatchObject({ newReception: 1, preExisting: 0, pending: 1 });
    const dec = periodicReport(cal, dossiers, start, NOW, 'procedure');
    const timeliness = timelinessReport(cal, { by: 'procedure', steps: [], dossiers: dossiers.filter((d) => d.receivedAt >= start.toISOString()), now: NOW });
    expect(dec.total.newReception).toBe(timeliness.total.dossiers!.received);
    expect(dec.rows.map((r) => r.key)).toEqual(['TP-LLTP']);
  });

  it('a dossier ended before the period is not in it; the daily intake counts by local day and desk', () => {
    const jan = periodicReport(cal, [dossiers[0]!], new Date(L('2027-01-01T00:00:00')), new Date(L('2027-02-01T00:00:00')), 'agency');
    expect(jan.total.newReception + jan.total.preExisting).toBe(0);
    expect(dailyIntake(dossiers, '2026-12-01', '2026-12-31')).toEqual([{ date: '2026-12-01', desk: 'TTHCC', received: 2, dossiers: [A, B] }]);
  });
});
