// Naive minute-by-minute reference implementation of addWorkingTime, used only by the property
// tests and the benchmark to cross-check the fast engine. Do not use in production code.
// Preconditions: start lies on a whole minute and hours is a whole number of minutes.
import { DEFAULT_WORKING_TIME, type WorkingCalendar, type WorkingTimeConfig } from './working-time';

const toMin = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

export function naiveAddWorkingTime(
  cal: WorkingCalendar,
  start: Date,
  hours: number,
  cfg: WorkingTimeConfig = DEFAULT_WORKING_TIME,
): Date {
  const windows = cfg.windows.map((w) => ({ start: toMin(w.start), end: toMin(w.end) }));
  const cutoff = toMin(cfg.cutoff);
  const dayCache = new Map<number, boolean>();
  const working = (day: number): boolean => {
    let v = dayCache.get(day);
    if (v === undefined) {
      v = cal.isWorkingDay(new Date(day * 86_400_000).toISOString().slice(0, 10));
      dayCache.set(day, v);
    }
    return v;
  };
  const day = (m: number) => Math.floor(m / 1440);
  const tod = (m: number) => m - day(m) * 1440;
  const inWindow = (m: number) => working(day(m)) && windows.some((w) => w.start <= tod(m) && tod(m) < w.end);

  let m = Math.floor(start.getTime() / 60_000) + cfg.utcOffsetMinutes; // local minutes since epoch
  if (!(working(day(m)) && tod(m) <= cutoff)) m = (day(m) + 1) * 1440; // after cut-off or day off
  while (!inWindow(m)) m++;
  let remaining = Math.round(hours * 60);
  while (remaining > 0) {
    if (inWindow(m)) remaining--;
    m++;
  }
  return new Date((m - cfg.utcOffsetMinutes) * 60_000);
}
