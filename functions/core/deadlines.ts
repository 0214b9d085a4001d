import { computeDeadline, type WorkingCalendar } from './calendar/working-time';
import type { Dossier, Pause, Step } from './dossier';
import type { ProcedureStage } from './model';

/**
 * Every date a citizen or an agency sees is derived here from stored facts — the receipt, the
 * budgets, the pauses and the extensions — and none is ever edited.
 */
const pausesOf = (pauses: Record<string, Pause> | undefined) =>
  Object.values(pauses ?? {}).map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : undefined }));

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
