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

/** An ISO 8601 instant with a time and a zone (`Z` or an offset): what `localInstants` rewrites. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A copy of a JSON-like value with every ISO instant (a string, at any depth) in local time
 * (`+07:00`): for answers that return stored items as they are (the applicant export).
 */
export function localInstants<T>(value: T): T {
  if (typeof value === 'string') return (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? toLocalIso(value) : value) as T;
  if (Array.isArray(value)) return value.map(localInstants) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localInstants(v)])) as T;
  }
  return value;
}
