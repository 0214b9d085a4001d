/**
 * Dates as the letters write them, from the API's local ISO instants (`…+07:00`): read from the
 * string itself, so the browser's own time zone never shifts them. (A copy of the letters'
 * formatter, small on purpose: the page carries no date library.)
 */
export type Lang = 'vi' | 'en';

const WEEKDAYS: Record<Lang, string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export function formatLocal(iso: string | null | undefined, lang: Lang): string {
  const m = iso && /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return '';
  const [, y, mo, d, h, mi] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
  return `${WEEKDAYS[lang][day]}, ${d}/${mo}/${y} ${h}:${mi}`;
}

/** Only the time, `HH:mm`. */
export const timeOf = (iso: string) => iso.slice(11, 16);
