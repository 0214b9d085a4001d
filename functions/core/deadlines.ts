import { computeDeadline, type WorkingCalendar } from './calendar/working-time';
import type { Dossier, Pause, Step } from './dossier';
import type { ProcedureStage } from './model';

/**
 * Every date a citizen or an agency sees is derived here from stored facts — the receipt, the
 * budgets, the pauses and the extensions — and none is ever edited.
 */
/**
 * The dossier's clock stops while ANY supplement request is open (Decree 118/2025/NĐ-CP, Circular
 * 03/2025/TT-VPCP: the time the citizen takes to supplement is not counted in the processing
 * time). Parallel steps may each ask: the paused time is the UNION of their pauses, never counted
 * twice where they overlap. A pause that ends before it starts is a broken fact: BadFactsError.
 */
export function pauseUnion(pauses: Record<string, Pause> | undefined): { from: Date; to?: Date }[] {
  const list = Object.values(pauses ?? {}).map((p) => {
    const from = Date.parse(p.from);
    const to = p.to === undefined ? Infinity : Date.parse(p.to);
    if (Number.isNaN(from) || Number.isNaN(to)) throw new BadFactsError(`pause of ${p.stepId} round ${p.round}: not an instant`);
    if (to < from) throw new BadFactsError(`pause of ${p.stepId} round ${p.round} ends before it starts`);
    return { from, to };
  });
  list.sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const p of list) {
    const last = merged.at(-1);
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  return merged.map((p) => ({ from: new Date(p.from), to: p.to === Infinity ? undefined : new Date(p.to) }));
}

/** Stored facts that cannot be computed (a pause ending before it starts, a date that is not one). */
export class BadFactsError extends Error {
  override name = 'BadFactsError';
}

const pausesOf = pauseUnion;

/** Stages in sequence; within a stage the longest step, its extensions included. */
export function routeHoursWithExtensions(stages: ProcedureStage[], extensions: Record<string, number> = {}): number {
  return stages.reduce(
    (sum, stage) => sum + Math.max(...stage.steps.map((s) => s.budgetHours + (extensions[s.stepId] ?? 0))),
    0,
  );
}

export function appointmentAt(
  cal: WorkingCalendar,
  d: Pick<Dossier, 'receivedAt' | 'procedure' | 'extensions' | 'pauses'>,
): Date | null {
  return computeDeadline(cal, {
    start: new Date(d.receivedAt),
    hours: routeHoursWithExtensions(d.procedure.stages, d.extensions),
    pauses: pausesOf(d.pauses),
  });
}

type StepFacts = Pick<Step, 'assignedAt' | 'budgetHours' | 'extensionHours'>;

/** The step's due time: its budget and extensions from assignment, the dossier's pauses stopping the clock. */
export function stepDueAt(cal: WorkingCalendar, step: StepFacts, pauses: Record<string, Pause> | undefined): Date | null {
  return computeDeadline(cal, {
    start: new Date(step.assignedAt),
    hours: step.budgetHours + (step.extensionHours ?? 0),
    pauses: pausesOf(pauses),
  });
}

/** The due time as first promised (budget only): what early / on time / late is measured against. */
export function originalStepDueAt(cal: WorkingCalendar, step: StepFacts, pauses: Record<string, Pause> | undefined): Date | null {
  return stepDueAt(cal, { ...step, extensionHours: 0 }, pauses);
}

/** When the agency is warned: `warningHours` working hours before the due time (at assignment if shorter). */
export function warningAt(cal: WorkingCalendar, step: StepFacts, pauses: Record<string, Pause> | undefined, warningHours: number): Date | null {
  const total = step.budgetHours + (step.extensionHours ?? 0);
  return computeDeadline(cal, {
    start: new Date(step.assignedAt),
    hours: Math.max(0, total - warningHours),
    pauses: pausesOf(pauses),
  });
}
