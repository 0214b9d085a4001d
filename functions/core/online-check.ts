import type { WorkingCalendar } from './calendar/working-time';
import type { Dossier } from './dossier';
import { CHECK_WORKING_HOURS, type OnlineFacts } from './online';

/**
 * The desk's check of an online dossier (issue 21 item 4; docs/online.md). Pure rules, shared by
 * the routes (GET /checks, POST /dossiers/{code}/check), the lapse job (functions/check-lapses)
 * and the operators' overdue list.
 *
 * A check period runs from the submission (or from the citizen's completion) for
 * CHECK_WORKING_HOURS on the centre's working calendar, to `online.checkDueAt`. While the desk's
 * ask for completion is open (the last completion has no `completedAt`) the check clock is
 * stopped: the dossier stays in the check queue, marked as waiting for the citizen, and never
 * lapses; the citizen's completion opens a new period (a new `checkDueAt`).
 */

/** The number of the current check period: 0 from the submission, n after the n-th ask for completion. */
export const checkPeriod = (online: Pick<OnlineFacts, 'completions'>): number => online.completions?.length ?? 0;

/** The desk asked for completion and the citizen has not completed yet: the check clock is stopped. */
export function completionOpen(online: Pick<OnlineFacts, 'completions'>): boolean {
  const last = online.completions?.at(-1);
  return !!last && !last.completedAt;
}

/** The dossier still waits for the desk's check (status 1, no decision). */
export const awaitingCheck = (d: Pick<Dossier, 'status' | 'online'>): boolean => d.status === 1 && !!d.online && !d.online.check;

/**
 * Working hours left until `checkDueAt` on the calendar (rounded to a tenth), negative past it;
 * null while the clock is stopped (completion asked).
 */
export function workingHoursLeft(cal: WorkingCalendar, online: Pick<OnlineFacts, 'checkDueAt' | 'completions'>, at: Date): number | null {
  if (completionOpen(online)) return null;
  const due = new Date(online.checkDueAt);
  const hours = at.getTime() <= due.getTime() ? cal.workingTimeBetween(at, due) : -cal.workingTimeBetween(due, at);
  return Math.round(hours * 10) / 10 || 0;
}

/** Lapsed: the check period ended with no decision and no open ask for completion. */
export function checkLapsed(online: Pick<OnlineFacts, 'checkDueAt' | 'completions' | 'check'>, at: Date): boolean {
  return !online.check && !completionOpen(online) && Date.parse(online.checkDueAt) <= at.getTime();
}

/** The end of a check period that starts at `from` (a submission or a completion). */
export const checkDueFrom = (cal: WorkingCalendar, from: Date): Date => cal.addWorkingTime(from, CHECK_WORKING_HOURS);

/** The lapse warning of one check period (its email's event key on the dossier). */
export const lapseEventKey = (period: number) => `check-lapse-${period}`;
/** The n-th ask for completion's letter. */
export const completionEventKey = (n: number) => `online-completion-${n}`;
/** The refusal to receive (form 03) of an online dossier. */
export const NOT_RECEIVED_EVENT_KEY = 'online-not-received';

/**
 * A fully online result not downloaded is handed back by the platform this many working days after
 * it was ready (`resultReadyAt`): the dossier then closes as returned, as after a download
 * (docs/online.md, "Results online"). The file stays on the portal.
 */
export const ONLINE_RESULT_WORKING_DAYS = 10;
const WORKING_DAY_HOURS = 8;
export const onlineReturnDueAt = (cal: WorkingCalendar, resultReadyAt: string, days = ONLINE_RESULT_WORKING_DAYS): Date =>
  cal.addWorkingTime(new Date(resultReadyAt), days * WORKING_DAY_HOURS);
