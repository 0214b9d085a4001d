import { describe, expect, it } from 'vitest';
import { WorkingCalendar, loadBundledCalendarYears } from './calendar/working-time';
import { checkDueFrom, checkLapsed, completionOpen, workingHoursLeft } from './online-check';

const cal = new WorkingCalendar(loadBundledCalendarYears());

describe('the check clock of an online dossier', () => {
  it('gives the desk 8 working hours from the submission, over the weekend', () => {
    // Friday 4 December 2026 15:00 in Hà Nội → Monday 7 December 15:00
    expect(checkDueFrom(cal, new Date('2026-12-04T08:00:00Z')).toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('counts the working hours left, negative past the due time, none while completion is asked', () => {
    const online = { checkDueAt: '2026-12-07T08:00:00.000Z' };
    expect(workingHoursLeft(cal, online, new Date('2026-12-07T03:00:00Z'))).toBe(4); // 10:00 → 15:00, lunch excluded
    expect(workingHoursLeft(cal, online, new Date('2026-12-07T09:00:00Z'))).toBe(-1);
    const asked = { ...online, completions: [{ askedAt: 'x', by: 'o', missing: ['a'], reason: 'r' }] };
    expect(completionOpen(asked)).toBe(true);
    expect(workingHoursLeft(cal, asked, new Date('2026-12-08T09:00:00Z'))).toBeNull();
    expect(checkLapsed(asked, new Date('2026-12-08T09:00:00Z'))).toBe(false);
    expect(checkLapsed(online, new Date('2026-12-07T08:00:00Z'))).toBe(true);
    expect(checkLapsed({ ...online, check: { outcome: 'receive', at: 'x', by: 'o' } }, new Date('2026-12-08T09:00:00Z'))).toBe(false);
  });
});
