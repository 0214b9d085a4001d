import * as z from 'zod';
import { FeesBody, FeesDueBody } from './fees';
import { routeHours, type Agency, type Procedure, type Text } from './model';
import { OnlineServiceBody, onlineErrors, type OnlineService } from './online';

/**
 * Rules for publishing a procedure version (PUT /procedures/{code}). Pure: the catalogue's
 * agencies and today's local date are passed in. Every error names its field the way a form
 * would, e.g. `stages[1].steps[0].agency`.
 */

export interface FieldError {
  field: string;
  message: string;
}

/** A procedure as an operator publishes it: the stored version without code and version. */
export type ProcedureDraft = Omit<Procedure, 'code' | 'version'>;

export const PROCEDURE_CODE = /^[A-Z0-9]{2,10}(-[A-Z0-9]{2,10})*$/;
export const STEP_ID = /^[a-z0-9-]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_HOURS = 8 * 366; // a year of working days is far beyond any legal time

/** NFC first, then trim: what is stored is what a citizen's browser would compare equal. */
const label = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'must not be empty').max(300, 'at most 300 characters'));
const text = z.object({ vi: label, en: label }).strict();
const hours = z.number('expected a number of working hours');

const Step = z
  .object({
    stepId: z.string(),
    agency: z.string(),
    name: text,
    budgetHours: hours,
  })
  .strict();

/** The shape of the body; the domain rules run on what passes it. */
export const ProcedureBody = z
  .object({
    effectiveFrom: z.string().regex(DATE, 'a date as YYYY-MM-DD'),
    name: text,
    field: text,
    legalHours: hours,
    receivingAgency: z.string(),
    stages: z.array(z.object({ steps: z.array(Step).max(20, 'at most 20 parallel steps') }).strict()).max(30, 'at most 30 stages'),
    retentionYears: z.number().int('whole years').min(1, 'at least 1 year').max(100, 'at most 100 years').optional(),
    /** How it can be applied for online (./online.ts): level, form and documents. */
    online: OnlineServiceBody.optional(),
    fees: FeesBody.optional(),
    feesDue: FeesDueBody.optional(),
  })
  .strict();

/** zod's path ['stages', 1, 'steps', 0, 'agency'] → `stages[1].steps[0].agency`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** Check the body's shape; an unknown key is named as a field of its own. */
export function parseProcedureBody(input: unknown): { ok: true; value: ProcedureDraft } | { ok: false; errors: FieldError[] } {
  const result = ProcedureBody.safeParse(input);
  if (result.success) {
    // the online form's own rules (names unique, patterns that compile…) run on a body of the right shape
    const online = result.data.online ? onlineErrors(result.data.online as OnlineService) : [];
    return online.length ? { ok: false, errors: online } : { ok: true, value: result.data as ProcedureDraft };
  }
  const errors = result.error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ field: fieldName([...issue.path, k]) , message: 'not a field of a procedure (code and version come from the path and the catalogue)' }));
    }
    return [{ field: fieldName(issue.path) || 'body', message: issue.message }];
  });
  return { ok: false, errors };
}

export function codeErrors(code: string): FieldError[] {
  return PROCEDURE_CODE.test(code)
    ? []
    : [{ field: 'code', message: 'a procedure code of upper-case letters and digits in dash-separated groups of 2–10, e.g. TP-LLTP' }];
}

/** Working hours: positive, finite, in half hours. */
function hoursErrors(field: string, value: number): FieldError[] {
  if (!Number.isFinite(value) || value <= 0) return [{ field, message: 'must be more than 0 working hours' }];
  if (value > MAX_HOURS) return [{ field, message: `must be at most ${MAX_HOURS} working hours` }];
  if (!Number.isInteger(value * 2)) return [{ field, message: 'must be a multiple of 0.5 working hours' }];
  return [];
}

/** A real calendar date (2027-02-30 is not). */
export function isRealDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * effectiveFrom: a real date, not before today (local date): a version is never made to apply
 * retroactively, so no dossier already received could have been received under it.
 */
export function effectiveFromErrors(effectiveFrom: string, today: string): FieldError[] {
  if (!isRealDate(effectiveFrom)) return [{ field: 'effectiveFrom', message: 'not a real date (YYYY-MM-DD)' }];
  if (effectiveFrom < today) {
    return [{ field: 'effectiveFrom', message: `${effectiveFrom} is before today (${today}); versions are never applied retroactively` }];
  }
  return [];
}

const fmtHours = (h: number) => `${h} h`;

/**
 * The route's rules, everything but the date:
 * - a non-empty route, each stage with at least one step;
 * - budgets (and legalHours) > 0 in half hours;
 * - stepIds match ^[a-z0-9-]{1,40}$ and are unique in the procedure;
 * - every agency is in the catalogue; the receiving agency is a one-stop desk;
 * - the last stage is the return to the citizen: exactly one step, at the receiving agency;
 *   no earlier stage is at a desk;
 * - the route (stages in sequence, the longest parallel step per stage) fits in legalHours.
 */
export function routeErrors(draft: ProcedureDraft, agencies: readonly Agency[]): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const known = [...byCode.keys()].sort().join(', ');
  const desks = agencies.filter((a) => a.kind === 'desk').map((a) => a.code).sort();

  errors.push(...hoursErrors('legalHours', draft.legalHours));

  const receiving = byCode.get(draft.receivingAgency);
  if (!receiving) err('receivingAgency', `unknown agency ${draft.receivingAgency}; known: ${known}`);
  else if (receiving.kind !== 'desk') err('receivingAgency', `${draft.receivingAgency} is not a one-stop desk (desks: ${desks.join(', ')})`);

  if (draft.stages.length === 0) {
    err('stages', 'the route must have at least one stage (the last one returns the result to the citizen)');
    return errors;
  }

  const seen = new Map<string, string>();
  const last = draft.stages.length - 1;
  draft.stages.forEach((stage, i) => {
    if (stage.steps.length === 0) err(`stages[${i}].steps`, 'a stage must have at least one step');
    stage.steps.forEach((step, j) => {
      const at = `stages[${i}].steps[${j}]`;
      if (!STEP_ID.test(step.stepId)) err(`${at}.stepId`, 'lower-case letters, digits and dashes, 1 to 40 characters, e.g. s1-stp');
      else if (seen.has(step.stepId)) err(`${at}.stepId`, `${step.stepId} is already used by ${seen.get(step.stepId)}`);
      else seen.set(step.stepId, at);
      const agency = byCode.get(step.agency);
      if (!agency) err(`${at}.agency`, `unknown agency ${step.agency}; known: ${known}`);
      else if (i < last && agency.kind === 'desk') {
        err(`${at}.agency`, `${step.agency} is a one-stop desk: only the last stage (the return to the citizen) is at the desk`);
      }
      errors.push(...hoursErrors(`${at}.budgetHours`, step.budgetHours));
    });
  });

  const returning = draft.stages[last]!;
  if (returning.steps.length !== 1) {
    err(`stages[${last}].steps`, `the last stage returns the result to the citizen: exactly one step, at ${draft.receivingAgency} (has ${returning.steps.length})`);
  } else if (returning.steps[0]!.agency !== draft.receivingAgency) {
    err(`stages[${last}].steps[0].agency`, `the last stage returns the result to the citizen: its step must be at the receiving agency ${draft.receivingAgency}`);
  }

  const budgetsValid = draft.stages.every((s) => s.steps.length > 0 && s.steps.every((st) => hoursErrors('', st.budgetHours).length === 0));
  if (budgetsValid && hoursErrors('', draft.legalHours).length === 0) {
    const total = routeHours(draft.stages);
    if (total > draft.legalHours) {
      err('stages', `the route takes ${fmtHours(total)} (stages in sequence, the longest parallel step of each), ${fmtHours(total - draft.legalHours)} more than legalHours (${fmtHours(draft.legalHours)})`);
    }
  }
  return errors;
}

/** Every rule, date included. */
export function validateProcedure(
  code: string,
  draft: ProcedureDraft,
  context: { agencies: readonly Agency[]; today: string },
): FieldError[] {
  return [...codeErrors(code), ...effectiveFromErrors(draft.effectiveFrom, context.today), ...routeErrors(draft, context.agencies)];
}

const textOf = (t: Text): Text => ({ vi: t.vi, en: t.en });

/** The published content of a version, in a fixed key order (for comparing a retry with what is stored). */
export function contentOf(p: ProcedureDraft): ProcedureDraft {
  return {
    effectiveFrom: p.effectiveFrom,
    name: textOf(p.name),
    field: textOf(p.field),
    legalHours: p.legalHours,
    receivingAgency: p.receivingAgency,
    ...(p.retentionYears !== undefined ? { retentionYears: p.retentionYears } : {}),
    ...(p.online ? { online: onlineOf(p.online) } : {}),
    ...(p.fees?.length ? { fees: p.fees, feesDue: p.feesDue ?? 'submission' } : {}),
    stages: p.stages.map((s) => ({
      steps: s.steps.map((st) => ({ stepId: st.stepId, agency: st.agency, name: textOf(st.name), budgetHours: st.budgetHours })),
    })),
  };
}

/** An online service in a fixed key order. */
function onlineOf(o: OnlineService): OnlineService {
  const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));
  return {
    level: o.level,
    form: o.form.map((f) => ({
      name: f.name,
      label: textOf(f.label),
      type: f.type,
      ...opt('required', f.required),
      ...opt('pattern', f.pattern),
      ...opt('patternHint', f.patternHint && textOf(f.patternHint)),
      ...opt('help', f.help && textOf(f.help)),
      ...opt('options', f.options?.map((x) => ({ value: x.value, label: textOf(x.label) }))),
      ...opt('maxLength', f.maxLength),
      ...opt('prefill', f.prefill),
    })),
    documents: o.documents.map((d) => ({ id: d.id, name: textOf(d.name), required: d.required, eCopy: d.eCopy, reusable: d.reusable })),
  };
}

/** Same effective date, names, field, hours, agencies and route: a retry of the same publication. */
export function sameContent(a: ProcedureDraft, b: ProcedureDraft): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

/** The version to write: one more than the highest existing version of the code (1 if none). */
export function nextVersion(existing: readonly Pick<Procedure, 'version'>[]): number {
  return existing.reduce((max, p) => Math.max(max, p.version), 0) + 1;
}
