/** Dates as citizens read them: dd/MM/yyyy HH:mm in Vietnam's time, with the weekday. */
const OFFSET_MS = 7 * 3600_000;
const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parts(d: Date) {
  const l = new Date(d.getTime() + OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    day: l.getUTCDay(),
    text: `${p(l.getUTCDate())}/${p(l.getUTCMonth() + 1)}/${l.getUTCFullYear()} ${p(l.getUTCHours())}:${p(l.getUTCMinutes())}`,
  };
}

export function formatVi(d: Date | string): string {
  const { day, text } = parts(new Date(d));
  return `${WEEKDAYS_VI[day]}, ${text}`;
}

export function formatEn(d: Date | string): string {
  const { day, text } = parts(new Date(d));
  return `${WEEKDAYS_EN[day]}, ${text}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
