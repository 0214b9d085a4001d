import type { WorkingCalendar } from './calendar/working-time';
import { receivingDesk, type Dossier, type Step } from './dossier';
import { criterionFigures, handlers, maxScore, type Evaluation, type EvaluationForm } from './evaluation';
import { leadAgency, lateStep, solvedOnTime, type Breakdown, type PeriodicRow } from './figures';
import { dossierAppointments, localDayRange, stepDues, stepTimeliness } from './records';

/**
 * The counts behind the 766 panel, the officers' and agencies' figures and the periodic report
 * (functions/core/figures.ts), kept in the timeliness aggregates' buckets (./aggregates.ts) so that
 * a period's figures add up day items instead of reading the period's facts (issue 26).
 *
 * Two kinds of count:
 *  - per dossier RECEIVED in the slice (766, periodic): each dossier is received in exactly one
 *    slice, so they add up across days. The periodic report's fate of a dossier depends on the
 *    period's end (solved before it? stopped? past its appointment?): each dossier keeps the few
 *    instants that decide it, compared when read.
 *  - per HOLDER (an officer `O|<sub>`, an agency `A|<code>`) and dossier, counted once in a period
 *    however many slices of the period the dossier's handling by that holder spans: each slice
 *    counts the dossier under the local day of the holder's previous slice of that dossier (`''`:
 *    none before). A period from `a` counts the slices in it whose previous day is before `a` —
 *    exactly the first of each dossier's slices in the period. (Slices of one day: the first
 *    agency's counts.) This needs the dossier's every logbook slice: `FigureFacts.slices`.
 */

type Dossierish = Dossier & { evaluation?: Evaluation };

export const RECEIVED_FIELDS = ['received', 'ready', 'readyOnTime', 'documents', 'online', 'evaluated'] as const;

export interface FigureCounts {
  /** `desk|lead agency|procedure` → RECEIVED_FIELDS counts of the dossiers received. */
  recv: Record<string, number[]>;
  /** `desk|criterion` → score → evaluations (of the dossiers received) with that answer. */
  answers: Record<string, Record<string, number>>;
  /**
   * `desk|lead agency|procedure` → per dossier received, three numbers: its result ready (negative:
   * solved late; 0: not ready), stopped (negative: refused; 0: not), its original appointment as the
   * periodic report reads it (0: none) — each in seconds after the slice's day began, plus one
   * (`at`): a third of the bytes of epoch milliseconds, to the second.
   */
  fates: Record<string, number[]>;
  /** holder → previous day (`''`: none) → dossiers handled. */
  held: Record<string, Record<string, number>>;
  /** holder → previous day → dossiers evaluated (whose evaluation names the holder). */
  evals: Record<string, Record<string, number>>;
  /** `holder|previous day` → criterion → score → evaluations (the holder and day written once, not per criterion). */
  evalAnswers: Record<string, Record<string, Record<string, number>>>;
  /** holder → [steps decided early or on time, steps decided late]. */
  steps: Record<string, number[]>;
  /** holder → the original dues (ms) of its steps still pending, undecided: late once past. */
  due: Record<string, number[]>;
  /** `officer|agency`: who acted for which agency (an officer's figures are visible to that agency's head). */
  acted: string[];
}

export const emptyFigures = (): FigureCounts => ({ recv: {}, answers: {}, fates: {}, held: {}, evals: {}, evalAnswers: {}, steps: {}, due: {}, acted: [] });

/** One logbook slice of a dossier: a local day and the agency whose logbook it is in. */
export interface Slice {
  day: string;
  agency: string;
  /** The step whose slice it is (undefined: the receipt). */
  stepId?: string;
}

export interface FigureFacts {
  /** The slice being counted. */
  slice: Slice;
  received: Dossierish[];
  steps: Step[];
  dossiers: Map<string, Dossierish>;
  /** Every logbook slice of each dossier (its receipt and its steps), and its every step. */
  slices: Map<string, Slice[]>;
  allSteps: Map<string, Step[]>;
  /** Dossiers left out (facts that cannot be computed). */
  bad: Set<string>;
}

const add = (into: Record<string, number[]>, key: string, values: number[]) => {
  const row = into[key] ?? (into[key] = values.map(() => 0));
  values.forEach((v, i) => (row[i] = (row[i] ?? 0) + v));
};
const bump = (into: Record<string, Record<string, number>>, key: string, sub: string, n = 1) => {
  const row = (into[key] ??= {});
  row[sub] = (row[sub] ?? 0) + n;
};
const ms = (s: string | undefined) => (s ? Date.parse(s) : 0);
/** An instant as kept in `fates`: seconds after the day began, plus one (never 0), and back. */
const dayStart = (day: string) => Date.parse(localDayRange(day)[0]);
export const toFate = (day0: number, t: number) => Math.floor((t - day0) / 1000) + 1;
export const fromFate = (day0: number, n: number) => day0 + (n - 1) * 1000;
const isOfficer = (s: string | undefined): s is string => typeof s === 'string' && s !== '' && !s.startsWith('client:') && s !== 'citizen';
const sameSlice = (a: Slice, b: Slice) => a.day === b.day && a.agency === b.agency;

/**
 * The day a holder's previous slice of a dossier is on (`''`: none), or undefined when this slice
 * is not the one that counts that day (another agency's slice of the same day comes first).
 */
function previousDay(mine: Slice[], here: Slice): string | undefined {
  if (!mine.some((s) => sameSlice(s, here))) return undefined;
  const first = mine.filter((s) => s.day === here.day).map((s) => s.agency).sort()[0];
  if (first !== here.agency) return undefined;
  return mine.filter((s) => s.day < here.day).map((s) => s.day).sort().at(-1) ?? '';
}

/** Count one slice's figures (see the module's comment). */
export function computeFigures(cal: WorkingCalendar, f: FigureFacts): FigureCounts {
  const out = emptyFigures();
  const acted = new Set<string>();
  for (const d of f.received) {
    if (f.bad.has(d.code)) continue;
    const desk = receivingDesk(d);
    const key = `${desk}|${leadAgency(d)}|${d.procedure.code}`;
    const ready = d.resultReadyAt ?? d.returnedAt;
    const onTime = ready ? solvedOnTime(cal, d) : false;
    add(out.recv, key, [1, ready ? 1 : 0, onTime ? 1 : 0, (d.documents ?? []).length > 0 ? 1 : 0, d.channel === 'online' ? 1 : 0, d.evaluation ? 1 : 0]);
    if (d.evaluation) for (const [c, v] of Object.entries(d.evaluation.answers)) bump(out.answers, `${desk}|${c}`, String(v));
    const { original } = dossierAppointments(cal, d, null);
    const day0 = dayStart(f.slice.day);
    (out.fates[key] ??= []).push(
      ready ? (onTime ? 1 : -1) * toFate(day0, ms(ready)) : 0,
      d.stop ? (d.stop.kind === 'withdrawn' ? 1 : -1) * toFate(day0, ms(d.stop.at)) : 0,
      original ? toFate(day0, original.getTime()) : 0,
    );
  }
  // per holder: the dossiers of the slice (received here, or a step here)
  for (const d of f.dossiers.values()) {
    if (f.bad.has(d.code)) continue;
    const all = f.slices.get(d.code) ?? [];
    const steps = f.allSteps.get(d.code) ?? [];
    const stepSlice = (s: Step) => all.filter((x) => x.stepId === s.stepId);
    const mine = new Map<string, Slice[]>();
    const also = (h: string, list: Slice[]) => mine.set(h, [...(mine.get(h) ?? []), ...list]);
    if (isOfficer(d.receivedBy)) also(`O|${d.receivedBy}`, all);
    also(`A|${d.procedure.receivingAgency}`, all);
    for (const s of steps) {
      if (isOfficer(s.decidedBy)) also(`O|${s.decidedBy}`, stepSlice(s));
      also(`A|${s.agency}`, stepSlice(s));
    }
    for (const [h, list] of mine) {
      const prev = previousDay(list, f.slice);
      if (prev !== undefined) bump(out.held, h, prev);
    }
    // the acts of this slice (handlers over the slice's steps; the receipt in any slice of the dossier)
    for (const h of handlers(d, f.steps.filter((s) => s.code === d.code))) acted.add(`${h.officer}|${h.agency}`);
    if (d.evaluation) {
      const holders = new Set(d.evaluation.officers.flatMap((h) => [`O|${h.officer}`, `A|${h.agency}`]));
      for (const h of holders) {
        const prev = previousDay(all, f.slice);
        if (prev === undefined) continue;
        bump(out.evals, h, prev);
        const row = (out.evalAnswers[`${h}|${prev}`] ??= {});
        for (const [c, v] of Object.entries(d.evaluation.answers)) bump(row, c, String(v));
      }
    }
  }
  for (const s of f.steps) {
    const d = f.dossiers.get(s.code);
    if (!d || f.bad.has(s.code)) continue;
    const t = stepTimeliness(cal, s, d);
    const decidedLate = t === 'late';
    const timely = t === 'early' || t === 'on-time';
    const holders = [`A|${s.agency}`, ...(s.decidedBy ? [`O|${s.decidedBy}`] : [])];
    for (const h of holders) add(out.steps, h, [timely && !decidedLate ? 1 : 0, decidedLate ? 1 : 0]);
    if (t === 'pending' && !s.decidedAt) {
      const { dueAt } = stepDues(cal, s, d.pauses, null);
      if (dueAt) for (const h of holders) (out.due[h] ??= []).push(new Date(dueAt).getTime());
    }
  }
  out.acted = [...acted].sort();
  return out;
}

/** The sum of slices' figure counts. */
export function mergeFigures(list: (FigureCounts | undefined)[]): FigureCounts {
  const out = emptyFigures();
  const acted = new Set<string>();
  for (const f of list) {
    if (!f) continue;
    for (const [k, v] of Object.entries(f.recv)) add(out.recv, k, v);
    for (const [k, v] of Object.entries(f.steps)) add(out.steps, k, v);
    for (const [k, v] of Object.entries(f.fates)) (out.fates[k] ??= []).push(...v);
    for (const [k, v] of Object.entries(f.due)) (out.due[k] ??= []).push(...v);
    for (const field of ['answers', 'held', 'evals'] as const) {
      for (const [k, row] of Object.entries(f[field])) for (const [sub, n] of Object.entries(row)) bump(out[field], k, sub, n);
    }
    for (const [k, byCriterion] of Object.entries(f.evalAnswers)) {
      const into = (out.evalAnswers[k] ??= {});
      for (const [c, row] of Object.entries(byCriterion)) for (const [score, n] of Object.entries(row)) bump(into, c, score, n);
    }
    for (const a of f.acted) acted.add(a);
  }
  out.acted = [...acted].sort();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading: the figures of a period (`from`: its first local day) from its merged counts

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : null);
const atDesk = (branch: string | undefined) => (key: string) => branch === undefined || key.split('|')[0] === branch;

/** The 766 panel's numbers: per component id, numerator and denominator. */
export function panel766Counts(f: FigureCounts, form: EvaluationForm | undefined, branch?: string): Record<string, { numerator: number; denominator: number; value: number | null }> {
  const at = atDesk(branch);
  const t = RECEIVED_FIELDS.map(() => 0);
  for (const [k, v] of Object.entries(f.recv)) if (at(k)) v.forEach((x, i) => (t[i] = t[i]! + x));
  const [received = 0, ready = 0, readyOnTime = 0, documents = 0, online = 0, evaluated = 0] = t;
  const overall = form?.criteria.find((c) => c.id === form.overall);
  let satisfied = 0;
  if (overall) {
    for (const [k, row] of Object.entries(f.answers)) {
      if (!at(k) || k.slice(k.indexOf('|') + 1) !== overall.id) continue;
      for (const [score, n] of Object.entries(row)) if (Number(score) >= overall.scale.length - 1) satisfied += n;
    }
  }
  const c = (numerator: number, denominator: number) => ({ numerator, denominator, value: pct(numerator, denominator) });
  return {
    'progress-on-time': c(readyOnTime, ready),
    'digitisation-documents': c(documents, received),
    'online-share': c(online, received),
    'satisfaction-overall': c(satisfied, evaluated),
  };
}

export interface HolderCounts {
  key: string;
  handled: number;
  onTime: number;
  late: number;
  evaluations: number;
  criteria: ReturnType<typeof criterionFigures>;
}

/** Per officer (`O`) or agency (`A`): handled, on time, late (decided late, or pending past due at `now`), evaluations and their criteria. */
export function holderCounts(f: FigureCounts, kind: 'O' | 'A', from: string, now: Date, form: EvaluationForm | undefined): HolderCounts[] {
  const before = (prev: string) => prev < from;
  const keys = new Set<string>();
  const counted = (row: Record<string, number> | undefined) => Object.entries(row ?? {}).reduce((s, [p, n]) => s + (before(p) ? n : 0), 0);
  for (const [h, row] of Object.entries(f.held)) if (h.startsWith(`${kind}|`) && counted(row) > 0) keys.add(h);
  for (const [h, row] of Object.entries(f.evals)) if (h.startsWith(`${kind}|`) && counted(row) > 0) keys.add(h);
  for (const [h, [onTime = 0, late = 0] = []] of Object.entries(f.steps)) if (h.startsWith(`${kind}|`) && (onTime || late)) keys.add(h);
  for (const [h, due] of Object.entries(f.due)) if (h.startsWith(`${kind}|`) && due.some((t) => t < now.getTime())) keys.add(h);
  const answersOf = new Map<string, { answers: Record<string, number> }[]>();
  for (const [k, byCriterion] of Object.entries(f.evalAnswers)) {
    const [kk, who, prev] = k.split('|');
    if (kk !== kind || !before(prev!)) continue;
    const list = answersOf.get(`${kk}|${who}`) ?? answersOf.set(`${kk}|${who}`, []).get(`${kk}|${who}`)!;
    for (const [c, row] of Object.entries(byCriterion)) for (const [score, n] of Object.entries(row)) for (let i = 0; i < n; i++) list.push({ answers: { [c]: Number(score) } });
  }
  return [...keys]
    .map((h) => {
      const [onTime = 0, late = 0] = f.steps[h] ?? [];
      const overdue = (f.due[h] ?? []).filter((t) => t < now.getTime()).length;
      // the evaluations' answers (a histogram per criterion) of the slices counted
      const answers = answersOf.get(h) ?? [];
      return {
        key: h.slice(2),
        handled: counted(f.held[h]),
        onTime,
        late: late + overdue,
        evaluations: counted(f.evals[h]),
        criteria: form ? criterionFigures(form, answers) : [],
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The agencies each officer acted for in the period. */
export function actedFor(f: FigureCounts): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of f.acted) {
    const i = a.lastIndexOf('|');
    const o = a.slice(0, i);
    (out.get(o) ?? out.set(o, new Set()).get(o)!).add(a.slice(i + 1));
  }
  return out;
}

export type PeriodicCounts = Omit<PeriodicRow, 'dossiers'>;

/**
 * The periodic report's rows (`periodicReport` without its lists) from the counts of the days
 * from the carry-over's first day to the period's last: `newFrom` is the period's first day, the
 * days before it are `days` counted as carried over; `start` and `end` as periodicReport's.
 */
export function periodicCounts(
  days: { day: string; f: FigureCounts | undefined }[],
  newFrom: string,
  start: Date,
  end: Date,
  by: Breakdown,
  branch?: string,
): { rows: PeriodicCounts[]; total: PeriodicCounts } {
  const at = atDesk(branch);
  const rows = new Map<string, number[]>();
  const total = [0, 0, 0, 0, 0, 0, 0, 0];
  const s = start.getTime();
  const e = end.getTime();
  for (const { day, f } of days) {
    if (!f) continue;
    const day0 = dayStart(day);
    const at0 = (n: number) => (n ? fromFate(day0, Math.abs(n)) : 0);
    for (const [key, list] of Object.entries(f.fates)) {
      if (!at(key)) continue;
      const [desk, lead, procedure] = key.split('|') as [string, string, string];
      const row = by === 'branch' ? desk : by === 'agency' ? lead : procedure;
      for (let i = 0; i < list.length; i += 3) {
        const [ready = 0, stop = 0, original = 0] = list.slice(i, i + 3);
        const ended = ready ? at0(ready) : at0(stop);
        if (ended && ended < s) continue; // ended before the period began
        // newReception, preExisting, solvedInTime, solvedLate, withdrawn, refused, pending, pendingLate
        const v = [0, 0, 0, 0, 0, 0, 0, 0];
        v[day >= newFrom ? 0 : 1] = 1;
        if (ready && at0(ready) < e) v[ready > 0 ? 2 : 3] = 1;
        else if (stop && at0(stop) < e) v[stop > 0 ? 4 : 5] = 1;
        else if (original && at0(original) < e) (v[6] = 1), (v[7] = 1);
        else v[6] = 1;
        const r = rows.get(row) ?? rows.set(row, [0, 0, 0, 0, 0, 0, 0, 0]).get(row)!;
        v.forEach((x, j) => ((r[j] = r[j]! + x), (total[j] = total[j]! + x)));
      }
    }
  }
  const out = (key: string, v: number[]): PeriodicCounts => {
    const [newReception = 0, preExisting = 0, solvedInTime = 0, solvedLate = 0, withdrawn = 0, refused = 0, pending = 0, pendingLate = 0] = v;
    return { key, newReception, preExisting, totalSolved: solvedInTime + solvedLate, solvedInTime, solvedLate, withdrawn, refused, pending, pendingLate };
  };
  return { rows: [...rows.keys()].sort().map((k) => out(k, rows.get(k)!)), total: out('total', total) };
}

/** Dossiers received per local day and desk. */
export function intakeCounts(days: { day: string; f: FigureCounts | undefined }[], branch?: string): { date: string; desk: string; received: number }[] {
  const at = atDesk(branch);
  const out: { date: string; desk: string; received: number }[] = [];
  for (const { day, f } of days) {
    const per = new Map<string, number>();
    for (const [k, v] of Object.entries(f?.recv ?? {})) if (at(k)) per.set(k.split('|')[0]!, (per.get(k.split('|')[0]!) ?? 0) + (v[0] ?? 0));
    for (const [desk, received] of [...per].sort(([a], [b]) => a.localeCompare(b))) if (received) out.push({ date: day, desk, received });
  }
  return out;
}

export { maxScore, lateStep };
