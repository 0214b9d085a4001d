import type { WorkingCalendar } from './calendar/working-time';
import { isStopped, receivingDesk, type Dossier, type Step } from './dossier';
import type { Text } from './model';
import { computeFigures, emptyFigures, mergeFigures, type FigureCounts, type FigureFacts } from './aggregate-figures';
import { dossierAppointments, dossierTimeliness, factsProblem, stepTimeliness, type DossierFigures, type ReportRow, type StepFigures } from './records';

/**
 * The timeliness figures as AGGREGATES (issue 26): what functions/core/records.ts
 * `timelinessReport` counts from a period's facts, counted once per bucket of facts and kept, so
 * that a month's report adds up a few dozen buckets instead of reading the month's dossiers.
 *
 * A bucket holds the facts of one slice of the logbook (docs/performance.md): the steps assigned
 * and the dossiers received on one local day in one agency's logbook partition — or the sum of
 * such buckets (a day of every agency). Counts are kept per the dimensions the readers cut by: the
 * receiving desk (branch=), the step's agency (by=agency) and the dossier's procedure
 * (by=procedure). The one figure that moves with time alone — a dossier open past its original
 * appointment is late from that instant on — is kept as the open dossiers' original appointments,
 * compared with `now` when read. Pure: maintenance and reads are functions/commons/aggregates.ts.
 */

export const STEP_FIELDS = ['steps', 'early', 'onTime', 'late', 'pending', 'stopped', 'apologies', 'supplements', 'refusals'] as const;
export const DOSSIER_FIELDS = ['received', 'returned', 'returnedOnTime', 'withdrawn', 'stopped', 'ratingCount', 'ratingSum'] as const;

export interface Bucket {
  /** `desk|agency|procedure` → counts in STEP_FIELDS order. */
  steps: Record<string, number[]>;
  /** `desk|procedure` → counts in DOSSIER_FIELDS order (of the dossiers received). */
  dossiers: Record<string, number[]>;
  /** `desk|procedure` → the original appointments (epoch ms) of the open dossiers received: late once past. */
  open: Record<string, number[]>;
  /** Procedure code → its name (as the first dossier counted carried it). */
  names: Record<string, Text>;
  /** Dossiers whose facts cannot be computed: left out of every count, named (with their desk, for branch=). */
  skipped: { code: string; reason: string; desk?: string }[];
  /** The counts of the 766 panel, the officers' and agencies' figures, the periodic report (./aggregate-figures.ts). A bucket stored without them is recomputed. */
  fig: FigureCounts;
}

export const emptyBucket = (): Bucket => ({ steps: {}, dossiers: {}, open: {}, names: {}, skipped: [], fig: emptyFigures() });

const add = (into: Record<string, number[]>, key: string, values: number[]) => {
  const row = into[key] ?? (into[key] = values.map(() => 0));
  values.forEach((v, i) => (row[i] = (row[i] ?? 0) + v));
};

/**
 * Count one slice's facts: the dossiers received in it, the steps assigned in it, and `dossiers`
 * (every dossier of those steps, and the received ones). As `readPeriod` + `timelinessReport`: a
 * step whose dossier is missing is not counted; a dossier whose facts cannot be computed (with the
 * slice's steps of it) is left out and named.
 */
export function computeBucket(
  cal: WorkingCalendar,
  facts: { received: Dossier[]; steps: Step[]; dossiers: Map<string, Dossier> } & Partial<Pick<FigureFacts, 'slice' | 'slices' | 'allSteps'>>,
): Bucket {
  const b = emptyBucket();
  const bad = new Set<string>();
  for (const d of facts.dossiers.values()) {
    const reason = factsProblem(cal, d, facts.steps.filter((s) => s.code === d.code));
    if (reason) {
      bad.add(d.code);
      let desk: string | undefined;
      try {
        desk = receivingDesk(d);
      } catch {
        desk = undefined;
      }
      b.skipped.push({ code: d.code, reason, ...(desk ? { desk } : {}) });
    }
  }
  const name = (d: Dossier) => {
    if (!b.names[d.procedure.code] && d.procedure.name) b.names[d.procedure.code] = d.procedure.name;
  };
  for (const s of facts.steps) {
    const d = facts.dossiers.get(s.code);
    if (!d || bad.has(s.code)) continue;
    name(d);
    const t = stepTimeliness(cal, s, d);
    add(b.steps, `${receivingDesk(d)}|${s.agency}|${d.procedure.code}`, [
      1,
      t === 'early' ? 1 : 0,
      t === 'on-time' ? 1 : 0,
      t === 'late' ? 1 : 0,
      t === 'pending' ? 1 : 0,
      t === 'stopped' ? 1 : 0,
      s.extensions ?? 0,
      s.supplementRounds ?? 0,
      s.state === 'refused' ? 1 : 0,
    ]);
  }
  for (const d of facts.received) {
    if (bad.has(d.code)) continue;
    name(d);
    const key = `${receivingDesk(d)}|${d.procedure.code}`;
    const returned = !!d.returnedAt;
    const onTime = returned && ['early', 'on-time'].includes(dossierTimeliness(cal, d));
    const rated = typeof d.rating?.score === 'number';
    add(b.dossiers, key, [1, returned ? 1 : 0, onTime ? 1 : 0, d.status === 7 ? 1 : 0, d.status === 8 ? 1 : 0, rated ? 1 : 0, rated ? d.rating!.score : 0]);
    if (!d.returnedAt && !d.resultReadyAt && !isStopped(d)) {
      const { original } = dossierAppointments(cal, d);
      if (original) (b.open[key] ??= []).push(original.getTime());
    }
  }
  b.skipped.sort((x, y) => x.code.localeCompare(y.code));
  if (facts.slice) b.fig = computeFigures(cal, { ...facts, slice: facts.slice, slices: facts.slices ?? new Map(), allSteps: facts.allSteps ?? new Map(), bad });
  return b;
}

/** The sum of buckets (a day of every agency, a month of days): counts add, names keep the first. */
export function mergeBuckets(list: Bucket[]): Bucket {
  const out = emptyBucket();
  const skipped = new Map<string, Bucket['skipped'][number]>();
  for (const b of list) {
    for (const [k, v] of Object.entries(b.steps)) add(out.steps, k, v);
    for (const [k, v] of Object.entries(b.dossiers)) add(out.dossiers, k, v);
    for (const [k, v] of Object.entries(b.open)) (out.open[k] ??= []).push(...v);
    for (const [k, v] of Object.entries(b.names)) out.names[k] ??= v;
    for (const s of b.skipped) if (!skipped.has(s.code)) skipped.set(s.code, s);
  }
  out.fig = mergeFigures(list.map((b) => b.fig));
  for (const v of Object.values(out.open)) v.sort((a, b) => a - b);
  out.skipped = [...skipped.values()].sort((x, y) => x.code.localeCompare(y.code));
  return out;
}

const pct = (n: number, of: number) => Math.round((n / of) * 1000) / 10;

function stepFigures(c: number[]): StepFigures {
  const [steps = 0, early = 0, onTime = 0, late = 0, pending = 0, stopped = 0, apologies = 0, supplements = 0, refusals = 0] = c;
  const decided = early + onTime + late;
  return {
    steps,
    early,
    onTime,
    late,
    pending,
    stopped,
    rates: decided ? { early: pct(early, decided), onTime: pct(onTime, decided), late: pct(late, decided), timely: pct(early + onTime, decided) } : null,
    apologies,
    supplements,
    refusals,
  };
}

function dossierFigures(c: number[], open: number[], now: Date): DossierFigures {
  const [received = 0, returned = 0, returnedOnTime = 0, withdrawn = 0, stopped = 0, ratingCount = 0, ratingSum = 0] = c;
  const overdue = open.filter((t) => now.getTime() > t).length;
  return {
    received,
    returned,
    returnedOnTime,
    late: returned - returnedOnTime + overdue,
    withdrawn,
    stopped,
    ratingCount,
    ratingAverage: ratingCount ? Math.round((ratingSum / ratingCount) * 100) / 100 : null,
  };
}

const sumInto = (rows: Map<string, number[]>, key: string, v: number[]) => {
  const r = rows.get(key) ?? v.map(() => 0);
  rows.set(key, r.map((x, i) => x + (v[i] ?? 0)));
};

/**
 * The timeliness report (`timelinessReport`'s rows and total) from a bucket: per agency (the
 * step's; dossiers only in the total) or per procedure (steps and dossiers); with `branch`, only
 * the dossiers received at that desk and their steps. `groups` lists rows shown even when empty.
 */
export function reportFromBucket(
  b: Bucket,
  input: { by: 'agency' | 'procedure'; branch?: string; now: Date; groups?: { key: string; name?: Text }[] },
): { rows: ReportRow[]; total: ReportRow } {
  const atDesk = (key: string) => input.branch === undefined || key.split('|')[0] === input.branch;
  const steps = new Map<string, number[]>();
  const dossiers = new Map<string, number[]>();
  const open = new Map<string, number[]>();
  let stepTotal: number[] = STEP_FIELDS.map(() => 0);
  let dossierTotal: number[] = DOSSIER_FIELDS.map(() => 0);
  const openTotal: number[] = [];
  for (const [k, v] of Object.entries(b.steps)) {
    if (!atDesk(k)) continue;
    const [, agency, procedure] = k.split('|');
    sumInto(steps, input.by === 'agency' ? agency! : procedure!, v);
    stepTotal = stepTotal.map((x, i) => x + (v[i] ?? 0));
  }
  for (const [k, v] of Object.entries(b.dossiers)) {
    if (!atDesk(k)) continue;
    const procedure = k.split('|')[1]!;
    sumInto(dossiers, procedure, v);
    dossierTotal = dossierTotal.map((x, i) => x + (v[i] ?? 0));
  }
  for (const [k, v] of Object.entries(b.open)) {
    if (!atDesk(k)) continue;
    const procedure = k.split('|')[1]!;
    open.set(procedure, [...(open.get(procedure) ?? []), ...v]);
    openTotal.push(...v);
  }
  const groups = input.groups ?? [];
  const names = new Map<string, Text | undefined>(groups.map((g) => [g.key, g.name]));
  if (input.by === 'procedure') for (const [k, v] of Object.entries(b.names)) if (!names.get(k)) names.set(k, v);
  const found = [...steps.keys(), ...(input.by === 'procedure' ? dossiers.keys() : [])];
  const extra = [...new Set(found)].filter((k) => !groups.some((g) => g.key === k)).sort();
  const rows = [...groups.map((g) => g.key), ...extra].map((key): ReportRow => {
    const name = names.get(key);
    return {
      key,
      ...(name ? { name } : {}),
      steps: stepFigures(steps.get(key) ?? []),
      ...(input.by === 'procedure' ? { dossiers: dossierFigures(dossiers.get(key) ?? [], open.get(key) ?? [], input.now) } : {}),
    };
  });
  return { rows, total: { key: 'total', steps: stepFigures(stepTotal), dossiers: dossierFigures(dossierTotal, openTotal, input.now) } };
}

/** The dossiers left out of a bucket's counts (of one desk's, with `branch`), as the reports name them. */
export const skippedOf = (b: Bucket, branch?: string) =>
  b.skipped.filter((s) => branch === undefined || s.desk === branch).map(({ code, reason }) => ({ code, reason }));
