import * as z from 'zod';
import type { Text } from './model';
import { clean, normalisePhone } from './text';

/**
 * Applying online (issue 21). What a procedure version says of how it can be applied for, and
 * what an online dossier carries until the desk has checked it. Pure types and rules: the
 * catalogue validates them (./catalogue.ts), the API and the portal's pages (web/dvc) read them.
 *
 * Levels (Decree 42/2022/NĐ-CP art. 11): `fully` online — applied for, paid and returned online;
 * `partly` online — applied for online, the result collected at the desk; `none` — at the desk only.
 */
export type OnlineLevel = 'none' | 'partly' | 'fully';

export type FormFieldType = 'text' | 'textarea' | 'date' | 'number' | 'email' | 'tel' | 'select' | 'checkbox';

/** Where the portal pre-fills a field from the national identity (the sign-in's userinfo). */
export type Prefill = 'name' | 'identityNumber' | 'email' | 'phone' | 'address';

/** One field of a procedure's application form (data in the centre's folder). */
export interface FormField {
  /** The answer's key: lower camel case, unique in the form. */
  name: string;
  label: Text;
  type: FormFieldType;
  required?: boolean;
  /** A regular expression the whole answer must match (text, tel). */
  pattern?: string;
  /** What the pattern asks for, in the reader's words. */
  patternHint?: Text;
  help?: Text;
  /** select: the choices. */
  options?: { value: string; label: Text }[];
  /** text, textarea: at most this many characters (default 500; textarea 4,000). */
  maxLength?: number;
  prefill?: Prefill;
}

/** One document (thành phần hồ sơ) the procedure needs. */
export interface RequiredDocument {
  /** Unique in the procedure: lower-case letters, digits and hyphens. */
  id: string;
  name: Text;
  required: boolean;
  /** May be an electronic copy (bản sao điện tử) rather than a certified paper copy. */
  eCopy: boolean;
  /** The citizen may reuse the file from an earlier dossier of theirs. */
  reusable: boolean;
}

/** How a procedure version is applied for online (absent: `none`). */
export interface OnlineService {
  level: OnlineLevel;
  form: FormField[];
  documents: RequiredDocument[];
}

/** An answer to one field. */
export type Answer = string | number | boolean;

/**
 * What an online dossier carries besides a desk dossier's (dossier.online). From submission
 * until the desk's check the dossier is in status 1 (submitted): it is in its desk's check queue
 * (GSI1PK `CHECK#<desk>`, GSI1SK `<checkDueAt>#<code>`), not in the OPEN set, not in the
 * logbook, and no workflow runs. `receivedAt` and `appointmentAt` hold the submission and a
 * provisional appointment until the desk receives it; then the receipt's.
 */
export interface OnlineFacts {
  level: Exclude<OnlineLevel, 'none'>;
  /** The application (draft) it was submitted from. */
  applicationId: string;
  /** Who applied: `citizenRef` (functions/commons/citizen-session.ts), never the number in clear. */
  citizenRef: string;
  /** The official receipt time on the portal (Decree 45/2020/NĐ-CP art. 11). */
  submittedAt: string;
  answers: Record<string, Answer>;
  /** Which uploaded file (a DOCUMENT of the dossier) answers which of the procedure's documents. */
  documents?: { requirement: string; documentId: string }[];
  /** By when the desk must receive it, ask for completion or refuse it (8 working hours, counted again after a completion). */
  checkDueAt: string;
  /** The desk's asks for completion, oldest first; the last is open until `completedAt`. */
  completions?: { askedAt: string; by: string; missing: string[]; reason: string; completedAt?: string }[];
  /** The desk's decision. */
  check?: { outcome: 'receive' | 'refuse'; at: string; by: string; reason?: string };
  /** The desk was warned that the check time lapsed (once per check period). */
  lapseWarnedAt?: string;
  /**
   * Submitted on the National Public Service Portal and pushed here (commons/dvcqg-inbound.ts):
   * the portal's own dossier code (the MaHoSo of every later sync call), when it arrived, and the
   * files as the portal's references (not copied).
   */
  nationalPortal?: { code: string; arrivedAt: string; files: { id: string; name: string }[] };
  /** Fully online: the citizen downloaded the result (the dossier then closes as returned). */
  resultDownloadedAt?: string;
}

/** Working hours the desk has to check an online dossier (Decree 45/2020/NĐ-CP art. 11; docs/online.md). */
export const CHECK_WORKING_HOURS = 8;

/** The check queue of a desk (the branch's code, or the procedure's receiving agency). */
export const checkQueueKey = (desk: string) => `CHECK#${desk}`;
export const checkQueueKeys = (desk: string, checkDueAt: string, code: string) => ({
  GSI1PK: checkQueueKey(desk),
  GSI1SK: `${checkDueAt}#${code}`,
});

// ---------------------------------------------------------------------------------------------
// The form as data (validated with the catalogue: ./procedure-rules.ts) and its answers.
// ---------------------------------------------------------------------------------------------

const FIELD_NAME = /^[a-z][a-zA-Z0-9]{0,39}$/;
const DOCUMENT_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const label = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'must not be empty').max(300, 'at most 300 characters'));
const bilingual = z.object({ vi: label, en: label }).strict();
const long = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'must not be empty').max(1000, 'at most 1000 characters'));

/** A field as the centre's folder (and PUT /procedures/{code}) gives it. */
const FormFieldBody = z
  .object({
    name: z.string(),
    label: bilingual,
    type: z.enum(['text', 'textarea', 'date', 'number', 'email', 'tel', 'select', 'checkbox']),
    required: z.boolean().optional(),
    pattern: z.string().min(1).max(300).optional(),
    patternHint: bilingual.optional(),
    help: z.object({ vi: long, en: long }).strict().optional(),
    options: z.array(z.object({ value: z.string().min(1).max(100), label: bilingual }).strict()).max(100).optional(),
    maxLength: z.number().int('whole characters').min(1).max(4000).optional(),
    prefill: z.enum(['name', 'identityNumber', 'email', 'phone', 'address']).optional(),
  })
  .strict();

const RequiredDocumentBody = z
  .object({ id: z.string(), name: bilingual, required: z.boolean(), eCopy: z.boolean(), reusable: z.boolean() })
  .strict();

/** The shape of `online` in a procedure version; the rules (onlineErrors) run on what passes it. */
export const OnlineServiceBody = z
  .object({
    level: z.enum(['none', 'partly', 'fully']),
    form: z.array(FormFieldBody).max(60, 'at most 60 fields'),
    documents: z.array(RequiredDocumentBody).max(30, 'at most 30 documents'),
  })
  .strict();

/** Does a pattern compile (as the browser and the API will run it: whole answer, unicode)? */
export function patternError(pattern: string): string | undefined {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return undefined;
  } catch (e) {
    return `not a regular expression that compiles: ${(e as Error).message}`;
  }
}

/**
 * The rules of an online service beyond its shape; every error names its field as a form would,
 * under `online` (e.g. `online.form[2].pattern`):
 * - field names lower camel case (`hoTen`), unique; document ids lower case with dashes, unique;
 * - a pattern compiles, and only on text, textarea and tel fields (with a hint saying what it asks);
 * - a select has options with unique values; no other type has options;
 * - maxLength only on text and textarea; checkbox fields cannot be prefilled.
 */
export function onlineErrors(online: OnlineService, at = 'online'): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const err = (field: string, message: string) => errors.push({ field: `${at}.${field}`, message });
  const names = new Map<string, number>();
  online.form.forEach((f, i) => {
    const here = `form[${i}]`;
    if (!FIELD_NAME.test(f.name)) err(`${here}.name`, 'lower camel case, a letter first, at most 40 letters and digits, e.g. hoTen');
    else if (names.has(f.name)) err(`${here}.name`, `${f.name} is already the name of form[${names.get(f.name)}]`);
    else names.set(f.name, i);
    if (f.pattern !== undefined) {
      if (!['text', 'textarea', 'tel'].includes(f.type)) err(`${here}.pattern`, `a ${f.type} field has no pattern (only text, textarea and tel)`);
      const bad = patternError(f.pattern);
      if (bad) err(`${here}.pattern`, bad);
      if (!f.patternHint) err(`${here}.patternHint`, 'a field with a pattern says what it asks for (vi and en)');
    }
    if (f.type === 'select') {
      if (!f.options?.length) err(`${here}.options`, 'a select field needs at least one option');
      const values = new Set<string>();
      f.options?.forEach((o, j) => {
        if (values.has(o.value)) err(`${here}.options[${j}].value`, `${o.value} is listed twice`);
        values.add(o.value);
      });
    } else if (f.options !== undefined) err(`${here}.options`, `a ${f.type} field has no options (only select)`);
    if (f.maxLength !== undefined && !['text', 'textarea'].includes(f.type)) err(`${here}.maxLength`, `a ${f.type} field has no maxLength (only text and textarea)`);
    if (f.prefill && f.type === 'checkbox') err(`${here}.prefill`, 'a checkbox is never prefilled');
  });
  const ids = new Map<string, number>();
  online.documents.forEach((d, i) => {
    const here = `documents[${i}].id`;
    if (!DOCUMENT_ID.test(d.id)) err(here, 'lower-case letters, digits and dashes, 1 to 40 characters, e.g. to-khai');
    else if (ids.has(d.id)) err(here, `${d.id} is already the id of documents[${ids.get(d.id)}]`);
    else ids.set(d.id, i);
  });
  return errors;
}

/** The level of a procedure version: `none` when it says nothing. */
export const onlineLevel = (p: { online?: OnlineService }): OnlineLevel => p.online?.level ?? 'none';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

type Lang = 'vi' | 'en';
const say = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);

/**
 * ONE schema for a form's answers, the API's (POST /public/applications/{id}/submit) and the
 * browser's (web/dvc): an object with exactly the form's fields, each checked by its type
 * (text and textarea cleaned of invisible characters and bounded, a pattern matching the whole
 * answer, a real date, a finite number, an email, a phone normalised as `+84…`, one of a select's
 * options, a checkbox's true/false), required ones present, unknown ones refused. Every issue's
 * path is the field's name and its message starts with the field's label in `lang`
 * ("Họ và tên: chưa nhập"). Optional fields left empty ('' or absent) are dropped.
 */
export function answersSchema(form: readonly FormField[], lang: Lang = 'vi'): z.ZodType<Record<string, Answer>> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of form) {
    const name = f.label[lang];
    const msg = (vi: string, en: string) => `${name}: ${say(lang, vi, en)}`;
    const missing = msg('chưa nhập', 'required');
    let schema: z.ZodType;
    switch (f.type) {
      case 'text':
      case 'textarea': {
        const max = f.maxLength ?? (f.type === 'textarea' ? 4000 : 500);
        const re = f.pattern !== undefined && !patternError(f.pattern) ? new RegExp(`^(?:${f.pattern})$`, 'u') : undefined;
        const hint = f.patternHint?.[lang];
        schema = z
          .string(missing)
          .transform(clean)
          .pipe(
            z
              .string()
              .min(1, missing)
              .max(max, msg(`tối đa ${max} ký tự`, `at most ${max} characters`))
              .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(s), msg('không được chứa ký tự điều khiển', 'must not contain control characters'))
              .refine((s) => !re || re.test(s), msg(hint ? `không đúng định dạng (${hint})` : 'không đúng định dạng', hint ? `not in the expected form (${hint})` : 'not in the expected form')),
          );
        break;
      }
      case 'date':
        schema = z.string(missing).refine(isRealDate, msg('một ngày có thật, dạng YYYY-MM-DD', 'a real date as YYYY-MM-DD'));
        break;
      case 'number':
        schema = z.number(msg('phải là một số', 'must be a number')).refine(Number.isFinite, msg('phải là một số', 'must be a number'));
        break;
      case 'email':
        schema = z.string(missing).trim().pipe(z.email(msg('địa chỉ thư điện tử không hợp lệ', 'not a valid email address')).max(254));
        break;
      case 'tel':
        schema = z
          .string(missing)
          .max(40, msg('số điện thoại không hợp lệ', 'not a valid phone number'))
          .transform((s, ctx) => {
            const n = normalisePhone(s);
            if (!n) {
              ctx.addIssue({ code: 'custom', message: msg('số điện thoại không hợp lệ, ví dụ 0912 345 678', 'not a valid phone number, e.g. 0912 345 678') });
              return z.NEVER;
            }
            return n;
          });
        break;
      case 'select': {
        const values = (f.options ?? []).map((o) => o.value);
        schema = z.string(missing).refine((v) => values.includes(v), msg(`chỉ chọn một trong: ${(f.options ?? []).map((o) => o.label.vi).join(', ')}`, `one of: ${(f.options ?? []).map((o) => o.label.en).join(', ')}`));
        break;
      }
      case 'checkbox':
        schema = f.required ? z.literal(true, msg('cần đánh dấu', 'must be ticked')) : z.boolean(msg('có hoặc không', 'yes or no'));
        break;
    }
    // an optional field left empty is no answer; a required one must be given
    shape[f.name] = f.required
      ? z.preprocess((v) => (v === '' || v === null ? undefined : v), schema)
      : z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
  }
  return z
    .object(shape)
    .strict()
    .transform((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))) as unknown as z.ZodType<Record<string, Answer>>;
}

/** The answers' problems in both languages: `answers.<field>` with the field's label and message (for problem+json). */
export function answerErrors(form: readonly FormField[], answers: unknown): { field: string; message: string; params: Record<string, string> }[] {
  const vi = answersSchema(form, 'vi').safeParse(answers);
  if (vi.success) return [];
  const en = answersSchema(form, 'en').safeParse(answers);
  const enIssues = en.success ? [] : en.error.issues;
  const labelOf = (name: string, lang: Lang) => form.find((f) => f.name === name)?.label[lang] ?? name;
  const out: { field: string; message: string; params: Record<string, string> }[] = [];
  vi.error.issues.forEach((issue, i) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    for (const key of keys) {
      const field = key ? `answers.${key}` : 'answers';
      const enMessage = enIssues[i]?.message ?? issue.message;
      const unknown = issue.code === 'unrecognized_keys';
      out.push({
        field,
        message: unknown ? `${key}: not a field of the form` : enMessage,
        params: {
          label_vi: unknown ? key : labelOf(key, 'vi'),
          label_en: unknown ? key : labelOf(key, 'en'),
          message_vi: unknown ? `${key}: không phải một trường của biểu mẫu` : issue.message,
          message_en: unknown ? `${key}: not a field of the form` : enMessage,
        },
      });
    }
  });
  return out;
}

/** The documents the citizen must attach that the application lacks (their ids). */
export function missingDocuments(online: OnlineService, attached: readonly { requirement: string }[]): RequiredDocument[] {
  const have = new Set(attached.map((a) => a.requirement));
  return online.documents.filter((d) => d.required && !have.has(d.id));
}
