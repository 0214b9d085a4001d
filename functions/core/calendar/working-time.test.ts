import { describe, expect, it } from 'vitest';
import {
  computeDeadline,
  loadBundledCalendarYears,
  MissingCalendarYearError,
  validateCalendarYear,
  WorkingCalendar,
  type CalendarYear,
} from './working-time';

/** Local Asia/Ho_Chi_Minh time "YYYY-MM-DD HH:mm" → instant. */
const L = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
/** Instant → local "YYYY-MM-DD HH:mm" (seconds shown only when not zero). */
const fmt = (d: Date | null): string | null => {
  if (!d) return null;
  const iso = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return iso.slice(11, 19).endsWith(':00') ? iso.slice(0, 16).replace('T', ' ') : iso.slice(0, 19).replace('T', ' ');
};

// Hand-made fixture on the real 2024 weekdays (2024-03-01 is a Friday).
const FIXTURE_2024: CalendarYear = {
  year: 2024,
  status: 'announced',
  entries: [
    { date: '2024-03-11', kind: 'holiday', name: { vi: 'Ngày lễ thử', en: 'Test holiday' }, source: 'fixture' },
    { date: '2024-03-16', kind: 'working-saturday', name: { vi: 'Làm bù', en: 'Make-up Saturday' }, source: 'fixture' },
    { date: '2024-03-20', kind: 'day-off', name: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' }, source: 'fixture' },
  ],
};
const fx = new WorkingCalendar([FIXTURE_2024]);
const real = new WorkingCalendar(loadBundledCalendarYears());

describe('addWorkingTime — hand-checked table (fixture 2024)', () => {
  const cases: [label: string, start: string, hours: number, expected: string][] = [
    ['15:01 on a Friday before a Monday holiday → Tuesday', '2024-03-08 15:01', 8, '2024-03-12 17:00'],
    ['15:01 Friday, half a day ends at 12:00, not 13:00', '2024-03-08 15:01', 4, '2024-03-12 12:00'],
    ['exactly 15:00 still counts from 15:00', '2024-03-08 15:00', 8, '2024-03-12 15:00'],
    ['after 17:00 on Friday → Tuesday (Monday holiday)', '2024-03-08 18:00', 1, '2024-03-12 09:00'],
    ['received on a holiday → next working day 08:00', '2024-03-11 10:00', 4, '2024-03-12 12:00'],
    ['make-up Saturday counts as a working day', '2024-03-15 10:00', 8, '2024-03-16 10:00'],
    ['received on the make-up Saturday', '2024-03-16 09:00', 1, '2024-03-16 10:00'],
    ['ordinary Saturday → Monday', '2024-03-23 09:00', 1, '2024-03-25 09:00'],
    ['received 12:30 during lunch → counts from 13:00', '2024-03-12 12:30', 2, '2024-03-12 15:00'],
    ['received 07:00 on a working day → 08:00', '2024-03-12 07:00', 1, '2024-03-12 09:00'],
    ['end exactly at 17:00 stays at 17:00', '2024-03-12 13:00', 4, '2024-03-12 17:00'],
    ['end exactly at 12:00 stays at 12:00', '2024-03-12 08:00', 4, '2024-03-12 12:00'],
    ['fractional budget crosses lunch', '2024-03-12 11:45', 0.5, '2024-03-12 13:15'],
    ['skips a compensatory/swapped day off', '2024-03-19 09:00', 16, '2024-03-22 09:00'],
    ['H = 0 inside a window returns t', '2024-03-12 10:00', 0, '2024-03-12 10:00'],
    ['H = 0 during lunch returns 13:00', '2024-03-12 12:30', 0, '2024-03-12 13:00'],
    ['H = 0 after the cut-off returns next day 08:00', '2024-03-12 16:00', 0, '2024-03-13 08:00'],
    ['one working week = 40 h, from Monday 08:00', '2024-03-25 08:00', 40, '2024-03-29 17:00'],
  ];
  it.each(cases)('%s', (_label, start, hours, expected) => {
    expect(fmt(fx.addWorkingTime(L(start), hours))).toBe(expected);
  });

  it('keeps second precision: 15:00:00.001 is after the cut-off', () => {
    const t = new Date(L('2024-03-12 15:00').getTime() + 1);
    expect(fmt(fx.nextWorkingInstant(t))).toBe('2024-03-13 08:00');
    expect(fmt(fx.nextWorkingInstant(L('2024-03-12 15:00')))).toBe('2024-03-12 15:00');
  });
});

describe('workingTimeBetween', () => {
  const cases: [string, string, number][] = [
    ['2024-03-12 10:00', '2024-03-12 10:00', 0],
    ['2024-03-12 11:00', '2024-03-12 10:00', 0],
    ['2024-03-12 11:30', '2024-03-12 13:30', 1],
    ['2024-03-08 15:30', '2024-03-08 16:30', 1], // the cut-off does not apply to counting
    ['2024-03-08 16:00', '2024-03-12 09:00', 2], // weekend and Monday holiday count nothing
    ['2024-03-15 16:00', '2024-03-18 09:00', 10], // make-up Saturday counts 8 h
    ['2024-03-25 00:00', '2024-03-30 00:00', 40],
  ];
  it.each(cases)('%s → %s = %s h', (a, b, h) => {
    expect(fx.workingTimeBetween(L(a), L(b))).toBe(h);
  });
});

describe('computeDeadline (fixture 2024)', () => {
  it('without pauses equals addWorkingTime', () => {
    expect(fmt(computeDeadline(fx, { start: L('2024-03-27 09:00'), hours: 16 }))).toBe('2024-03-29 09:00');
  });
  it('a pause across a weekend keeps the used time and resumes on Monday 08:00', () => {
    // Wed 09–17 (7 h) + Thu 08–10 (2 h) used = 9 h; resumes Mon 08:00 with 7 h left.
    const d = computeDeadline(fx, {
      start: L('2024-03-27 09:00'),
      hours: 16,
      pauses: [{ from: L('2024-03-28 10:00'), to: L('2024-03-30 11:00') }],
    });
    expect(fmt(d)).toBe('2024-04-01 16:00');
  });
  it('a pause that ends after the cut-off resumes the next working day', () => {
    const facts = { start: L('2024-04-01 08:00'), hours: 8 };
    expect(fmt(computeDeadline(fx, { ...facts, pauses: [{ from: L('2024-04-01 10:00'), to: L('2024-04-01 15:30') }] }))).toBe(
      '2024-04-02 15:00',
    );
    expect(fmt(computeDeadline(fx, { ...facts, pauses: [{ from: L('2024-04-01 10:00'), to: L('2024-04-01 15:00') }] }))).toBe(
      '2024-04-02 12:00',
    );
  });
  it('multiple pauses are applied in order (given unsorted)', () => {
    const d = computeDeadline(fx, {
      start: L('2024-04-01 08:00'),
      hours: 8,
      pauses: [
        { from: L('2024-04-03 09:00'), to: L('2024-04-04 08:00') }, // 2nd: used 1 h more
        { from: L('2024-04-01 10:00'), to: L('2024-04-02 16:00') }, // 1st: used 2 h, resumes Wed 08:00
      ],
    });
    // 2 h + 1 h used, 5 h left from Thu 08:00 → Thu 14:00.
    expect(fmt(d)).toBe('2024-04-04 14:00');
  });
  it('an extension adds working hours to the budget', () => {
    expect(fmt(computeDeadline(fx, { start: L('2024-04-01 08:00'), hours: 8, extensionHours: 4 }))).toBe('2024-04-02 12:00');
  });
  it('returns null while a pause is open', () => {
    expect(computeDeadline(fx, { start: L('2024-04-01 08:00'), hours: 8, pauses: [{ from: L('2024-04-01 10:00') }] })).toBeNull();
  });
  it('a pause opened after the deadline does not move it', () => {
    const d = computeDeadline(fx, { start: L('2024-04-01 08:00'), hours: 8, pauses: [{ from: L('2024-04-01 17:00') }] });
    expect(fmt(d)).toBe('2024-04-01 17:00');
  });
  it('a pause before counting starts (received after the cut-off) uses no time', () => {
    const d = computeDeadline(fx, {
      start: L('2024-04-01 15:30'),
      hours: 8,
      pauses: [{ from: L('2024-04-01 16:00'), to: L('2024-04-02 10:00') }],
    });
    expect(fmt(d)).toBe('2024-04-03 10:00');
  });
  it('rejects a pause that ends before it starts', () => {
    expect(() =>
      computeDeadline(fx, { start: L('2024-04-01 08:00'), hours: 8, pauses: [{ from: L('2024-04-01 10:00'), to: L('2024-04-01 09:00') }] }),
    ).toThrow(RangeError);
  });
});

describe('missing calendar year', () => {
  const err = (fn: () => unknown): MissingCalendarYearError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof MissingCalendarYearError) return e;
      throw e;
    }
    throw new Error('expected MissingCalendarYearError');
  };
  it('throws instead of counting weekends only', () => {
    expect(err(() => fx.isWorkingDay('2025-05-05')).year).toBe(2025);
    expect(err(() => fx.nextWorkingInstant(L('2023-06-01 10:00'))).year).toBe(2023);
    expect(err(() => fx.addWorkingTime(L('2024-12-31 16:00'), 1)).year).toBe(2025);
    expect(err(() => fx.addWorkingTime(L('2024-12-20 10:00'), 480)).year).toBe(2025);
    expect(err(() => fx.workingTimeBetween(L('2024-12-30 10:00'), L('2025-01-02 10:00'))).year).toBe(2025);
    expect(err(() => real.addWorkingTime(L('2027-12-31 16:00'), 1)).year).toBe(2028);
    const e = err(() => fx.isWorkingDay('2030-01-01'));
    expect(e.name).toBe('MissingCalendarYearError');
    expect(e).toBeInstanceOf(Error);
  });
  it('does not throw when the budget ends before the missing year', () => {
    expect(fmt(fx.addWorkingTime(L('2024-12-31 08:00'), 8))).toBe('2024-12-31 17:00');
  });
});

describe('shipped calendar data', () => {
  const years = loadBundledCalendarYears();
  it('ships 2025–2027, each valid, 2027 awaiting the yearly notice', () => {
    expect(years.map((y) => [y.year, y.status])).toEqual([
      [2025, 'announced'],
      [2026, 'announced'],
      [2027, 'awaiting-notice'],
    ]);
    for (const y of years) expect(validateCalendarYear(y).ok).toBe(true);
  });
  const cases: [label: string, start: string, hours: number, expected: string][] = [
    ['30/4–1/5/2025 with the 2/5 ↔ 26/4 swap', '2025-04-29 15:01', 8, '2025-05-05 17:00'],
    ['make-up Saturday 26/4/2025', '2025-04-25 13:00', 8, '2025-04-26 12:00'],
    ['Tết Ất Tỵ 2025 (27–31/1)', '2025-01-24 09:00', 8, '2025-02-03 09:00'],
    ['Tết Bính Ngọ 2026 (16–20/2)', '2026-02-13 10:00', 8, '2026-02-23 10:00'],
    ['Tết Dương lịch 2026 with the 2/1 ↔ 10/1 swap', '2025-12-31 16:00', 4, '2026-01-05 12:00'],
    ['make-up Saturday 10/1/2026', '2026-01-09 13:00', 8, '2026-01-10 12:00'],
    ['Hùng Kings 2026 on Sunday → Monday 27/4 off', '2026-04-24 15:30', 4, '2026-04-28 12:00'],
    ['Quốc khánh 2026 with the 31/8 ↔ 22/8 swap', '2026-08-28 09:00', 8, '2026-09-03 09:00'],
    ['provisional Tết 2027 (4–8/2 + compensatory 9–10/2)', '2027-02-03 09:00', 8, '2027-02-11 09:00'],
  ];
  it.each(cases)('%s', (_label, start, hours, expected) => {
    expect(fmt(real.addWorkingTime(L(start), hours))).toBe(expected);
  });
  it('working-day flags on the shipped data', () => {
    for (const d of ['2025-01-27', '2025-01-31', '2025-05-02', '2025-09-01', '2026-01-02', '2026-04-27', '2026-08-31', '2027-05-03'])
      expect([d, real.isWorkingDay(d)]).toEqual([d, false]);
    for (const d of ['2025-04-26', '2026-01-10', '2026-08-22', '2025-02-03', '2026-02-23'])
      expect([d, real.isWorkingDay(d)]).toEqual([d, true]);
  });
});

describe('validateCalendarYear', () => {
  const entry = { date: '2024-03-11', kind: 'holiday', name: { vi: 'Lễ', en: 'Holiday' }, source: 'Luật' };
  it('accepts a well-formed year', () => {
    expect(validateCalendarYear({ year: 2024, status: 'announced', entries: [entry] }).ok).toBe(true);
  });
  it('names the offending fields', () => {
    const r = validateCalendarYear({
      year: 2024,
      status: 'draft',
      entries: [
        entry,
        { ...entry, date: '2024-02-30' },
        { ...entry, date: '2025-01-01' },
        { ...entry, date: '2024-03-12', kind: 'bridge' },
        { ...entry, date: '2024-03-11' },
        { ...entry, date: '2024-03-18', kind: 'working-saturday' },
        { ...entry, date: '2024-03-19', name: { vi: '', en: 'x' } },
        { ...entry, date: '2024-03-21', source: ' ' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.errors.map((e) => e.field);
    expect(fields).toEqual([
      'status',
      'entries[1].date',
      'entries[2].date',
      'entries[3].kind',
      'entries[4].date',
      'entries[5].kind',
      'entries[6].name.vi',
      'entries[7].source',
    ]);
    expect(r.errors.find((e) => e.field === 'entries[4].date')?.message).toMatch(/duplicate/);
  });
  it('is strict and bounded like every body: unknown keys named, a 150 KB source or too many entries refused', () => {
    const r = validateCalendarYear({ year: 2024, status: 'announced', extra: 1, entries: [{ ...entry, note: 'x', name: { ...entry.name, fr: 'Fête' } }] });
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.message])).toEqual([
      ['extra', 'unknown key'],
      ['entries[0].note', 'unknown key'],
      ['entries[0].name.fr', 'unknown key'],
    ]);
    const big = validateCalendarYear({ year: 2024, status: 'announced', entries: [{ ...entry, source: 'x'.repeat(150 * 1024) }] });
    expect(big.ok ? [] : big.errors.map((e) => e.field)).toEqual(['entries[0].source']);
    const many = Array.from({ length: 200 }, (_, i) => ({ ...entry, date: `2024-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` }));
    const long = validateCalendarYear({ year: 2024, status: 'announced', entries: many });
    expect(long.ok ? [] : long.errors.map((e) => e.field)).toEqual(['entries']);
  });
  it('rejects non-objects and missing entries', () => {
    expect(validateCalendarYear(null).ok).toBe(false);
    const r = validateCalendarYear({ year: 'x', status: 'announced' });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['year', 'entries']);
  });
});

describe('configuration', () => {
  it('accepts custom windows, cut-off and offset', () => {
    const cal = new WorkingCalendar([FIXTURE_2024], {
      windows: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }],
      cutoff: '16:00',
    });
    expect(fmt(cal.addWorkingTime(L('2024-03-12 15:45'), 2))).toBe('2024-03-13 07:45');
    expect(fmt(cal.addWorkingTime(L('2024-03-12 11:30'), 1))).toBe('2024-03-12 14:30');
  });
  it('rejects overlapping windows and bad times', () => {
    expect(() => new WorkingCalendar([], { windows: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] })).toThrow();
    expect(() => new WorkingCalendar([], { cutoff: '3pm' })).toThrow();
    expect(() => new WorkingCalendar([FIXTURE_2024, FIXTURE_2024])).toThrow();
  });
});
