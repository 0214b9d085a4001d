/** A year's calendar as GET /calendars/{year} answers it. */
export interface CalendarYear {
  year: number;
  entries: { date: string; kind: 'holiday' | 'day-off' | 'working-saturday' }[];
}

/**
 * The next `count` working days (YYYY-MM-DD) after the local day `after`: Monday to Friday
 * unless a holiday or a day off, and the make-up Saturdays — the rule of
 * functions/core/calendar/working-time.ts, for the date picker of a reported delay.
 */
export function workingDaysAfter(after: string, years: CalendarYear[], count = 15): string[] {
  const kinds = new Map(years.flatMap((y) => y.entries.map((e) => [e.date, e.kind] as const)));
  const out: string[] = [];
  const d = new Date(`${after}T00:00:00Z`);
  for (let i = 0; i < count * 3 + 60 && out.length < count; i++) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.toISOString().slice(0, 10);
    const kind = kinds.get(day);
    const weekday = d.getUTCDay();
    const working = kind === 'holiday' || kind === 'day-off' ? false : kind === 'working-saturday' ? true : weekday >= 1 && weekday <= 5;
    if (working) out.push(day);
  }
  return out;
}
