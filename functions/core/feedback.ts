/**
 * Citizens' feedback and petitions (phản ánh, kiến nghị): what an item is, its code, its deadline,
 * its flags (warning, late), the anonymised copy an operator publishes, the search that finds it,
 * and the figures. Pure rules: the store is functions/commons/feedback-store.ts, the routes
 * functions/*-feedback*, the reasons docs/feedback.md.
 */
import type { WorkingCalendar } from './calendar/working-time';
import { localDate } from './local-time';
import type { Text } from './model';
import { fold } from './text';

/** How it came: the public form, or what an officer entered for the citizen. */
export const FEEDBACK_CHANNELS = ['web', 'hotline', 'zalo', 'email', 'letter', 'in-person'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** What it is about: a rule (quy định hành chính), the handling of a dossier, a question, a suggestion. */
export const FEEDBACK_KINDS = ['rule', 'handling', 'question', 'suggestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/**
 * received: not yet given to an agency; assigned: an agency must answer; answered: the answer went
 * to the citizen; merged: a duplicate, answered with the item it was merged into.
 */
export const FEEDBACK_STATUSES = ['received', 'assigned', 'answered', 'merged'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const KIND_NAMES: Record<FeedbackKind, Text> = {
  rule: { vi: 'Phản ánh, kiến nghị về quy định hành chính', en: 'Feedback on an administrative rule' },
  handling: { vi: 'Phản ánh về việc giải quyết hồ sơ', en: 'Complaint about the handling of a dossier' },
  question: { vi: 'Hỏi đáp', en: 'Question' },
  suggestion: { vi: 'Góp ý, đề xuất', en: 'Suggestion' },
};

export const CHANNEL_NAMES: Record<FeedbackChannel, Text> = {
  web: { vi: 'Cổng trực tuyến', en: 'Online form' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  zalo: { vi: 'Zalo', en: 'Zalo' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  letter: { vi: 'Văn bản, thư', en: 'Letter' },
  'in-person': { vi: 'Trực tiếp', en: 'In person' },
};

/**
 * Feedback codes: `PA-<yymmdd>-<nnnn>`, a day counter as dossiers have (the counter COUNTER#PA#…).
 * An agency or branch of a centre must not have the code `PA` (the catalogue refuses it).
 */
export const FEEDBACK_PREFIX = 'PA';
export const FEEDBACK_CODE = /^PA-\d{6}-\d{4,}$/;
export const isFeedbackCode = (code: string) => FEEDBACK_CODE.test(code);
export function feedbackCode(localDay: string, seq: number): string {
  return `${FEEDBACK_PREFIX}-${localDay.slice(2).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/**
 * Decree 20/2008/NĐ-CP as amended by Decree 92/2017/NĐ-CP: feedback is handled within 10 working
 * days of its receipt (docs/feedback.md says what is verified). A centre may set its own number in
 * centre.json (`feedback.answerWorkingDays`) and when the agency is warned before it.
 */
export const DEFAULT_ANSWER_WORKING_DAYS = 10;
export const DEFAULT_WARNING_WORKING_DAYS = 2;
/** A working day on the centre's calendar: its working hours (08:00–12:00, 13:00–17:00). */
export const WORKING_DAY_HOURS = 8;

export interface FeedbackRules {
  answerWorkingDays: number;
  warningWorkingDays: number;
}

export function feedbackRules(p?: Partial<FeedbackRules>): FeedbackRules {
  const answer = p?.answerWorkingDays ?? DEFAULT_ANSWER_WORKING_DAYS;
  return { answerWorkingDays: answer, warningWorkingDays: Math.min(p?.warningWorkingDays ?? DEFAULT_WARNING_WORKING_DAYS, answer) };
}

/** When the answer is due, and when the agency is warned: counted in working time from the receipt. */
export function feedbackDeadlines(cal: Pick<WorkingCalendar, 'addWorkingTime'>, receivedAt: Date, rules: FeedbackRules): { dueAt: string; warnAt: string } {
  return {
    dueAt: cal.addWorkingTime(receivedAt, rules.answerWorkingDays * WORKING_DAY_HOURS).toISOString(),
    warnAt: cal.addWorkingTime(receivedAt, (rules.answerWorkingDays - rules.warningWorkingDays) * WORKING_DAY_HOURS).toISOString(),
  };
}

/** A stored feedback item (FEEDBACK#<code> / META). The only place with the submitter's personal data. */
export interface Feedback {
  code: string;
  channel: FeedbackChannel;
  kind: FeedbackKind;
  status: FeedbackStatus;
  text: string;
  /** Personal data, optional: for the receipt and the answer. Never logged, never published. */
  name?: string;
  email?: string;
  phone?: string;
  /** A signed-in citizen who sent it: by reference (citizenRef), never the ID number. */
  citizenRef?: string;
  /** What it names, if anything. */
  dossierCode?: string;
  procedureCode?: string;
  agencyCode?: string;
  rule?: string;
  receivedAt: string;
  /** Who entered it: `public` (the form) or the officer's sub. */
  receivedBy: string;
  dueAt: string;
  warnAt: string;
  /** The agency that must answer. */
  assignedTo?: string;
  assignments?: { at: string; by: string; agency: string; reason?: string }[];
  answer?: { text: string; at: string; by: string; agency?: string };
  /** merged into another item: that item's code. */
  mergedInto?: string;
  /** items merged into this one. */
  merged?: string[];
  published?: { at: string; by: string };
}

/** The flags the console shows. */
export interface FeedbackFlags {
  /** Unanswered, past the warning time, not yet late. */
  warning: boolean;
  /** Unanswered past its due time, or answered after it. */
  late: boolean;
}

export function feedbackFlags(f: Pick<Feedback, 'status' | 'dueAt' | 'warnAt' | 'answer'>, at: Date): FeedbackFlags {
  if (f.status === 'merged') return { warning: false, late: false };
  const t = at.getTime();
  if (f.answer) return { warning: false, late: Date.parse(f.answer.at) > Date.parse(f.dueAt) };
  const late = t > Date.parse(f.dueAt);
  return { warning: !late && t >= Date.parse(f.warnAt), late };
}

// ---- anonymising --------------------------------------------------------------------------

const MASK = '[…]';
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Vietnamese phone numbers: 0 or +84 then 8–10 digits, in groups separated by spaces, dots or dashes. */
const PHONE = /(?:\+84|\b0)(?:[\s.-]?\d){8,10}\b/g;
/** ID numbers (CMND 9, CCCD 12 digits) and any other long run of digits. */
const DIGITS = /\b\d(?:[\s.]?\d){7,}\b/g;
/** Dossier codes link an answer to a person's dossier. */
const DOSSIER = /\b[A-Z0-9]{2,12}-\d{6}-\d{4,}\b/g;
const UPPER = '\\p{Lu}';
const WORD = `${UPPER}[\\p{Ll}\\p{M}]*`;
/**
 * A name after an honorific or an introduction: "ông Nguyễn Văn An", "tên tôi là Lê Thị B",
 * "chị Hoa". Case-insensitive on the lead word, capitalised words after it.
 */
const LEADS = ['ông', 'bà', 'anh', 'chị', 'em', 'cô', 'chú', 'bác', 'cháu', 'tôi là', 'tên tôi là', 'tên là', 'họ tên', 'họ và tên', 'mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'my name is', 'i am'];
/** A lead word, its first letter in either case (the name after it must be capitalised, so no `i` flag). */
const lead = (w: string) => `[${w[0]!.toLocaleUpperCase('vi')}${w[0]}]${w.slice(1).replace(/[.]/g, '\\.')}`;
const NAMED = new RegExp(`((?<![\\p{L}])(?:${LEADS.map(lead).join('|')})\\s*:?\\s+)(${WORD}(?:\\s+${WORD}){0,4})`, 'gu');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text with what names a person taken out: emails, phone numbers, ID numbers (and any long
 * run of digits), dossier codes, a name after an honorific or "tên tôi là", and the names given
 * (the submitter's), whatever their case. An operator reads the result before publishing.
 */
export function anonymise(text: string, names: readonly string[] = []): string {
  let out = text.normalize('NFC').replace(EMAIL, MASK).replace(PHONE, MASK).replace(DOSSIER, MASK).replace(DIGITS, MASK);
  for (const name of names) {
    const words = name.normalize('NFC').trim().split(/\s+/).filter((w) => w.length > 1);
    if (words.length === 0) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}])${words.map(escapeRe).join('\\s+')}(?![\\p{L}])`, 'giu'), MASK);
    // the given name alone (the last word, as Vietnamese address one another), when it is a name of its own
    const given = words.at(-1)!;
    if (words.length > 1 && given.length > 2) out = out.replace(new RegExp(`(?<![\\p{L}])${escapeRe(given)}(?![\\p{L}])`, 'gu'), MASK);
  }
  out = out.replace(NAMED, (_m, before: string) => `${before}${MASK}`);
  return out;
}

// ---- search -------------------------------------------------------------------------------

/** Text folded for search: the catalogue's own folding (./text.ts), one for every search. */
export { fold };

/** Every word of the query is in the text, with or without diacritics. */
export function matches(q: string, ...texts: string[]): boolean {
  const words = fold(q).split(' ').filter(Boolean);
  const hay = fold(texts.join(' '));
  return words.every((w) => hay.includes(w));
}

// ---- figures ------------------------------------------------------------------------------

export interface FeedbackFigureRow {
  /** channel | kind | agency | month */
  by: 'channel' | 'kind' | 'agency' | 'month';
  key: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  open: number;
  openLate: number;
}

/** Counts of the items received in a period, by channel, kind, agency (`-` unassigned) and local month. */
export function feedbackFigures(items: readonly Feedback[], at: Date): FeedbackFigureRow[] {
  const rows = new Map<string, FeedbackFigureRow>();
  const add = (by: FeedbackFigureRow['by'], key: string, f: Feedback) => {
    const id = `${by}\n${key}`;
    const row = rows.get(id) ?? { by, key, received: 0, answered: 0, answeredOnTime: 0, answeredLate: 0, open: 0, openLate: 0 };
    const flags = feedbackFlags(f, at);
    row.received++;
    if (f.answer) {
      row.answered++;
      if (flags.late) row.answeredLate++;
      else row.answeredOnTime++;
    } else {
      row.open++;
      if (flags.late) row.openLate++;
    }
    rows.set(id, row);
  };
  for (const f of items) {
    if (f.status === 'merged') continue; // counted once, as the item it was merged into
    add('channel', f.channel, f);
    add('kind', f.kind, f);
    add('agency', f.assignedTo ?? '-', f);
    add('month', localDate(f.receivedAt).slice(0, 7), f);
  }
  const order = { channel: 0, kind: 1, agency: 2, month: 3 };
  return [...rows.values()].sort((a, b) => order[a.by] - order[b.by] || a.key.localeCompare(b.key));
}
