import type { WorkingCalendar } from './calendar/working-time';
import { receivingDesk, type Dossier, type Step } from './dossier';
import { criterionFigures, handlers, type CriterionFigures, type Evaluation, type EvaluationForm } from './evaluation';
import { localDate } from './local-time';
import type { Text } from './model';
import { classify, dossierAppointments, stepDues, stepTimeliness } from './records';

/**
 * Officers and agencies by their figures, the 766 panel, and the periodic report (issue 25;
 * docs/evaluation.md), computed from the stored facts only, with the dossiers behind each number.
 * Timeliness is functions/core/records.ts's (the timeliness report's), never a second count.
 */

type Dossierish = Dossier & { evaluation?: Evaluation };
const ms = (s: string | Date) => (typeof s === 'string' ? Date.parse(s) : s.getTime());
const uniq = (xs: string[]) => [...new Set(xs)].sort();

/** A late step: which dossier, which step, its agency, and the officer who held it when it lapsed (null: nobody had taken it yet). */
export interface LateStep {
  code: string;
  stepId: string;
  agency: string;
  officer: string | null;
  decided: boolean;
}

/**
 * Is a step late, and who held it? Decided after its original due: late, held by who decided it.
 * Still pending past its original due (at `now`): late, held by nobody yet (steps sit in the
 * agency's queue until an officer decides them: the agency is named).
 */
export function lateStep(cal: WorkingCalendar, step: Step, d: Dossier, now: Date): LateStep | undefined {
  const t = stepTimeliness(cal, step, d);
  if (t === 'late') return { code: step.code, stepId: step.stepId, agency: step.agency, officer: step.decidedBy ?? null, decided: true };
  if (t === 'pending' && !step.decidedAt) {
    const { dueAt } = stepDues(cal, step, d.pauses, null);
    if (dueAt && ms(dueAt) < now.getTime()) return { code: step.code, stepId: step.stepId, agency: step.agency, officer: null, decided: false };
  }
  return undefined;
}

export interface HolderFigures {
  key: string;
  /** Dossiers the officer (agency) handled: received, decided a step of, handed back. */
  handled: { count: number; dossiers: string[] };
  /** Steps decided early or on time. */
  onTime: { count: number; dossiers: string[] };
  late: { count: number; steps: LateStep[] };
  evaluations: { count: number; dossiers: string[]; criteria: CriterionFigures[]; comments: string[] };
}

export interface PeriodFacts {
  dossiers: Map<string, Dossierish>;
  steps: Step[];
  now: Date;
}

function holderFigures(key: string, form: EvaluationForm | undefined, handled: string[], onTime: string[], late: LateStep[], evaluated: Dossierish[]): HolderFigures {
  const evals = evaluated.map((d) => d.evaluation!);
  return {
    key,
    handled: { count: uniq(handled).length, dossiers: uniq(handled) },
    onTime: { count: onTime.length, dossiers: uniq(onTime) },
    late: { count: late.length, steps: late },
    evaluations: {
      count: evals.length,
      dossiers: uniq(evaluated.map((d) => d.code)),
      criteria: form ? criterionFigures(form, evals) : [],
      // the citizen's words, never who said them
      comments: evals.map((e) => e.comment).filter((c): c is string => Boolean(c)),
    },
  };
}

/**
 * Per officer: the dossiers they handled in the period (received, a step decided, the return),
 * their steps decided on time and late, and the evaluations of the dossiers they handled, per
 * criterion. A pending late step is held by nobody: it appears in its agency's figures only.
 */
export function officerFigures(cal: WorkingCalendar, facts: PeriodFacts, form: EvaluationForm | undefined): HolderFigures[] {
  const byOfficer = new Map<string, { handled: string[]; onTime: string[]; late: LateStep[]; evaluated: Dossierish[] }>();
  const at = (o: string) => byOfficer.get(o) ?? byOfficer.set(o, { handled: [], onTime: [], late: [], evaluated: [] }).get(o)!;
  for (const d of facts.dossiers.values()) {
    const mine = handlers(d, facts.steps.filter((s) => s.code === d.code));
    for (const h of mine) at(h.officer).handled.push(d.code);
    if (d.evaluation) for (const o of new Set(d.evaluation.officers.map((h) => h.officer))) at(o).evaluated.push(d);
  }
  for (const s of facts.steps) {
    const d = facts.dossiers.get(s.code);
    if (!d || !s.decidedBy) continue;
    const late = lateStep(cal, s, d, facts.now);
    if (late) at(s.decidedBy).late.push(late);
    else if (['early', 'on-time'].includes(stepTimeliness(cal, s, d))) at(s.decidedBy).onTime.push(s.code);
  }
  return [...byOfficer.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([officer, f]) => holderFigures(officer, form, f.handled, f.onTime, f.late, f.evaluated));
}

/** Per agency: its steps (and, for the receiving desk, its receipts), on time, late (naming the officer, or nobody yet), and the evaluations of its dossiers. */
export function agencyFigures(cal: WorkingCalendar, facts: PeriodFacts, form: EvaluationForm | undefined): HolderFigures[] {
  const byAgency = new Map<string, { handled: string[]; onTime: string[]; late: LateStep[]; evaluated: Set<Dossierish> }>();
  const at = (a: string) => byAgency.get(a) ?? byAgency.set(a, { handled: [], onTime: [], late: [], evaluated: new Set() }).get(a)!;
  for (const d of facts.dossiers.values()) {
    at(d.procedure.receivingAgency).handled.push(d.code);
    if (d.evaluation) for (const a of new Set(d.evaluation.officers.map((h) => h.agency))) at(a).evaluated.add(d);
  }
  for (const s of facts.steps) {
    const d = facts.dossiers.get(s.code);
    if (!d) continue;
    at(s.agency).handled.push(s.code);
    const late = lateStep(cal, s, d, facts.now);
    if (late) at(s.agency).late.push(late);
    else if (['early', 'on-time'].includes(stepTimeliness(cal, s, d))) at(s.agency).onTime.push(s.code);
  }
  return [...byAgency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([agency, f]) => holderFigures(agency, form, f.handled, f.onTime, f.late, [...f.evaluated]));
}

// ---------------------------------------------------------------------------------------------
// The 766 panel

export type Group766 = 'transparency' | 'progress' | 'digitisation' | 'online' | 'satisfaction';

export interface Component766 {
  id: string;
  group: Group766;
  name: Text;
  /** Percentage to 0.1; null when the denominator is empty. */
  value: number | null;
  numerator: number;
  denominator: number;
  how: string;
  /** The dossiers counted in the numerator and in the denominator. */
  dossiers: { numerator: string[]; denominator: string[] };
}

export interface NotComputed {
  group: Group766;
  name: Text;
  why: string;
}

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : null);

/** When the result was ready for the citizen (what timeliness is measured by), or undefined. */
const readyAt = (d: Dossier) => d.resultReadyAt ?? d.returnedAt;

/** A solved dossier against its original appointment (records.ts's rule: the result ready by the appointment). */
export function solvedOnTime(cal: WorkingCalendar, d: Dossier): boolean {
  const ready = readyAt(d)!;
  const { original } = dossierAppointments(cal, d, ready);
  return original !== null && classify(ready, original) !== 'late';
}

function component(id: string, group: Group766, name: Text, how: string, denominator: Dossier[], numerator: Dossier[]): Component766 {
  return {
    id,
    group,
    name,
    value: pct(numerator.length, denominator.length),
    numerator: numerator.length,
    denominator: denominator.length,
    how,
    dossiers: { numerator: uniq(numerator.map((d) => d.code)), denominator: uniq(denominator.map((d) => d.code)) },
  };
}

/**
 * The components of Decision 766/QĐ-TTg's service index the platform computes from its facts, for
 * the dossiers received in a period. The decision's groups are cited; its articles, points and
 * weights are NOT verified here (docs/evaluation.md), so none is scored: each is a percentage.
 */
export function panel766(cal: WorkingCalendar, received: Dossierish[], form: EvaluationForm | undefined): { components: Component766[]; notComputed: NotComputed[] } {
  const solved = received.filter((d) => readyAt(d));
  const evaluated = received.filter((d) => d.evaluation);
  const overall = form?.criteria.find((c) => c.id === form.overall);
  const satisfied = (d: Dossierish) => overall !== undefined && (d.evaluation!.answers[overall.id] ?? 0) >= overall.scale.length - 1;
  const components = [
    component('progress-on-time', 'progress', { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Dossiers solved on time' },
      'dossiers received in the period whose result was ready by the original appointment ÷ those whose result is ready', solved, solved.filter((d) => solvedOnTime(cal, d))),
    component('digitisation-documents', 'digitisation', { vi: 'Tỷ lệ hồ sơ có thành phần được số hoá', en: 'Dossiers with digitised documents' },
      'dossiers received in the period with at least one document file stored ÷ dossiers received', received, received.filter((d) => (d.documents ?? []).length > 0)),
    component('online-share', 'online', { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Dossiers applied for online' },
      'dossiers received in the period through the online channel ÷ dossiers received', received, received.filter((d) => d.channel === 'online')),
    component('satisfaction-overall', 'satisfaction', { vi: 'Tỷ lệ hài lòng (đánh giá tổng thể)', en: 'Satisfied (overall criterion)' },
      `evaluations whose overall criterion (${form?.overall ?? 'none'}) is one of its two best answers ÷ evaluations of dossiers received in the period`, evaluated, evaluated.filter(satisfied)),
  ];
  const notComputed: NotComputed[] = [
    { group: 'transparency', name: { vi: 'Công khai thủ tục trên Cổng Dịch vụ công quốc gia', en: 'Procedures published on the National Public Service Portal' }, why: 'the national portal is not connected: the platform cannot see what it publishes' },
    { group: 'transparency', name: { vi: 'Đồng bộ trạng thái hồ sơ lên Cổng quốc gia', en: "Dossiers' statuses synchronised to the national portal" }, why: 'no synchronisation with the national portal yet' },
    { group: 'online', name: { vi: 'Thanh toán trực tuyến', en: 'Fees paid online' }, why: 'the platform takes no payment' },
    { group: 'digitisation', name: { vi: 'Tái sử dụng dữ liệu số hoá', en: 'Digitised data reused' }, why: 'no national data warehouse is connected' },
  ];
  return { components, notComputed };
}

// ---------------------------------------------------------------------------------------------
// The periodic report (OpenCPS's MStatistic)

export interface PeriodicRow {
  key: string;
  /** MStatistic: NewReception, PreExisting, TotalSolved, SolvedInTime, SolvedLate, Pending, PendingLate; plus withdrawn and refused. */
  newReception: number;
  preExisting: number;
  totalSolved: number;
  solvedInTime: number;
  solvedLate: number;
  withdrawn: number;
  refused: number;
  pending: number;
  pendingLate: number;
  /** The dossiers behind each number. */
  dossiers: Record<'newReception' | 'preExisting' | 'solvedInTime' | 'solvedLate' | 'withdrawn' | 'refused' | 'pending' | 'pendingLate', string[]>;
}

export type Breakdown = 'branch' | 'agency' | 'procedure';

/** The lead agency of a dossier: its procedure's first step's agency (the receiving agency when it has none). */
export const leadAgency = (d: Dossier) => d.procedure.stages[0]?.steps[0]?.agency ?? d.procedure.receivingAgency;
const keyOf = (by: Breakdown, d: Dossier) => (by === 'branch' ? receivingDesk(d) : by === 'agency' ? leadAgency(d) : d.procedure.code);

type Fate = 'solvedInTime' | 'solvedLate' | 'withdrawn' | 'refused' | 'pending' | 'pendingLate';

/** What became of a dossier by the period's end: solved (on time, late), withdrawn, refused, or pending (late past its original appointment). */
export function fateBy(cal: WorkingCalendar, d: Dossier, end: Date): Fate {
  const ready = readyAt(d);
  if (ready && ms(ready) < end.getTime()) return solvedOnTime(cal, d) ? 'solvedInTime' : 'solvedLate';
  if (d.stop && ms(d.stop.at) < end.getTime()) return d.stop.kind === 'withdrawn' ? 'withdrawn' : 'refused';
  const { original } = dossierAppointments(cal, d, null);
  return original && original.getTime() < end.getTime() ? 'pendingLate' : 'pending';
}

/** When the dossier's processing ended (result ready, withdrawn, refused), or undefined. */
const endedAt = (d: Dossier) => readyAt(d) ?? d.stop?.at;

/**
 * The period's figures by branch, agency or procedure: received in the period (new), received
 * before it and not ended at its start (carried over), and what became of them by its end
 * (`end` = the period's end, or now when sooner).
 */
export function periodicReport(cal: WorkingCalendar, dossiers: Dossier[], start: Date, end: Date, by: Breakdown): { rows: PeriodicRow[]; total: PeriodicRow } {
  const counted = dossiers.filter((d) => d.receivedAt && ms(d.receivedAt) < end.getTime() && !((e) => e && ms(e) < start.getTime())(endedAt(d)));
  const row = (key: string, list: Dossier[]): PeriodicRow => {
    const ds: PeriodicRow['dossiers'] = { newReception: [], preExisting: [], solvedInTime: [], solvedLate: [], withdrawn: [], refused: [], pending: [], pendingLate: [] };
    for (const d of list) {
      (ms(d.receivedAt) >= start.getTime() ? ds.newReception : ds.preExisting).push(d.code);
      const fate = fateBy(cal, d, end);
      ds[fate].push(d.code);
      if (fate === 'pendingLate') ds.pending.push(d.code);
    }
    for (const k of Object.keys(ds) as (keyof typeof ds)[]) ds[k].sort();
    return {
      key,
      newReception: ds.newReception.length,
      preExisting: ds.preExisting.length,
      totalSolved: ds.solvedInTime.length + ds.solvedLate.length,
      solvedInTime: ds.solvedInTime.length,
      solvedLate: ds.solvedLate.length,
      withdrawn: ds.withdrawn.length,
      refused: ds.refused.length,
      pending: ds.pending.length,
      pendingLate: ds.pendingLate.length,
      dossiers: ds,
    };
  };
  const keys = uniq(counted.map((d) => keyOf(by, d)));
  return { rows: keys.map((k) => row(k, counted.filter((d) => keyOf(by, d) === k))), total: row('total', counted) };
}

/** Dossiers received per local day (and desk) in the period: OpenCPS #1069. */
export function dailyIntake(dossiers: Dossier[], from: string, to: string): { date: string; desk: string; received: number; dossiers: string[] }[] {
  const rows = new Map<string, { date: string; desk: string; dossiers: string[] }>();
  for (const d of dossiers) {
    if (!d.receivedAt) continue;
    const date = localDate(d.receivedAt);
    if (date < from || date > to) continue;
    const desk = receivingDesk(d);
    const k = `${date}#${desk}`;
    (rows.get(k) ?? rows.set(k, { date, desk, dossiers: [] }).get(k)!).dossiers.push(d.code);
  }
  return [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => ({ ...r, received: r.dossiers.length, dossiers: r.dossiers.sort() }));
}
