import * as z from 'zod';
import { stepForOfficer } from '../commons/step-access';
import { once } from '../commons/idempotency';
import { wake } from '../commons/callback';
import { factTime } from '../commons/clock';
import { HttpProblem, conflict } from '../commons/http';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { DecisionAccepted } from '../contracts/responses';
import { dossierCode, stepId } from '../commons/params';
import { logger } from '../commons/powertools';
import { getDossier, getStep, keys, updateIf } from '../commons/store';
import { text } from '../core/text';
import { ResultDocument, checkResultDocument } from '../commons/result-document';
import { toLocalIso } from '../core/local-time';
import { isStopped, type Step, type StepDecision } from '../core/dossier';
import { formatDong, type FeeObligation } from '../core/fees';

const unpaidFees = (f: FeeObligation) =>
  `The fees are not paid yet: ${f.lines.map((l) => `${l.code} ${l.name.en} (${formatDong(l.amount)})`).join(', ')}; total ${formatDong(f.total)}`;

const Path = z.object({ code: dossierCode, stepId });
export const Decision = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approve'), note: text(2000).optional(), resultDocument: ResultDocument.optional() }).strict(),
  z.object({ outcome: z.literal('request-supplement'), missing: z.array(text(300)).min(1).max(20), reason: text(2000) }).strict(),
  z.object({ outcome: z.literal('refuse'), reason: text(2000) }).strict(),
]);
type Decision = z.infer<typeof Decision>;

const NEXT_STATE = { approve: 'approved', refuse: 'refused', 'request-supplement': 'supplement-requested' } as const;

const accepted = (s: Pick<Step, 'code' | 'stepId'>, d: StepDecision) =>
  reply(202, { dossierCode: s.code, stepId: s.stepId, outcome: d.outcome, decidedAt: toLocalIso(d.at) });

/** The same decision by the same officer, already recorded: a retry, answered the same way. */
const isRetry = (s: Step | undefined, body: Decision, sub: string) => {
  const last = s?.history?.at(-1);
  return s && s.state !== 'pending' && last?.outcome === body.outcome && last.by === sub ? last : undefined;
};

/**
 * POST /dossiers/{code}/steps/{stepId}/decision, by an officer of the step's agency (the desk's
 * officers for the desk's return step): approve; request a supplement (form 02); refuse (form 03).
 * One conditional write on the step item, then the waiting execution is woken.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/steps/{stepId}/decision',
  summary: 'Decide a step: approve, request a supplement (form 02), refuse (form 03)',
  operationId: 'decideStep',
  roles: ['agency', 'desk'],
  scopes: ['motcua/steps.decide'],
  access: { table: 'read-write', sendTaskResult: true },
  params: Path,
  body: Decision,
  responses: { 202: DecisionAccepted },
  errors: [...OFFICER_ERRORS, 404, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code, stepId: id }, body }) => {
    const step = await stepForOfficer(caller, code, id);
    const retry = isRetry(step, body, caller.sub);
    if (retry) return accepted(step, retry);
    if (step.state !== 'pending') throw conflict(`Step ${id} is already decided (${step.state})`);
    if (step.pendingDelay) throw conflict(`A delay reported for step ${id} is being recorded (the citizen gets the apology first); decide again in a moment`);
    if (step.atDesk && body.outcome !== 'approve') {
      throw new HttpProblem(422, 'Unprocessable Content', 'The return step can only be approved', [{ field: 'outcome', message: 'Must be approve' }]);
    }
    const dossier = await getDossier(code);
    if (!dossier || isStopped(dossier)) throw conflict(`Dossier ${code} is no longer being processed`);
    // status 6: nothing moves on, and no result is handed back, until the fees are paid (docs/fees.md)
    if (dossier.fees && !dossier.fees.paidAt) throw conflict(unpaidFees(dossier.fees));
    if (body.outcome === 'approve' && body.resultDocument) await checkResultDocument(dossier, step, body.resultDocument.documentId);

    const decision: StepDecision = { ...body, at: factTime().toISOString(), by: caller.sub };
    const supplement = body.outcome === 'request-supplement';
    const updated = (await updateIf({
      Key: keys.step(code, id),
      UpdateExpression:
        `SET #state = :next, history = list_append(if_not_exists(history, :none), :h)` +
        (supplement ? ', supplementRounds = supplementRounds + :one' : ', outcome = :outcome, decidedAt = :at, decidedBy = :by') +
        ' REMOVE GSI1PK, GSI1SK',
      // a decision and a delay report racing: only one of them lands (the delay's write needs pending too)
      ConditionExpression: '#state = :pending AND attribute_not_exists(pendingDelay)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':next': NEXT_STATE[body.outcome],
        ':pending': 'pending',
        ':h': [decision],
        ':none': [],
        ...(supplement ? { ':one': 1 } : { ':outcome': body.outcome, ':at': decision.at, ':by': caller.sub }),
      },
      ReturnValues: 'ALL_NEW',
    })) as Step | undefined;
    if (!updated) {
      // lost a race with another decision: the same decision by the same officer is a retry
      const again = isRetry(await getStep(code, id), body, caller.sub);
      if (again) return accepted(step, again);
      throw conflict(`Step ${id} is already decided, or a delay reported for it is being recorded`);
    }
    await wake(updated.taskToken, id);
    logger.info('step decided', { dossierCode: code, stepId: id, outcome: body.outcome });
    return accepted(updated, decision);
  },
});
