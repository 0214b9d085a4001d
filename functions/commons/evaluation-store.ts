import * as z from 'zod';
import { now } from './clock';
import { badRequest, conflict, notFound } from './http';
import { getItem, keys, listDossierItems, updateIf } from './store';
import { DossierStatus } from '../core/model';
import { answersErrors, EvaluationForm, handlers, maxScore, type Evaluation, type EvaluationChannel } from '../core/evaluation';
import type { Dossier } from '../core/dossier';
import { text } from '../core/text';

/** What the citizen sends: a score per criterion (1 = the scale's worst answer), a comment. */
export const EvaluationBody = z
  .object({
    answers: z.record(z.string().max(40), z.number({ error: 'a score' }).int('a whole number')),
    comment: text(2000).optional(),
  })
  .strict();
export type EvaluationBody = z.infer<typeof EvaluationBody>;

/** The centre's evaluation form (CATALOGUE / EVALUATION), or a 404 when the centre has none. */
export async function evaluationForm(): Promise<EvaluationForm> {
  const item = await getItem(keys.evaluationForm(), false);
  const parsed = EvaluationForm.safeParse(item?.form);
  if (!parsed.success) throw notFound('Trung tâm chưa có phiếu đánh giá / This centre has no evaluation form');
  return parsed.data;
}

/** The evaluation form may be read without failing (the figures work without one). */
export async function evaluationFormIfAny(): Promise<EvaluationForm | undefined> {
  const item = await getItem(keys.evaluationForm(), false);
  const parsed = EvaluationForm.safeParse(item?.form);
  return parsed.success ? parsed.data : undefined;
}

type WithEvaluation = Pick<Dossier, 'code' | 'status'> & { evaluation?: Evaluation };

/** The form as the citizen's page shows it, and whether this dossier can still be evaluated. */
export async function evaluationView(d: WithEvaluation) {
  const form = await evaluationForm();
  return {
    dossierCode: d.code,
    criteria: form.criteria.map((c) => ({ id: c.id, label: c.label, max: maxScore(c), scale: c.scale })),
    source: form.source.title,
    given: Boolean(d.evaluation),
    canEvaluate: !d.evaluation && d.status === DossierStatus.returned,
  };
}

export const ALREADY = 'Hồ sơ này đã được đánh giá: mỗi hồ sơ chỉ đánh giá một lần / This dossier has already been evaluated: once per dossier';
export const NOT_YET = 'Chỉ đánh giá được sau khi đã trả kết quả / An evaluation is taken once the result has been handed back';

/**
 * Record the evaluation of a returned dossier (status 10), once, attributed to the officers who
 * handled it (its receipt, its steps' decisions, its return: functions/core/evaluation.ts
 * `handlers`), in one conditional write: a second evaluation, or one before the return, is a 409.
 */
export async function recordEvaluation(code: string, body: EvaluationBody, via: EvaluationChannel): Promise<{ dossierCode: string; officers: number }> {
  const form = await evaluationForm();
  const errors = answersErrors(form, body.answers);
  if (errors.length) throw badRequest('Hãy trả lời mọi tiêu chí, trong thang điểm của nó / Answer every criterion, within its scale', errors);
  const { dossier, steps } = await listDossierItems(code);
  if (!dossier) throw notFound(`No dossier ${code}`);
  const d = dossier as Dossier & { evaluation?: Evaluation };
  if (d.evaluation) throw conflict(ALREADY);
  if (d.status !== DossierStatus.returned) throw conflict(NOT_YET);
  const evaluation: Evaluation = { answers: body.answers, ...(body.comment ? { comment: body.comment } : {}), at: now().toISOString(), via, officers: handlers(d, steps) };
  const written = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: 'SET evaluation = :e',
    ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(evaluation) AND #status = :returned',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':e': evaluation, ':returned': DossierStatus.returned },
  });
  if (!written) throw conflict(ALREADY);
  return { dossierCode: code, officers: new Set(evaluation.officers.map((h) => h.officer)).size };
}
