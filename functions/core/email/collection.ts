/**
 * When the citizen can collect a result due at an instant: from the appointment to the end of the
 * working window it falls in; an appointment at a window's end (12:00, 17:00) or outside working
 * time opens at the next window of a working day (13:00, or the next working morning). The
 * calendar enters as `isWorkingDay` (a local date → working or not), so this stays pure.
 */
import { DEFAULT_WORKING_TIME } from '../calendar/working-time';

const DAY_MS = 86_400_000;

export type IsWorkingDay = (localDate: string) => boolean;

/** Monday to Friday: used when no calendar is given (or the year has none). */
export const weekdays: IsWorkingDay = (localDate) => {
  const day = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function collectionWindow(
  at: string | Date,
  isWorkingDay: IsWorkingDay = weekdays,
  config: { windows: readonly { start: string; end: string }[]; utcOffsetMinutes: number } = DEFAULT_WORKING_TIME,
): { start: Date; end: Date } {
  const t = new Date(at).getTime();
  if (Number.isNaN(t)) throw new RangeError(`Invalid instant: ${String(at)}`);
  const offset = config.utcOffsetMinutes * 60_000;
  const firstDay = Math.floor((t + offset) / DAY_MS);
  for (let day = firstDay; day < firstDay + 60; day++) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    let working = true;
    try {
      working = isWorkingDay(date);
    } catch {
      working = weekdays(date); // a year without a calendar: the letter still goes out
    }
    if (!working) continue;
    for (const w of config.windows) {
      const start = day * DAY_MS + minutes(w.start) * 60_000 - offset;
      const end = day * DAY_MS + minutes(w.end) * 60_000 - offset;
      if (t < end) return { start: new Date(Math.max(t, start)), end: new Date(end) };
    }
  }
  return { start: new Date(t), end: new Date(t + 30 * 60_000) };
}
