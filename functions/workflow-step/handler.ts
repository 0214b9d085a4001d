import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { reportDecision } from '../commons/callback';
import { workingCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { logger } from '../commons/powertools';
import { getDossier, getLapse, getStep, isConditionFailed, keys, putIfAbsent } from '../commons/store';
import { taskHandler } from '../commons/task';
import { appointmentAt, stepDueAt } from '../core/deadlines';
import { DOSSIER_CODE, totalExtensionHours, type Lapse, type Step } from '../core/dossier';

const ids = { dossierCode: z.string().regex(DOSSIER_CODE), stepId: z.string().regex(/^[a-z0-9-]{1,40}$/) };
const Input = z.discriminatedUnion('action', [
  z.object({ action: z.literal('check'), ...ids }),
  z.object({ action: z.literal('await'), ...ids, taskToken: z.string().min(1) }),
  z.object({ action: z.literal('lapse'), ...ids }),
]);

async function mustGetStep(code: string, stepId: string): Promise<Step> {
  const step = await getStep(code, stepId);
  if (!step) throw new Error(`Step ${stepId} of ${code} not found`);
  return step;
}

/** Where the step stands: decided, an apology still to send, or how long to wait for its due time. */
async function check(code: string, stepId: string) {
  const step = await mustGetStep(code, stepId);
  const sent = step.apologiesSent ?? 0;
  return {
    decided: step.state !== 'pending',
    apologyKey: (step.lapses ?? 0) > sent ? `apology-${stepId}-${sent + 1}` : '',
    timeoutSeconds: Math.max(1, Math.ceil((new Date(step.dueAt).getTime() - now().getTime()) / 1000)),
  };
}

/**
 * Keep the task token on the step (it never leaves the backend). If the step was decided
 * before we got here, report that decision at once, so a decision racing a timeout is never lost.
 */
async function awaitAgency(code: string, stepId: string, taskToken: string) {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.step(code, stepId),
        UpdateExpression: 'SET taskToken = :t',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':t': taskToken, ':pending': 'pending' },
      }),
    );
    return { waiting: true };
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  const step = await mustGetStep(code, stepId);
  await reportDecision(taskToken, { stepId, outcome: step.outcome ?? 'approve' });
  return { waiting: false };
}

/**
 * The step passed its due time undecided: record lapse n as a fact (deterministic key), extend
 * the step by its budget and the appointment with it. Safe to retry at any point.
 */
async function lapse(code: string, stepId: string) {
  const step = await mustGetStep(code, stepId);
  const at = now();
  if (step.state !== 'pending' || at < new Date(step.dueAt)) return { lapsed: false };
  const n = (step.lapses ?? 0) + 1;
  let fact = await getLapse(code, stepId, n);
  if (!fact) {
    const dossier = await getDossier(code);
    if (!dossier) throw new Error(`Dossier ${code} not found`);
    const cal = await workingCalendar();
    const receivedAt = new Date(dossier.receivedAt);
    const key = `lapse#${stepId}#${n}`;
    const before = totalExtensionHours({ extensions: { ...dossier.extensions, [key]: 0 } });
    fact = {
      code,
      stepId,
      n,
      at: at.toISOString(),
      agency: step.agency,
      originalDueAt: step.dueAt,
      newDueAt: stepDueAt(cal, new Date(step.assignedAt), step.budgetHours, n).toISOString(),
      originalAppointmentAt: appointmentAt(cal, receivedAt, dossier.procedure, before).toISOString(),
      newAppointmentAt: appointmentAt(cal, receivedAt, dossier.procedure, before + step.budgetHours).toISOString(),
      extensionHours: step.budgetHours,
    } satisfies Lapse;
    await putIfAbsent({ ...keys.lapse(code, stepId, n), ...fact });
    fact = (await getLapse(code, stepId, n))!;
  }
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.dossier(code),
      UpdateExpression: 'SET extensions.#k = :h, appointmentAt = :app',
      ExpressionAttributeNames: { '#k': `lapse#${stepId}#${n}` },
      ExpressionAttributeValues: { ':h': fact.extensionHours, ':app': fact.newAppointmentAt },
    }),
  );
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.step(code, stepId),
        UpdateExpression: 'SET lapses = :n, dueAt = :due, GSI1SK = :sk',
        ConditionExpression: 'lapses = :prev',
        ExpressionAttributeValues: {
          ':n': n,
          ':prev': n - 1,
          ':due': fact.newDueAt,
          ':sk': `${fact.newDueAt}#${code}#${stepId}`,
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  logger.info('step lapsed', { dossierCode: code, stepId, agency: step.agency, lapse: n });
  return { lapsed: true, lapse: n };
}

export const handler = taskHandler('workflow-step', Input, async (input) => {
  switch (input.action) {
    case 'check':
      return check(input.dossierCode, input.stepId);
    case 'await':
      return awaitAgency(input.dossierCode, input.stepId, input.taskToken);
    case 'lapse':
      return lapse(input.dossierCode, input.stepId);
  }
});
