import type { WorkingCalendar } from './calendar/working-time';
import type { Procedure } from './model';
import { routeHours } from './model';

/**
 * Every date a citizen sees is derived here from stored facts (receipt, budgets, extensions);
 * none is ever edited.
 */
export function appointmentAt(
  cal: WorkingCalendar,
  receivedAt: Date,
  procedure: Pick<Procedure, 'stages'>,
  extensionHours = 0,
): Date {
  return cal.addWorkingTime(receivedAt, routeHours(procedure.stages) + extensionHours);
}

/** A step is due its budget after assignment; each lapse grants the budget again. */
export function stepDueAt(cal: WorkingCalendar, assignedAt: Date, budgetHours: number, lapses: number): Date {
  return cal.addWorkingTime(assignedAt, budgetHours * (1 + lapses));
}
