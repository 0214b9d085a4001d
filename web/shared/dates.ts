/**
 * Dates as officers and citizens read them: `Thứ Hai, 14/12/2026 09:00`, in Vietnam's time
 * (UTC+7, no daylight saving) whatever the browser's zone. Mirrors functions/core/email/format.ts.
 */
const OFFSET_MS = 7 * 3600_000;
const WEEKDAYS = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
export type Lang = 'vi' | 'en';
const p = (n: number) => String(n).padStart(2, '0');

function local(d: Date | string) {
  return new Date(new Date(d).getTime() + OFFSET_MS);
}

/** `Thứ Hai, 14/12/2026 09:00`; an empty string for no date. */
export function formatDateTime(d: Date | string | null | undefined, lang: Lang = 'vi'): string {
  if (!d) return '';
  const l = local(d);
  return `${WEEKDAYS[lang][l.getUTCDay()]}, ${p(l.getUTCDate())}/${p(l.getUTCMonth() + 1)}/${l.getUTCFullYear()} ${p(l.getUTCHours())}:${p(l.getUTCMinutes())}`;
}

/** `14/12/2026 09:00`: no weekday, for the columns of a printed table (forms 06 and 07). */
export function formatCompact(d: Date | string | null | undefined): string {
  return formatDateTime(d).replace(/^[^,]+, /, '');
}

/** `Thứ Hai, 14/12/2026`. */
export function formatDate(d: Date | string | null | undefined, lang: Lang = 'vi'): string {
  return formatDateTime(d, lang).slice(0, -6);
}

/** The local calendar day (YYYY-MM-DD) of an instant. */
export function localDay(d: Date | string): string {
  return local(d).toISOString().slice(0, 10);
}
