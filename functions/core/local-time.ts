/**
 * Vietnam's time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving): every instant in the API is ISO
 * 8601 with the +07:00 offset, and local dates and months key the records.
 */
const OFFSET_MS = 7 * 3600_000;

export function toLocalIso(d: Date | string | number): string {
  const t = new Date(d).getTime();
  const local = new Date(t + OFFSET_MS).toISOString(); // 2026-12-01T01:00:00.000Z shifted
  return `${local.slice(0, 19)}+07:00`;
}

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(d: Date | string | number): string {
  return new Date(new Date(d).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
