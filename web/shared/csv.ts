/**
 * CSV as a spreadsheet opens it: cells quoted when they hold a separator, a quote or a line
 * break; a text cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return) is prefixed
 * with an apostrophe, so a spreadsheet shows it as text instead of running it as a formula (CSV
 * injection, OWASP). Numbers stay numbers (a negative figure is not a formula).
 */
export type CsvValue = string | number | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(v: CsvValue): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The file's text: a byte-order mark (Excel reads UTF-8 then), rows joined by CRLF. */
export function csvText(rows: CsvValue[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
