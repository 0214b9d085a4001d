import * as z from 'zod';

/**
 * Invisible characters that change how text reads without being seen: bidirectional controls
 * (U+202A–202E embeddings and overrides, U+2066–2069 isolates, U+200E/U+200F marks, U+061C the
 * Arabic letter mark), zero-width characters (U+200B–200D, U+2060 word joiner, U+FEFF BOM) and
 * lone surrogates (half of a UTF-16 pair, not a character at all).
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** C0 and C1 control characters and DEL (tab, newline and carriage return are kept in free text). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Text as a person meant it: invisible characters removed, NFC-normalised (Vietnamese diacritics), trimmed. */
export const clean = (s: string) => s.replace(INVISIBLE, '').normalize('NFC').trim();

/** Free text typed by a person: cleaned, bounded; empty once cleaned is refused (the field is named). */
export const text = (max: number) =>
  z
    .string()
    .transform(clean)
    .pipe(
      z
        .string()
        .min(1, 'must not be empty (invisible characters do not count)')
        .max(max)
        .refine((s) => !CONTROL.test(s), 'must not contain control characters'),
    );

/** A document reference: trimmed, without invisible characters; control characters are refused. */
export const documentRef = z
  .string()
  .transform(clean)
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(500)
      .refine((s) => !CONTROL.test(s) && !/[\t\n\r]/.test(s), 'must not contain control characters'),
  );

export const documentsSchema = z.array(z.object({ name: text(200), ref: documentRef }).strict()).max(50);

/**
 * A phone number in one form: Vietnamese numbers as +84 and the national significant number
 * (9 digits for mobiles 03/05/07/08/09, 10 for landlines 02x), from `0912 345.678`,
 * `+84 912-345-678`, `(+84) 912345678`, `0084…` or `84…`; other countries as +<digits> (E.164).
 * Anything else is not a phone and is refused.
 */
export function normalisePhone(raw: string): string | undefined {
  const s = clean(raw);
  if (!/^[+(]?[0-9][0-9 ().-]{6,22}$/.test(s.replace(/^\(\+/, '+'))) return undefined;
  const plus = /^\(?\+/.test(s);
  let digits = s.replace(/[^0-9]/g, '');
  if (!plus && digits.startsWith('00')) digits = digits.slice(2);
  else if (!plus && digits.startsWith('0')) digits = `84${digits.slice(1)}`;
  else if (!plus && !digits.startsWith('84')) return undefined;
  if (digits.startsWith('84')) {
    const national = digits.slice(2);
    return /^(?:[35789]\d{8}|2\d{9})$/.test(national) ? `+84${national}` : undefined;
  }
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
}

export const phone = z.string().max(40).transform((s, ctx) => {
  const normalised = normalisePhone(s);
  if (!normalised) {
    ctx.addIssue({ code: 'custom', message: 'a phone number, e.g. 0912 345 678 or +84 912 345 678' });
    return z.NEVER;
  }
  return normalised;
});

/**
 * Text folded for searching: lower case, without diacritics (đ as d), spaces collapsed, so that
 * "ly lich tu phap" finds "Lý lịch tư pháp". Pure (the pages use it too).
 */
export const fold = (s: string) =>
  clean(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ');
