import * as z from 'zod';
import type { Dossier, Step } from './dossier';
import type { Text } from './model';
import { fieldName, type FieldError } from './procedure-rules';

/**
 * The citizen's evaluation of a dossier's service (issue 25; docs/evaluation.md): the criteria and
 * their answer scales are the centre's data (config/<centre>/evaluation.json, validated with the
 * catalogue and written to the table by the loader as CATALOGUE / EVALUATION). Pure.
 */

export const CRITERION_ID = /^[a-z0-9-]{1,40}$/;
const label = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'must not be empty').max(300, 'at most 300 characters'));
const Bilingual = z.object({ vi: label, en: label }).strict();

export const Criterion = z
  .object({
    id: z.string().regex(CRITERION_ID, 'lower-case letters, digits and dashes, e.g. attitude'),
    label: Bilingual,
    /** The answers, worst first: a score is the answer's position (1..n). */
    scale: z.array(Bilingual).min(2, 'at least two answers').max(10, 'at most ten answers'),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

export const EvaluationForm = z
  .object({
    /** Where the form comes from (a real provincial form), and what of it is not verified. */
    source: z.object({ title: label, url: z.url().optional(), unverified: z.string().max(1000).optional() }).strict(),
    criteria: z.array(Criterion).min(1, 'at least one criterion').max(30, 'at most 30 criteria'),
    /** The criterion that is the overall satisfaction (the 766 panel's satisfaction reads it). */
    overall: z.string(),
  })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.criteria.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `${c.id} is listed twice` });
      seen.add(c.id);
    });
    if (!seen.has(form.overall)) ctx.addIssue({ code: 'custom', path: ['overall'], message: `${form.overall} is not one of the criteria` });
  });
export type EvaluationForm = z.infer<typeof EvaluationForm>;

/** Validate evaluation.json; every error names its field. */
export function parseEvaluationForm(raw: unknown): { ok: true; value: EvaluationForm } | { ok: false; errors: FieldError[] } {
  const parsed = EvaluationForm.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((k) => ({ field: fieldName([...i.path, k]), message: 'not a known field' }))
        : [{ field: fieldName(i.path) || '(root)', message: i.message }],
    ),
  };
}

/** The top score of a criterion (its number of answers). */
export const maxScore = (c: Criterion) => c.scale.length;

/** Every criterion answered, each within its scale, nothing else: the errors name `answers.<id>`. */
export function answersErrors(form: EvaluationForm, answers: Record<string, number>): FieldError[] {
  const errors: FieldError[] = [];
  for (const c of form.criteria) {
    const v = answers[c.id];
    if (v === undefined) errors.push({ field: `answers.${c.id}`, message: `Required: 1 to ${maxScore(c)}` });
    else if (!Number.isInteger(v) || v < 1 || v > maxScore(c)) errors.push({ field: `answers.${c.id}`, message: `From 1 to ${maxScore(c)}` });
  }
  for (const id of Object.keys(answers)) if (!form.criteria.some((c) => c.id === id)) errors.push({ field: `answers.${id}`, message: 'not a criterion of this form' });
  return errors;
}

/** What an officer did on a dossier: received it, decided a step (its agency's), handed the result back. */
export interface Handling {
  officer: string;
  role: 'receipt' | 'step' | 'return';
  agency: string;
  stepId?: string;
}

/** How the evaluation came: the code and PIN (page or letter), the signed-in citizen, the desk's kiosk. */
export type EvaluationChannel = 'pin' | 'signed-in' | 'kiosk';

/** An evaluation as stored on the dossier (`evaluation`), attributed when it is given. */
export interface Evaluation {
  answers: Record<string, number>;
  comment?: string;
  at: string;
  via: EvaluationChannel;
  /** The officers who handled the dossier (receipt, steps decided, return), one entry per act. */
  officers: Handling[];
}

/**
 * The officers who handled a dossier, from its facts: the desk's receipt (`receivedBy`), each
 * step's decision (`decidedBy`, the control sheet's hand-overs), the return (the desk's step).
 * Agencies' systems (`client:…`) and the citizen are not officers and are left out.
 */
export function handlers(d: Pick<Dossier, 'receivedBy' | 'procedure' | 'branch'>, steps: Step[]): Handling[] {
  const out: Handling[] = [];
  const isOfficer = (s: string | undefined): s is string => typeof s === 'string' && s !== '' && !s.startsWith('client:') && s !== 'citizen';
  if (isOfficer(d.receivedBy)) out.push({ officer: d.receivedBy, role: 'receipt', agency: d.procedure.receivingAgency });
  for (const s of [...steps].sort((a, b) => a.stageIndex - b.stageIndex || a.stepId.localeCompare(b.stepId))) {
    if (!isOfficer(s.decidedBy)) continue;
    out.push({ officer: s.decidedBy, role: s.atDesk ? 'return' : 'step', agency: s.agency, stepId: s.stepId });
  }
  return out;
}

/** Mean of the scores per criterion, and how many answered, over some evaluations. */
export interface CriterionFigures {
  id: string;
  label: Text;
  max: number;
  count: number;
  /** To 0.01; null without answers. */
  mean: number | null;
  /** How many gave the top answer. */
  top: number;
}

export function criterionFigures(form: EvaluationForm, evaluations: Pick<Evaluation, 'answers'>[]): CriterionFigures[] {
  return form.criteria.map((c) => {
    const scores = evaluations.map((e) => e.answers[c.id]).filter((v): v is number => typeof v === 'number');
    const mean = scores.length ? Math.round((scores.reduce((s, v) => s + v, 0) / scores.length) * 100) / 100 : null;
    return { id: c.id, label: c.label, max: maxScore(c), count: scores.length, mean, top: scores.filter((v) => v === maxScore(c)).length };
  });
}
