import type { WorkingCalendar } from './calendar/working-time';
import { appointmentAt, originalStepDueAt, stepDueAt } from './deadlines';
import { isStopped, type Apology, type Dossier, type Pause, type Step } from './dossier';
import { localDate } from './local-time';
import type { Text } from './model';

/**
 * Records and figures (Circular 03/2025/TT-VPCP, forms 06 and 07, and the timeliness report),
 * computed from the stored facts only: pure, so every boundary can be tested without AWS.
 *
 * Timeliness of a decision is measured against the ORIGINAL due time — the budget counted from
 * the hand-over with the dossier's pauses stopping the clock, but without extensions: an apology
 * moves the citizen's appointment, it does not make a late step on time.
 *   - `early`:   decided on an earlier local (Asia/Ho_Chi_Minh) day than the original due's day;
 *   - `on-time`: decided on the original due's local day, at or before the due instant;
 *   - `late`:    decided after the original due instant (one millisecond is enough);
 *   - `pending`: not decided yet;
 *   - `stopped`: never decided because the dossier was withdrawn or stopped (refused elsewhere).
 * Only pauses that began before the decision count for it: a supplement asked later (by a
 * parallel step) cannot move a decision already made; a pause that began before the decision
 * and is still open is taken as ending at the decision (the clock was stopped then, so the due
 * can only be later — the decision was before it).
 */
export type Timeliness = 'early' | 'on-time' | 'late' | 'pending' | 'stopped';

const ms = (d: Date | string) => (typeof d === 'string' ? Date.parse(d) : d.getTime());

/** A decision at `decidedAt` against the original due time `due`. */
export function classify(decidedAt: Date | string, due: Date | string): 'early' | 'on-time' | 'late' {
  if (ms(decidedAt) > ms(due)) return 'late';
  return localDate(decidedAt) < localDate(due) ? 'early' : 'on-time';
}

/** The pauses that count for an act at `at`: those begun before it, an open one closed at it. */
export function pausesBefore(pauses: Record<string, Pause> | undefined, at?: Date | string | null): Record<string, Pause> {
  if (!at) return pauses ?? {};
  const t = ms(at);
  const iso = new Date(t).toISOString();
  return Object.fromEntries(
    Object.entries(pauses ?? {})
      .filter(([, p]) => ms(p.from) < t)
      .map(([k, p]) => [k, p.to && ms(p.to) <= t ? p : { ...p, to: iso }]),
  );
}

type StepFacts = Pick<Step, 'assignedAt' | 'budgetHours' | 'extensionHours'>;

/** Original and final (extended) due of a step for an act at `actedAt` (or now, undecided). */
export function stepDues(cal: WorkingCalendar, step: StepFacts, pauses: Record<string, Pause> | undefined, actedAt?: Date | string | null) {
  const counted = pausesBefore(pauses, actedAt);
  return { dueAt: originalStepDueAt(cal, step, counted), finalDueAt: stepDueAt(cal, step, counted) };
}

/**
 * A whole step's timeliness: its final decision against its original due. The desk's return
 * step is measured by the result being ready by the appointment the citizen was given (its
 * extensions included): the citizen's coming later is not the desk's lateness, and an agency's
 * lateness is that agency's, not the desk's.
 */
export function stepTimeliness(cal: WorkingCalendar, step: Step, dossier: Pick<Dossier, 'pauses' | 'status'> & Partial<Dossier>): Timeliness {
  if (step.atDesk && step.decidedAt && dossier.procedure && dossier.receivedAt) {
    const { final } = dossierAppointments(cal, dossier as Dossier, step.assignedAt);
    return final ? classify(step.assignedAt, final) : 'pending';
  }
  if (step.decidedAt && step.outcome) {
    const { dueAt } = stepDues(cal, step, dossier.pauses, step.decidedAt);
    return dueAt ? classify(step.decidedAt, dueAt) : 'pending';
  }
  return isStopped(dossier) ? 'stopped' : 'pending';
}

/** The appointment as first promised (no extensions) and as it stands (with them). */
export function dossierAppointments(cal: WorkingCalendar, d: Dossier, at?: Date | string | null) {
  const counted = { ...d, pauses: pausesBefore(d.pauses, at) };
  return { original: appointmentAt(cal, { ...counted, extensions: {} }), final: appointmentAt(cal, counted) };
}

/**
 * A dossier's timeliness: the result against its original appointment. The result counts from
 * the moment it was READY for the citizen (`resultReadyAt`, status 9): a citizen who comes to
 * collect it later is not late service (dossiers decided before this was stored: the return).
 */
export function dossierTimeliness(cal: WorkingCalendar, d: Dossier): Timeliness {
  if (d.returnedAt) {
    const ready = d.resultReadyAt && d.resultReadyAt < d.returnedAt ? d.resultReadyAt : d.returnedAt;
    const { original } = dossierAppointments(cal, d, ready);
    return original ? classify(ready, original) : 'pending';
  }
  return isStopped(d) ? 'stopped' : 'pending';
}

/** Open and past its original appointment: late already, whatever happens next (not once the result is ready). */
export function dossierOverdue(cal: WorkingCalendar, d: Dossier, now: Date): boolean {
  if (d.returnedAt || d.resultReadyAt || isStopped(d)) return false;
  const { original } = dossierAppointments(cal, d);
  return original !== null && now.getTime() > original.getTime();
}

/**
 * Compute what the records need from a dossier's facts (its appointments, each step's dues): the
 * reason they cannot be computed (a pause ending before it starts, an instant that is not one),
 * or undefined. Shared reads leave such a dossier out and say so.
 */
export function factsProblem(cal: WorkingCalendar, d: Dossier, steps: Step[] = []): string | undefined {
  try {
    for (const p of Object.values(d.pauses ?? {})) {
      if (Number.isNaN(Date.parse(p.from)) || (p.to !== undefined && Number.isNaN(Date.parse(p.to)))) throw new RangeError(`pause of ${p.stepId}: not an instant`);
    }
    dossierAppointments(cal, d, d.returnedAt ?? null);
    for (const step of steps) stepDues(cal, step, d.pauses, step.decidedAt);
    return undefined;
  } catch (error) {
    return (error as Error).message || (error as Error).name;
  }
}

// ---------------------------------------------------------------------------------------------
// Form 06: the control sheet

export type Format = (iso: string) => string;
const identity: Format = (s) => s;

export interface ApologyLine {
  n: number;
  kind: 'lapse' | 'delay';
  at: string;
  reason: Text;
  hours: number;
  originalDueAt: string;
  newDueAt: string;
}

export interface HandOver {
  n: number;
  /**
   * `step`: a stage hands the dossier to an agency (the desk to the first stage);
   * `supplement-request`: the agency hands it to the citizen (form 02), the clock stopped;
   * `supplement`: the citizen hands it back to that agency; `return`: the desk hands the result
   * to the citizen; `refusal` / `withdrawal`: processing stopped.
   */
  kind: 'step' | 'supplement-request' | 'supplement' | 'return' | 'refusal' | 'withdrawal';
  stage?: number;
  stepId?: string;
  round?: number;
  from: string;
  to: string;
  /** When the receiving side got it. */
  receivedAt: string | null;
  /** The due time as first promised (budget and pauses, no extensions). */
  dueAt: string | null;
  /** The due time with the extensions (apologies). */
  finalDueAt: string | null;
  /** When the receiving side acted on it (decided, asked for a supplement, supplied, returned). */
  decidedAt: string | null;
  outcome: string | null;
  /** null where no clock runs: the citizen's turn, a stop. */
  timeliness: Timeliness | null;
  /** Undecided and already past its original due. */
  overdue?: boolean;
  missing?: string[];
  reason?: string;
  apologies: ApologyLine[];
}

export const CITIZEN = 'citizen';

/**
 * The control sheet of a dossier: every hand-over in the order received. A step's time with
 * its agency is cut by each supplement round: agency → citizen at the request (pause `from`),
 * citizen → agency at the supplement (pause `to`); each agency span ends with the act that
 * closed it (the request, or the decision) and is timed against the step's original due as it
 * stood then. Apologies go to the span during which they were made.
 */
export function controlSheet(
  cal: WorkingCalendar,
  input: { dossier: Dossier; steps: Step[]; apologies: Apology[]; now: Date },
  fmt: Format = identity,
) {
  const { dossier: d, now } = input;
  const f = (x: Date | string | null | undefined) => (x ? fmt(new Date(ms(x)).toISOString()) : null);
  const desk = d.procedure.receivingAgency;
  const stages = d.procedure.stages;
  const stopped = isStopped(d);
  const stopAt = d.stop ? ms(d.stop.at) : undefined;
  const rows: (Omit<HandOver, 'n'> & { sortAt: number; order: number })[] = [];
  let order = 0;
  const fromOf = (stageIndex: number) =>
    stageIndex === 0 ? desk : [...new Set(stages[stageIndex - 1]?.steps.map((s) => s.agency) ?? [desk])].join('+');
  const byStep = (a: Step, b: Step) =>
    a.stageIndex - b.stageIndex ||
    (stages[a.stageIndex]?.steps.findIndex((s) => s.stepId === a.stepId) ?? 0) - (stages[b.stageIndex]?.steps.findIndex((s) => s.stepId === b.stepId) ?? 0);

  for (const step of [...input.steps].sort(byStep)) {
    const rounds = Object.values(d.pauses ?? {})
      .filter((p) => p.stepId === step.stepId)
      .sort((a, b) => a.round - b.round);
    const spans: (Omit<HandOver, 'n'> & { sortAt: number })[] = [];
    let received: string | null = step.assignedAt;
    let from = fromOf(step.stageIndex);
    let round: number | undefined;
    const base = { stage: step.stageIndex + 1, stepId: step.stepId };
    const agencyKind = () => (round === undefined ? { kind: 'step' as const } : { kind: 'supplement' as const, round });
    for (const p of rounds) {
      const dues = stepDues(cal, step, d.pauses, p.from);
      spans.push({
        ...agencyKind(), ...base, from, to: step.agency, receivedAt: f(received), dueAt: f(dues.dueAt), finalDueAt: f(dues.finalDueAt),
        decidedAt: f(p.from), outcome: 'request-supplement', timeliness: dues.dueAt ? classify(p.from, dues.dueAt) : 'pending',
        apologies: [], sortAt: ms(received!),
      });
      spans.push({
        kind: 'supplement-request', ...base, round: p.round, from: step.agency, to: CITIZEN, receivedAt: f(p.from), dueAt: null, finalDueAt: null,
        decidedAt: f(p.to), outcome: p.to ? 'supplemented' : null, timeliness: null, missing: p.missing, reason: p.reason,
        apologies: [], sortAt: ms(p.from),
      });
      received = p.to ?? null;
      if (!received) break;
      from = CITIZEN;
      round = p.round;
    }
    if (received) {
      const decidedAt = step.decidedAt && step.outcome ? step.decidedAt : null;
      const dues = stepDues(cal, step, d.pauses, decidedAt);
      const t: Timeliness = step.atDesk
        ? stepTimeliness(cal, step, d)
        : decidedAt ? (dues.dueAt ? classify(decidedAt, dues.dueAt) : 'pending') : stopped ? 'stopped' : 'pending';
      const measuredAt = stopped && stopAt !== undefined ? stopAt : now.getTime();
      // the result waiting for the citizen is never overdue
      const overdue = !step.atDesk && !decidedAt && dues.dueAt !== null && measuredAt > dues.dueAt.getTime();
      spans.push({
        ...agencyKind(), ...base, from, to: step.agency, receivedAt: f(received), dueAt: f(dues.dueAt), finalDueAt: f(dues.finalDueAt),
        decidedAt: f(decidedAt), outcome: step.outcome ?? null, timeliness: t, ...(overdue ? { overdue } : {}),
        apologies: [], sortAt: ms(received),
      });
    }
    // Apologies: to the agency span during which each was made, else the step's last agency span.
    const agencySpans = spans.filter((s) => s.kind === 'step' || s.kind === 'supplement');
    for (const a of input.apologies.filter((x) => x.stepId === step.stepId).sort((x, y) => x.n - y.n)) {
      const at = ms(a.at);
      const i = agencySpans.findIndex((s, k) => s.sortAt <= at && (rounds[k] === undefined || at < ms(rounds[k]!.from)));
      (agencySpans[i] ?? agencySpans.at(-1))?.apologies.push({
        n: a.n, kind: a.kind, at: f(a.at)!, reason: a.reason, hours: a.hours, originalDueAt: f(a.originalDueAt)!, newDueAt: f(a.newDueAt)!,
      });
    }
    for (const s of spans) rows.push({ ...s, order: order++ });
  }

  const apps = dossierAppointments(cal, d, d.returnedAt ?? null);
  const dossierT = dossierTimeliness(cal, d);
  if (d.returnedAt) {
    rows.push({
      kind: 'return', stepId: 'return', from: desk, to: CITIZEN, receivedAt: f(d.returnedAt),
      dueAt: f(apps.original), finalDueAt: f(apps.final), decidedAt: f(d.returnedAt), outcome: 'returned',
      timeliness: dossierT, apologies: [], sortAt: ms(d.returnedAt), order: order++,
    });
  }
  if (d.stop) {
    const refusal = d.stop.kind === 'refused';
    rows.push({
      kind: refusal ? 'refusal' : 'withdrawal', ...(d.stop.stepId ? { stepId: d.stop.stepId } : {}),
      from: refusal ? (d.stop.agency ?? desk) : CITIZEN, to: refusal ? CITIZEN : desk,
      receivedAt: f(d.stop.at), dueAt: null, finalDueAt: null, decidedAt: f(d.stop.at),
      outcome: d.stop.kind, timeliness: null, reason: d.stop.reason, apologies: [], sortAt: ms(d.stop.at), order: order++,
    });
  }
  rows.sort((a, b) => a.sortAt - b.sortAt || a.order - b.order);
  const handOvers: HandOver[] = rows.map(({ sortAt: _s, order: _o, ...r }, i) => ({ n: i + 1, ...r }));

  return {
    dossierCode: d.code,
    procedure: { code: d.procedure.code, version: d.procedure.version, name: d.procedure.name },
    receivingAgency: desk,
    status: d.status,
    receivedAt: f(d.receivedAt),
    appointment: { original: f(apps.original), final: f(d.returnedAt ? apps.final : (appointmentAt(cal, d) ?? null)) },
    returnedAt: f(d.returnedAt),
    timeliness: dossierT,
    ...(dossierOverdue(cal, d, now) ? { overdue: true } : {}),
    handOvers,
  };
}

// ---------------------------------------------------------------------------------------------
// The timeliness report

export interface StepFigures {
  steps: number;
  early: number;
  onTime: number;
  late: number;
  pending: number;
  stopped: number;
  /** Percentages of decided steps (early + on time + late), to 0.1; null when none was decided. */
  rates: { early: number; onTime: number; late: number; timely: number } | null;
  /** Apologies: the steps' extensions (lapses and reported delays). */
  apologies: number;
  /** Supplement rounds asked. */
  supplements: number;
  /** Steps refused (form 03). */
  refusals: number;
}

export interface DossierFigures {
  received: number;
  returned: number;
  /** Returned at or before the original appointment. */
  returnedOnTime: number;
  /** Returned after the original appointment, or still open past it. */
  late: number;
  withdrawn: number;
  /** Stopped (status 8): refused. */
  stopped: number;
  ratingCount: number;
  /** Mean of `rating.score`, to 0.01; null without ratings. */
  ratingAverage: number | null;
}

export interface ReportRow {
  key: string;
  name?: Text;
  steps: StepFigures;
  dossiers?: DossierFigures;
}

const pct = (n: number, of: number) => Math.round((n / of) * 1000) / 10;

function stepFigures(list: { step: Step; timeliness: Timeliness }[]): StepFigures {
  const count = (t: Timeliness) => list.filter((x) => x.timeliness === t).length;
  const early = count('early');
  const onTime = count('on-time');
  const late = count('late');
  const decided = early + onTime + late;
  return {
    steps: list.length,
    early,
    onTime,
    late,
    pending: count('pending'),
    stopped: count('stopped'),
    rates: decided ? { early: pct(early, decided), onTime: pct(onTime, decided), late: pct(late, decided), timely: pct(early + onTime, decided) } : null,
    apologies: list.reduce((s, x) => s + (x.step.extensions ?? 0), 0),
    supplements: list.reduce((s, x) => s + (x.step.supplementRounds ?? 0), 0),
    refusals: list.filter((x) => x.step.state === 'refused').length,
  };
}

function dossierFigures(cal: WorkingCalendar, list: Dossier[], now: Date): DossierFigures {
  const rated = list.filter((d) => typeof d.rating?.score === 'number');
  const returned = list.filter((d) => d.returnedAt);
  const onTime = returned.filter((d) => ['early', 'on-time'].includes(dossierTimeliness(cal, d))).length;
  return {
    received: list.length,
    returned: returned.length,
    returnedOnTime: onTime,
    late: returned.length - onTime + list.filter((d) => dossierOverdue(cal, d, now)).length,
    withdrawn: list.filter((d) => d.status === 7).length,
    stopped: list.filter((d) => d.status === 8).length,
    ratingCount: rated.length,
    ratingAverage: rated.length ? Math.round((rated.reduce((s, d) => s + d.rating!.score, 0) / rated.length) * 100) / 100 : null,
  };
}

/**
 * Aggregate steps assigned and dossiers received in the period, per agency (the step's agency;
 * dossiers only in the total) or per procedure (the dossier's procedure; steps and dossiers).
 * `groups` lists rows to show even when empty (the agency catalogue), in that order; others
 * found in the data follow, sorted by key.
 */
export function timelinessReport(
  cal: WorkingCalendar,
  input: {
    by: 'agency' | 'procedure';
    steps: { step: Step; dossier: Dossier }[];
    dossiers: Dossier[];
    now: Date;
    groups?: { key: string; name?: Text }[];
  },
): { rows: ReportRow[]; total: ReportRow } {
  const evaluated = input.steps.map(({ step, dossier }) => ({
    step,
    key: input.by === 'agency' ? step.agency : dossier.procedure.code,
    timeliness: stepTimeliness(cal, step, dossier),
  }));
  const names = new Map<string, Text | undefined>((input.groups ?? []).map((g) => [g.key, g.name]));
  if (input.by === 'procedure') {
    for (const x of [...input.steps.map((s) => s.dossier), ...input.dossiers]) if (!names.get(x.procedure.code)) names.set(x.procedure.code, x.procedure.name);
  }
  const extra = [...new Set([...evaluated.map((e) => e.key), ...(input.by === 'procedure' ? input.dossiers.map((d) => d.procedure.code) : [])])]
    .filter((k) => !(input.groups ?? []).some((g) => g.key === k))
    .sort();
  const keys = [...(input.groups ?? []).map((g) => g.key), ...extra];
  const rows = keys.map((key): ReportRow => {
    const name = names.get(key);
    return {
      key,
      ...(name ? { name } : {}),
      steps: stepFigures(evaluated.filter((e) => e.key === key)),
      ...(input.by === 'procedure' ? { dossiers: dossierFigures(cal, input.dossiers.filter((d) => d.procedure.code === key), input.now) } : {}),
    };
  });
  return { rows, total: { key: 'total', steps: stepFigures(evaluated), dossiers: dossierFigures(cal, input.dossiers, input.now) } };
}

// ---------------------------------------------------------------------------------------------
// Dates of the records

/** A local date (YYYY-MM-DD) → its UTC instants [start, end) (Vietnam has no DST: UTC+7). */
export function localDayRange(date: string): [string, string] {
  const start = Date.parse(`${date}T00:00:00.000+07:00`);
  return [new Date(start).toISOString(), new Date(start + 24 * 3600_000).toISOString()];
}

/** The local months (YYYY-MM) from one local date to another, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (;;) {
    const ym = `${y}-${String(m).padStart(2, '0')}`;
    if (ym > end) break;
    out.push(ym);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

/** A real calendar date written YYYY-MM-DD. */
export function isLocalDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** Days from `from` to `to`, both included. */
export const daysInclusive = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
