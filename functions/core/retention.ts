import type { Applicant, Dossier } from './dossier';
import type { Procedure } from './model';

/**
 * Retention of personal data (issue 5, item 6). A closed dossier keeps its applicant's personal
 * data for the retention period of its procedure (`retentionYears`, default five years), counted
 * from `closedAt`; then the applicant is replaced by a fixed placeholder and `anonymisedAt` is
 * set. Nothing else changes: facts, steps, dates and documents stay for the statistics.
 *
 * Pure and calendar-free on purpose: the job may run years after the last working calendar
 * (2025–2027 today), so nothing here counts working time; years are calendar years in UTC.
 */

export const DEFAULT_RETENTION_YEARS = 5;

/** What is left of the applicant once anonymised (no phone, no ID number). */
export const ANONYMISED_APPLICANT: Readonly<Applicant> = Object.freeze({ name: 'Đã ẩn danh', email: 'anonymised@invalid' });

/** The first month the job looks at when it has never run. */
export const FIRST_RETENTION_MONTH = '2025-01';

/** A dossier as stored, with the anonymisation mark. */
export type RetainedDossier = Dossier & { anonymisedAt?: string };

type WithRetention = Pick<Procedure, 'code'> & { retentionYears?: number };

/** The procedure's retention in whole years; absent (or not a positive integer) → the default. */
export function retentionYearsOf(procedure: WithRetention | undefined): number {
  const years = procedure?.retentionYears;
  return typeof years === 'number' && Number.isInteger(years) && years > 0 ? years : DEFAULT_RETENTION_YEARS;
}

/** closedAt + n calendar years (UTC); 29 February rolls to 1 March. */
export function addYears(instant: string | Date, years: number): Date {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new Error(`Not an instant: ${String(instant)}`);
  const out = new Date(d.getTime());
  out.setUTCFullYear(d.getUTCFullYear() + years);
  return out;
}

/** When a closed dossier's personal data is due for anonymisation; undefined while it is open. */
export function anonymiseAt(dossier: Pick<RetainedDossier, 'closedAt'> & { procedure: WithRetention }): Date | undefined {
  if (!dossier.closedAt) return undefined;
  return addYears(dossier.closedAt, retentionYearsOf(dossier.procedure));
}

/** `yyyy-mm` (UTC) of an instant: the month partition of the retention items. */
export const monthOf = (instant: Date | string): string => new Date(instant).toISOString().slice(0, 7);

/** Closed, not yet anonymised, and its retention period has passed. */
export function isDueForAnonymisation(
  dossier: Pick<RetainedDossier, 'closedAt' | 'anonymisedAt'> & { procedure: WithRetention },
  now: Date,
): boolean {
  if (dossier.anonymisedAt) return false;
  const due = anonymiseAt(dossier);
  return due !== undefined && due.getTime() <= now.getTime();
}

/** The dossier with its applicant replaced and `anonymisedAt` set; every other field as it was. */
export function anonymise<T extends RetainedDossier>(dossier: T, at: Date): T {
  return { ...dossier, applicant: { ...ANONYMISED_APPLICANT }, anonymisedAt: at.toISOString() };
}

/** The month after `yyyy-mm`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `yyyy-mm`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The month partitions the job reads: after the cursor (the last month fully processed; absent →
 * from FIRST_RETENTION_MONTH) up to and including the current month.
 */
export function monthsToScan(cursor: string | undefined, currentMonth: string): string[] {
  const months: string[] = [];
  for (let m = cursor ? nextMonth(cursor) : FIRST_RETENTION_MONTH; m <= currentMonth; m = nextMonth(m)) months.push(m);
  return months;
}
