import { describe, expect, it } from 'vitest';
import { loadBundledCalendarYears, WorkingCalendar } from '../../functions/core/calendar/working-time';
import { workingDaysAfter } from './working-days';

describe('the delay picker’s working days', () => {
  const years = loadBundledCalendarYears();
  it('skips weekends, holidays and days off, and offers make-up Saturdays', () => {
    const days = workingDaysAfter('2026-12-30', years, 5);
    expect(days[0]).toBe('2026-12-31');
    expect(days).not.toContain('2027-01-01'); // New Year's Day
    expect(days.every((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) || years.some((y) => y.entries.some((e) => e.date === d && e.kind === 'working-saturday')))).toBe(true);
  });
  it('agrees with the calendar the deadlines use, day by day over the bundled years', () => {
    const cal = new WorkingCalendar(years);
    const first = `${years[0]!.year}-01-01`;
    const last = `${years.at(-1)!.year}-12-20`;
    const days = workingDaysAfter(first, years, 800).filter((d) => d <= last);
    expect(days.length).toBeGreaterThan(400);
    const offered = new Set(days);
    for (let t = Date.parse(`${first}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      expect(offered.has(d), d).toBe(cal.isWorkingDay(d));
    }
  });
});
