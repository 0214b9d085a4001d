import { fold } from './text';

/**
 * The desk's search tokens (pure; commons/search-index.ts hashes them into index keys). A dossier
 * is found by what a desk officer types, from the beginning of a word or number:
 *   n:<prefix>           each word of the applicant's name folded (no diacritics, đ as d), its
 *                        prefixes of 2 to MAX_PREFIX letters ("bi", "bin", "binh");
 *   b:<word> <prefix>    two neighbouring words: the first whole, the second's prefixes of 2
 *                        letters or more — the selective token of a query of several words;
 *   p:<digits>           the phone's digits in national form (0…): prefixes from 6 digits (a
 *                        number typed from the left) and the last 4 to 6 digits; and the end of
 *                        the dossier's code (its day's number, 4 to 6 digits: "0003" read off a
 *                        receipt) — the same digits namespace, since a query of digits is either.
 * A query picks one token (queryToken); the candidates it finds are checked against the whole
 * query on the dossier itself, so a token shared by many names costs pages, never wrong answers.
 */
export const MAX_PREFIX = 10;
const MIN_DIGITS = 4;
/** A number typed from the left is looked up from its 6th digit (0912 3…: fewer index items, and 4 digits find a hundredth of the city). */
const PHONE_PREFIX = 6;

/** The words of a text, folded: letters and digits only. */
export const searchWords = (s: string) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);

/** A phone's digits in national form: +84 912… and 0912… are the same number. */
export const phoneDigits = (s: string) => s.replace(/\D/g, '').replace(/^84/, '0');

const prefixes = (w: string, min: number, max = w.length) => Array.from({ length: Math.max(0, Math.min(w.length, max) - min + 1) }, (_, i) => w.slice(0, min + i));

export function nameTokens(name: string): string[] {
  const words = searchWords(name);
  const out = new Set<string>();
  words.forEach((w, i) => {
    for (const p of prefixes(w, 2, MAX_PREFIX)) out.add(`n:${p}`);
    const after = words[i + 1];
    if (after) for (const p of prefixes(after, 2, MAX_PREFIX)) out.add(`b:${w.slice(0, MAX_PREFIX * 2)} ${p}`);
  });
  return [...out];
}

export function phoneTokens(phone: string | undefined): string[] {
  const d = phoneDigits(phone ?? '');
  if (d.length < MIN_DIGITS) return [];
  const out = new Set(prefixes(d, PHONE_PREFIX).map((p) => `p:${p}`));
  for (let n = MIN_DIGITS; n <= Math.min(6, d.length); n++) out.add(`p:${d.slice(-n)}`);
  return [...out];
}

/** The end of a dossier's code (`TTHCC-261207-0003` → `p:0003`): its last 4 to 6 digits. */
export function codeTokens(code: string): string[] {
  const seq = code.split('-').at(-1) ?? '';
  if (!/^\d+$/.test(seq) || seq.length < MIN_DIGITS) return [];
  const out: string[] = [];
  for (let n = MIN_DIGITS; n <= Math.min(6, seq.length); n++) out.push(`p:${seq.slice(-n)}`);
  return out;
}

/** Every token of an applicant (no duplicates). */
export const applicantTokens = (a: { name: string; phone?: string }) => [...new Set([...nameTokens(a.name), ...phoneTokens(a.phone)])];

/**
 * The one token a query is answered from: digits only (4 or more) — the phone's (its first 6 or
 * more, or its last 4 to 6); else the last two words (the second as typed so far, 2 letters or
 * more), or the one word. Undefined: nothing to look up (a single letter, 3 digits).
 */
export function queryToken(q: string): string | undefined {
  const words = searchWords(q);
  if (!words.some((w) => /[a-z]/.test(w))) {
    const d = phoneDigits(q);
    return d.length >= MIN_DIGITS ? `p:${d}` : undefined;
  }
  // a last word of one letter (still being typed) is left out: the words before it answer
  const typed = words.length >= 2 && words.at(-1)!.length < 2 ? words.slice(0, -1) : words;
  if (typed.length >= 2) return `b:${typed.at(-2)!.slice(0, MAX_PREFIX * 2)} ${typed.at(-1)!.slice(0, MAX_PREFIX)}`;
  return typed[0]!.length >= 2 ? `n:${typed[0]!.slice(0, MAX_PREFIX)}` : undefined;
}
