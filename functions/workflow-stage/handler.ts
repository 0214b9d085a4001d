import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { workingCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { logger } from '../commons/powertools';
import { getDossier, isConditionFailed, keys, listDossierItems, putIfAbsent } from '../commons/store';
import { taskHandler } from '../commons/task';
import { stepDueAt } from '../core/deadlines';
import { DOSSIER_CODE, type Step } from '../core/dossier';
import { DossierStatus } from '../core/model';

const Input = z.discriminatedUnion('action', [
  z.object({ action: z.literal('open'), dossierCode: z.string().regex(DOSSIER_CODE) }),
  z.object({ action: z.literal('close'), dossierCode: z.string().regex(DOSSIER_CODE), stageIndex: z.number().int().min(0) }),
  z.object({ action: z.literal('finish'), dossierCode: z.string().regex(DOSSIER_CODE) }),
]);

async function update(code: string, expression: string, values: Record<string, unknown>, condition?: string) {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.dossier(code),
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeNames: `${expression} ${condition ?? ''}`.includes('#status') ? { '#status': 'status' } : undefined,
        ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Open the dossier's current stage: create its steps (deterministic keys, so a retry adds nothing). */
async function open(code: string) {
  const dossier = await getDossier(code);
  if (!dossier) throw new Error(`Dossier ${code} not found`);
  const stages = dossier.procedure.stages;
  if (dossier.stageIndex >= stages.length) {
    await update(code, 'SET #status = :decided', { ':decided': DossierStatus.decided, ':processing': DossierStatus.processing, ':received': DossierStatus.received }, '#status IN (:processing, :received)');
    return { done: true, stageIndex: dossier.stageIndex, stepIds: [] as string[] };
  }
  const stage = stages[dossier.stageIndex]!;
  const cal = await workingCalendar();
  const assignedAt = now();
  for (const s of stage.steps) {
    const dueAt = stepDueAt(cal, assignedAt, s.budgetHours, 0);
    const step: Step = {
      code,
      stepId: s.stepId,
      stageIndex: dossier.stageIndex,
      agency: s.agency,
      name: s.name,
      budgetHours: s.budgetHours,
      assignedAt: assignedAt.toISOString(),
      dueAt: dueAt.toISOString(),
      state: 'pending',
      lapses: 0,
      apologiesSent: 0,
    };
    const created = await putIfAbsent({
      ...keys.step(code, s.stepId),
      GSI1PK: `QUEUE#${s.agency}`,
      GSI1SK: `${step.dueAt}#${code}#${s.stepId}`,
      ...step,
    });
    if (created) logger.info('step assigned', { dossierCode: code, stepId: s.stepId, agency: s.agency });
  }
  await update(code, 'SET #status = :processing', { ':processing': DossierStatus.processing, ':received': DossierStatus.received }, '#status = :received');
  return { done: false, stageIndex: dossier.stageIndex, stepIds: stage.steps.map((s) => s.stepId) };
}

/** Close a stage once all its steps are approved; the expected index makes a retry harmless. */
async function close(code: string, stageIndex: number) {
  const { steps } = await listDossierItems(code);
  const open = steps.filter((s) => s.stageIndex === stageIndex && s.state !== 'approved');
  if (open.length) throw new Error(`Stage ${stageIndex} of ${code} still has open steps`);
  await update(code, 'SET stageIndex = :next', { ':next': stageIndex + 1, ':i': stageIndex }, 'stageIndex = :i');
  return { stageIndex: stageIndex + 1 };
}

/** The route is finished and the citizen told: the dossier leaves the set that a restart resumes. */
async function finish(code: string) {
  await update(code, 'REMOVE GSI1PK, GSI1SK', {}, undefined);
  return { finished: true };
}

export const handler = taskHandler('workflow-stage', Input, async (input) => {
  switch (input.action) {
    case 'open':
      return open(input.dossierCode);
    case 'close':
      return close(input.dossierCode, input.stageIndex);
    case 'finish':
      return finish(input.dossierCode);
  }
});
