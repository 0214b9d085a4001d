/** A report's period: a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY), as its first and last local dates. */
export const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

export function periodDates(period: string): { from: string; to: string } | undefined {
  const m = PERIOD.exec(period);
  if (!m) return undefined;
  const y = Number(m[1]);
  const [first, last] = m[2] ? [Number(m[2]), Number(m[2])] : m[3] ? [Number(m[3]) * 3 - 2, Number(m[3]) * 3] : [1, 12];
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay(y, last))}` };
}

/** A local date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
