// Working-time calendar and deadline engine (pure domain code, no I/O).
// Instants are JS Dates (UTC); "local" time is UTC + utcOffsetMinutes (no DST in Vietnam).
// Internally everything is integer milliseconds: a local day index (days since 1970-01-01 local)
// and a time of day in ms. Whole working days are skipped in one step, never minute by minute.
import y2025 from './data/2025.json' with { type: 'json' };
import y2026 from './data/2026.json' with { type: 'json' };
import y2027 from './data/2027.json' with { type: 'json' };

export type CalendarEntryKind = 'holiday' | 'day-off' | 'working-saturday';
export interface CalendarEntry {
  date: string; // YYYY-MM-DD local date
  kind: CalendarEntryKind;
  name: { vi: string; en: string };
  source: string;
}
export interface CalendarYear {
  year: number;
  status: 'announced' | 'awaiting-notice';
  entries: CalendarEntry[];
}
export interface WorkingTimeConfig {
  windows: { start: string; end: string }[]; // "HH:mm" local
  cutoff: string; // "HH:mm" local
  utcOffsetMinutes: number;
}

export const DEFAULT_WORKING_TIME: WorkingTimeConfig = Object.freeze({
  windows: [
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  cutoff: '15:00',
  utcOffsetMinutes: 420, // Asia/Ho_Chi_Minh
});

export class MissingCalendarYearError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(`No working calendar loaded for year ${year}`);
    this.name = 'MissingCalendarYearError';
    this.year = year;
  }
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const KINDS: readonly CalendarEntryKind[] = ['holiday', 'day-off', 'working-saturday'];
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

function parseHHmm(s: string, what: string): number {
  const m = HHMM_RE.exec(s);
  if (!m) throw new RangeError(`${what}: expected "HH:mm", got ${JSON.stringify(s)}`);
  const ms = (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  if (ms > DAY_MS) throw new RangeError(`${what}: ${s} is past 24:00`);
  return ms;
}

/** Day index (days since 1970-01-01) of a YYYY-MM-DD string, or undefined when not a real date. */
function parseDate(s: string): { day: number; year: number } | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return { day: ms / DAY_MS, year: y };
}

/** Gregorian year of a day index (days since 1970-01-01), integer arithmetic (H. Hinnant). */
function yearOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

export class WorkingCalendar {
  private readonly windows: { start: number; end: number }[];
  private readonly cutoff: number;
  private readonly offsetMs: number;
  private readonly dayTotal: number; // window ms in one working day
  private readonly exceptions = new Map<number, CalendarEntryKind>();
  private readonly years = new Set<number>();

  constructor(years: CalendarYear[], config?: Partial<WorkingTimeConfig>) {
    const cfg = { ...DEFAULT_WORKING_TIME, ...config };
    this.windows = cfg.windows
      .map((w, i) => ({ start: parseHHmm(w.start, `windows[${i}].start`), end: parseHHmm(w.end, `windows[${i}].end`) }))
      .sort((a, b) => a.start - b.start);
    if (this.windows.length === 0) throw new RangeError('at least one working window is required');
    this.windows.forEach((w, i) => {
      if (w.end <= w.start) throw new RangeError(`window ${i} ends before it starts`);
      const prev = this.windows[i - 1];
      if (prev && w.start < prev.end) throw new RangeError('working windows overlap');
    });
    this.cutoff = parseHHmm(cfg.cutoff, 'cutoff');
    if (!Number.isInteger(cfg.utcOffsetMinutes)) throw new RangeError('utcOffsetMinutes must be an integer');
    this.offsetMs = cfg.utcOffsetMinutes * 60_000;
    this.dayTotal = this.windows.reduce((sum, w) => sum + w.end - w.start, 0);
    for (const y of years) {
      if (this.years.has(y.year)) throw new RangeError(`calendar year ${y.year} given twice`);
      this.years.add(y.year);
      for (const e of y.entries) {
        const d = parseDate(e.date);
        if (!d || d.year !== y.year) throw new RangeError(`calendar ${y.year}: bad entry date ${e.date}`);
        this.exceptions.set(d.day, e.kind);
      }
    }
  }

  isWorkingDay(localDate: string): boolean {
    const d = parseDate(localDate);
    if (!d) throw new RangeError(`not a YYYY-MM-DD date: ${localDate}`);
    return this.isWorkingDayIndex(d.day);
  }

  nextWorkingInstant(t: Date): Date {
    return new Date(this.startRule(instantMs(t)));
  }

  addWorkingTime(start: Date, hours: number): Date {
    return new Date(this.advance(this.startRule(instantMs(start)), budgetMs(hours)));
  }

  workingTimeBetween(a: Date, b: Date): number {
    return this.windowMsBetween(instantMs(a), instantMs(b)) / HOUR_MS;
  }

  // ---- internals shared with computeDeadline (ms-based) ----

  private isWorkingDayIndex(day: number): boolean {
    const year = yearOfDay(day);
    if (!this.years.has(year)) throw new MissingCalendarYearError(year);
    const kind = this.exceptions.get(day);
    if (kind === 'holiday' || kind === 'day-off') return false;
    if (kind === 'working-saturday') return true;
    const wd = weekday(day);
    return wd !== 0 && wd !== 6;
  }

  /** The start rule: where counting begins for something received at instant t (UTC ms). */
  startRule(t: number): number {
    const local = t + this.offsetMs;
    const day = Math.floor(local / DAY_MS);
    const tod = local - day * DAY_MS;
    if (tod <= this.cutoff && this.isWorkingDayIndex(day)) {
      for (const w of this.windows) {
        if (tod < w.end) return tod >= w.start ? t : day * DAY_MS + w.start - this.offsetMs;
      }
    }
    return this.firstWindowAfterDay(day);
  }

  private firstWindowAfterDay(day: number): number {
    let d = day + 1;
    while (!this.isWorkingDayIndex(d)) d++;
    return d * DAY_MS + this.windows[0]!.start - this.offsetMs;
  }

  /** Counts `ms` of window time forward from t (no cut-off rule); an end on a window's end stays there. */
  advance(t: number, ms: number): number {
    if (ms <= 0) return t;
    let remaining = ms;
    const local = t + this.offsetMs;
    let day = Math.floor(local / DAY_MS);
    let tod = local - day * DAY_MS;
    for (;;) {
      if (this.isWorkingDayIndex(day)) {
        if (tod <= this.windows[0]!.start && remaining > this.dayTotal) {
          remaining -= this.dayTotal; // skip a whole working day
        } else {
          for (const w of this.windows) {
            if (tod >= w.end) continue;
            const from = Math.max(tod, w.start);
            const avail = w.end - from;
            if (remaining <= avail) return day * DAY_MS + from + remaining - this.offsetMs;
            remaining -= avail;
          }
        }
      }
      day++;
      tod = 0;
    }
  }

  /** Window time (ms) in [a, b) on working days; 0 when b <= a. */
  windowMsBetween(a: number, b: number): number {
    if (b <= a) return 0;
    const la = a + this.offsetMs;
    const lb = b + this.offsetMs;
    const dayA = Math.floor(la / DAY_MS);
    const dayB = Math.floor(lb / DAY_MS);
    let total = 0;
    for (let day = dayA; day <= dayB; day++) {
      if (!this.isWorkingDayIndex(day)) continue;
      const lo = day === dayA ? la - day * DAY_MS : 0;
      const hi = day === dayB ? lb - day * DAY_MS : DAY_MS;
      if (lo === 0 && hi === DAY_MS) {
        total += this.dayTotal;
        continue;
      }
      for (const w of this.windows) total += Math.max(0, Math.min(hi, w.end) - Math.max(lo, w.start));
    }
    return total;
  }
}

function instantMs(t: Date): number {
  const ms = t.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

function budgetMs(hours: number): number {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`budget must be a finite number of hours >= 0, got ${hours}`);
  return Math.round(hours * HOUR_MS);
}

// ---------------------------------------------------------------------------------------------
// Deadlines

export interface DeadlineFacts {
  start: Date;
  hours: number;
  pauses?: { from: Date; to?: Date }[];
  extensionHours?: number;
}

/**
 * The deadline derived from the facts: the budget (hours + extensionHours) counted from the start
 * rule applied to `start`; each pause (supplement requested → received) stops the clock, the time
 * already used is kept, and counting resumes from the start rule applied to `to`. Pauses are taken
 * in order of `from`; a pause that begins at or after the deadline changes nothing (the deadline
 * had already fallen). Returns null while a pause that began before the deadline is still open.
 */
export function computeDeadline(cal: WorkingCalendar, facts: DeadlineFacts): Date | null {
  let remaining = budgetMs(facts.hours) + budgetMs(facts.extensionHours ?? 0);
  let cursor = cal.startRule(instantMs(facts.start));
  const pauses = [...(facts.pauses ?? [])].sort((p, q) => instantMs(p.from) - instantMs(q.from));
  for (const p of pauses) {
    const from = instantMs(p.from);
    if (p.to && instantMs(p.to) < from) throw new RangeError('a pause ends before it starts');
    if (from >= cal.advance(cursor, remaining)) break; // deadline fell before this pause
    remaining -= cal.windowMsBetween(cursor, from);
    if (!p.to) return null;
    cursor = Math.max(cursor, cal.startRule(instantMs(p.to)));
  }
  return new Date(cal.advance(cursor, remaining));
}

// ---------------------------------------------------------------------------------------------
// Validation and bundled data

type FieldError = { field: string; message: string };

/** A year's calendar is small: bounds well above the largest announced year (16 entries, a 222-character source). */
export const CALENDAR_LIMITS = { entries: 60, name: 200, source: 1000 } as const;

export function validateCalendarYear(
  input: unknown,
): { ok: true; value: CalendarYear } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '', message: 'expected an object' }] };
  }
  const o = input as Record<string, unknown>;
  // strict, like every body: an unknown key is named, not kept
  const unknownKeys = (at: string, value: Record<string, unknown>, known: readonly string[]) => {
    for (const k of Object.keys(value)) if (!known.includes(k)) err(at ? `${at}.${k}` : k, 'unknown key');
  };
  unknownKeys('', o, ['year', 'status', 'entries']);
  const year = o.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 9999) err('year', 'expected an integer year');
  if (o.status !== 'announced' && o.status !== 'awaiting-notice') err('status', 'expected "announced" or "awaiting-notice"');
  if (!Array.isArray(o.entries)) {
    err('entries', 'expected an array');
  } else if (o.entries.length > CALENDAR_LIMITS.entries) {
    err('entries', `at most ${CALENDAR_LIMITS.entries} entries`);
  } else {
    const seen = new Map<string, number>();
    o.entries.forEach((raw: unknown, i) => {
      const at = `entries[${i}]`;
      if (typeof raw !== 'object' || raw === null) return err(at, 'expected an object');
      const e = raw as Record<string, unknown>;
      unknownKeys(at, e, ['date', 'kind', 'name', 'source']);
      const d = typeof e.date === 'string' ? parseDate(e.date) : undefined;
      if (!d) err(`${at}.date`, 'expected a real YYYY-MM-DD date');
      else if (typeof year === 'number' && d.year !== year) err(`${at}.date`, `date is not in year ${year}`);
      if (typeof e.date === 'string') {
        const first = seen.get(e.date);
        if (first !== undefined) err(`${at}.date`, `duplicate date, already in entries[${first}]`);
        else seen.set(e.date, i);
      }
      if (!KINDS.includes(e.kind as CalendarEntryKind)) err(`${at}.kind`, `expected one of ${KINDS.join(', ')}`);
      else if (e.kind === 'working-saturday' && d && weekday(d.day) !== 6) err(`${at}.kind`, 'a working-saturday must fall on a Saturday');
      const name = e.name as Record<string, unknown> | undefined;
      if (typeof name !== 'object' || name === null || Array.isArray(name)) err(`${at}.name`, 'expected { vi, en }');
      else {
        unknownKeys(`${at}.name`, name, ['vi', 'en']);
        for (const lang of ['vi', 'en'] as const) {
          if (typeof name[lang] !== 'string' || (name[lang] as string).trim() === '') err(`${at}.name.${lang}`, 'expected a non-empty string');
          else if ((name[lang] as string).length > CALENDAR_LIMITS.name) err(`${at}.name.${lang}`, `at most ${CALENDAR_LIMITS.name} characters`);
        }
      }
      if (typeof e.source !== 'string' || e.source.trim() === '') err(`${at}.source`, 'expected a non-empty legal source');
      else if (e.source.length > CALENDAR_LIMITS.source) err(`${at}.source`, `at most ${CALENDAR_LIMITS.source} characters`);
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: input as CalendarYear };
}

/** The calendar years shipped with the code (validated; throws if a bundled file is malformed). */
export function loadBundledCalendarYears(): CalendarYear[] {
  return [y2025, y2026, y2027].map((raw) => {
    const r = validateCalendarYear(raw);
    if (!r.ok) throw new Error(`bundled calendar invalid: ${JSON.stringify(r.errors)}`);
    return structuredClone(r.value);
  });
}
