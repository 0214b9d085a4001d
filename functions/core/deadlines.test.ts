import { describe, expect, it } from 'vitest';
import { WorkingCalendar, loadBundledCalendarYears } from './calendar/working-time';
import { BadFactsError, pauseUnion, stepDueAt } from './deadlines';
import type { Pause } from './dossier';

const cal = new WorkingCalendar(loadBundledCalendarYears());
const pause = (stepId: string, from: string, to?: string): Pause => ({ stepId, round: 1, agency: 'X', from, to, missing: [], reason: '' });
const step = { assignedAt: '2026-12-01T02:00:00.000Z', budgetHours: 40, extensionHours: 0 };

describe('paused time is the union of the open and closed requests', () => {
  it('counts overlapping pauses of parallel steps once', () => {
    const a = pause('s1-sxd', '2026-12-01T03:00:00.000Z', '2026-12-08T03:00:00.000Z');
    const b = pause('s1-catp', '2026-12-01T04:00:00.000Z', '2026-12-03T03:00:00.000Z');
    expect(pauseUnion({ a, b })).toEqual([{ from: new Date(a.from), to: new Date(a.to!) }]);
    expect(stepDueAt(cal, step, { a, b })).toEqual(stepDueAt(cal, step, { a }));
  });

  it('keeps the clock stopped while any request is open', () => {
    const closed = pause('s1-catp', '2026-12-01T04:00:00.000Z', '2026-12-03T03:00:00.000Z');
    const open = pause('s1-sxd', '2026-12-01T03:00:00.000Z');
    expect(stepDueAt(cal, step, { closed, open })).toBeNull();
  });

  it('adds disjoint pauses', () => {
    const a = pause('s1-sxd', '2026-12-01T03:00:00.000Z', '2026-12-01T05:00:00.000Z');
    const b = pause('s1-catp', '2026-12-02T03:00:00.000Z', '2026-12-02T05:00:00.000Z');
    expect(pauseUnion({ a, b })).toHaveLength(2);
  });

  it('refuses a pause that ends before it starts, by name', () => {
    const bad = pause('s1-sxd', '2026-12-05T00:00:00.000Z', '2026-12-04T00:00:00.000Z');
    expect(() => pauseUnion({ bad })).toThrow(BadFactsError);
  });
});
