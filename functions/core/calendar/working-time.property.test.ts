import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadline, loadBundledCalendarYears, WorkingCalendar } from './working-time';
import { naiveAddWorkingTime } from './working-time.reference';

const cal = new WorkingCalendar(loadBundledCalendarYears());
const OFFSET = 7 * 3_600_000;
const FROM = Date.parse('2025-01-01T00:00:00+07:00');
const TO = Date.parse('2026-12-31T00:00:00+07:00'); // + 480 h stays inside the shipped years

/** Any instant in 2025–2026 on a whole minute. */
const instant = fc.integer({ min: 0, max: (TO - FROM) / 60_000 }).map((m) => new Date(FROM + m * 60_000));
/** Budgets in quarter hours (exact in ms arithmetic), up to 60 working days. */
const hours = fc.integer({ min: 0, max: 480 * 4 }).map((q) => q / 4);
const positiveHours = fc.integer({ min: 1, max: 240 * 4 }).map((q) => q / 4);

const localTodMs = (d: Date): number => (((d.getTime() + OFFSET) % 86_400_000) + 86_400_000) % 86_400_000;
const CUTOFF = 15 * 3_600_000;
const localDate = (d: Date): string => new Date(d.getTime() + OFFSET).toISOString().slice(0, 10);

/** Instants inside working time and not after the cut-off: the start rule leaves them alone. */
const workingInstant = fc
  .tuple(instant, fc.integer({ min: 0, max: 8 * 60 - 1 }))
  .map(([t, m]) => cal.addWorkingTime(t, m / 60))
  .filter((t) => cal.nextWorkingInstant(t).getTime() === t.getTime());

describe('working-time properties (shipped calendar, 2025–2026)', () => {
  it('is monotonic in the budget', () => {
    fc.assert(
      fc.property(instant, hours, hours, (t, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingTime(t, lo).getTime()).toBeLessThanOrEqual(cal.addWorkingTime(t, hi).getTime());
      }),
    );
  });

  // add(add(t, a), b) == add(t, a + b) is NOT true in general: the start rule (with its 15:00
  // cut-off) is re-applied to the intermediate instant, so if add(t, a) lands at, say, 16:00 the
  // second call starts the next morning and loses the 16:00–17:00 hour. The identity holds
  // whenever the intermediate instant is not after the cut-off (the start rule then only moves a
  // window end such as 12:00 to the next window start, which loses nothing). computeDeadline
  // does not chain addWorkingTime calls; it continues internally without re-applying the rule.
  it('add(add(t, a), b) == add(t, a + b) when add(t, a) is not after the cut-off', () => {
    fc.assert(
      fc.property(workingInstant, positiveHours, positiveHours, (t, a, b) => {
        const mid = cal.addWorkingTime(t, a);
        fc.pre(localTodMs(mid) <= CUTOFF);
        expect(cal.addWorkingTime(mid, b).getTime()).toBe(cal.addWorkingTime(t, a + b).getTime());
      }),
    );
  });

  it('the restriction above is needed: an intermediate result after 15:00 loses time', () => {
    const t = new Date('2025-03-03T14:00:00+07:00'); // Monday
    const mid = cal.addWorkingTime(t, 2); // 16:00
    expect(cal.addWorkingTime(mid, 2).getTime()).toBeGreaterThan(cal.addWorkingTime(t, 4).getTime());
  });

  it('between(t, add(t, h)) == h for t inside working time', () => {
    fc.assert(
      fc.property(workingInstant, hours, (t, h) => {
        expect(cal.workingTimeBetween(t, cal.addWorkingTime(t, h))).toBe(h);
      }),
    );
  });

  it('between(nextWorkingInstant(t), add(t, h)) == h for any t', () => {
    fc.assert(
      fc.property(instant, hours, (t, h) => {
        expect(cal.workingTimeBetween(cal.nextWorkingInstant(t), cal.addWorkingTime(t, h))).toBe(h);
      }),
    );
  });

  it('results are always inside working time (inside a window or at its end) on a working day', () => {
    const windows: [number, number][] = [
      [8, 12],
      [13, 17],
    ].map(([s, e]) => [s! * 3_600_000, e! * 3_600_000]);
    fc.assert(
      fc.property(instant, hours, (t, h) => {
        const r = cal.addWorkingTime(t, h);
        const tod = localTodMs(r);
        expect(cal.isWorkingDay(localDate(r))).toBe(true);
        expect(windows.some(([s, e]) => s <= tod && tod <= e)).toBe(true);
        if (h === 0) expect(windows.some(([s, e]) => s <= tod && tod < e)).toBe(true);
      }),
    );
  });

  it('nextWorkingInstant is idempotent', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const n = cal.nextWorkingInstant(t);
        expect(cal.nextWorkingInstant(n).getTime()).toBe(n.getTime());
      }),
    );
  });

  it('agrees with a naive minute-by-minute reference', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 60 }), (t, minutes) => {
        expect(cal.addWorkingTime(t, minutes / 60).getTime()).toBe(naiveAddWorkingTime(cal, t, minutes / 60).getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('computeDeadline: no pauses == addWorkingTime; a closed pause never brings the deadline earlier', () => {
    fc.assert(
      fc.property(instant, hours, instant, fc.integer({ min: 0, max: 30 * 24 * 60 }), (start, h, from, len) => {
        const plain = computeDeadline(cal, { start, hours: h });
        expect(plain?.getTime()).toBe(cal.addWorkingTime(start, h).getTime());
        const to = new Date(from.getTime() + len * 60_000);
        const paused = computeDeadline(cal, { start, hours: h, pauses: [{ from, to }] });
        expect(paused!.getTime()).toBeGreaterThanOrEqual(plain!.getTime());
      }),
    );
  });

  it('computeDeadline: the extension adds exactly its hours of working time', () => {
    fc.assert(
      fc.property(instant, hours, positiveHours, (start, h, ext) => {
        const base = computeDeadline(cal, { start, hours: h })!;
        const extended = computeDeadline(cal, { start, hours: h, extensionHours: ext })!;
        expect(cal.workingTimeBetween(base, extended)).toBe(ext);
      }),
    );
  });
});
