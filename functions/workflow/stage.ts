import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { workingCalendar } from '../commons/calendar';
import { factTime, now } from '../commons/clock';
import { dossierCode, stepId } from '../commons/params';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '../commons/powertools';
import { getDossier, keys, listDossierItems, logbookKeys, putIfAbsent, stepQueueKeys, updateIf } from '../commons/store';
import { retentionItem } from '../commons/personal-data';
import { stepDueAt } from '../core/deadlines';
import { assignedStep, isStopped, type Dossier } from '../core/dossier';
import { DossierStatus } from '../core/model';
import { successorName } from '../commons/workflow';
import type { StageNext, StageTask } from '../core/workflow-contract';

const executionName = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);
/** The stage's tasks' payloads (the workflow function's input is the union of every task's). */
export const stageInputs = [
  z.object({ task: z.literal('OpenStage'), dossierCode }),
  z.object({ task: z.literal('CloseStage'), dossierCode, stageIndex: z.number().int().min(0) }),
  z.object({ task: z.literal('CloseDossier'), dossierCode }),
  z.object({
    task: z.literal('EmailFailed'),
    dossierCode,
    eventKey: z.string().regex(/^[a-z0-9-]{1,80}$/),
    stepId: stepId.optional(),
    error: z.string().max(200).optional(),
  }),
  z.object({ task: z.literal('HandOver'), dossierCode, executionName }),
  z.object({ task: z.literal('RecordHandOver'), dossierCode, executionName, successor: executionName }),
] as const;
type StageInput = z.infer<(typeof stageInputs)[number]>;
/** Every task here is one the contract names (and the ASL test checks the converse). */
const tasksKnown: StageInput['task'] extends StageTask ? (StageTask extends StageInput['task'] ? true : never) : never = true;
void tasksKnown;

/** Move the dossier's status on from one of `from` (a retry, or a later status, leaves it). */
function setStatus(code: string, to: number, from: number[], extra = '', values: Record<string, unknown> = {}) {
  return updateIf({
    Key: keys.dossier(code),
    UpdateExpression: `SET #status = :to${extra}`,
    ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':to': to, ...Object.fromEntries(from.map((f, i) => [`:from${i}`, f])), ...values },
  });
}

/**
 * OpenStage: create the current stage's steps (deterministic keys: a retry adds nothing) and say
 * what the workflow does next: wait for them, tell the citizen the result is ready (the desk's
 * return stage), or finish (returned, or stopped).
 */
async function open(code: string) {
  const dossier = await getDossier(code);
  if (!dossier) throw new Error(`Dossier ${code} not found`);
  const stages = dossier.procedure.stages;
  const base = { stageIndex: dossier.stageIndex, stepIds: [] as string[] };
  if (isStopped(dossier)) return { ...base, next: 'stopped' satisfies StageNext };
  if (dossier.stageIndex >= stages.length) {
    await setStatus(code, DossierStatus.returned, [DossierStatus.decided], ', returnedAt = :at', { ':at': now().toISOString() });
    return { ...base, next: 'returned' satisfies StageNext };
  }
  const stage = stages[dossier.stageIndex]!;
  const isReturn = dossier.stageIndex === stages.length - 1 && stage.steps.every((s) => s.agency === dossier.procedure.receivingAgency);
  const cal = await workingCalendar();
  const assignedAt = factTime().toISOString();
  for (const s of stage.steps) {
    const draft = { assignedAt, budgetHours: s.budgetHours, extensionHours: 0 };
    const dueAt = stepDueAt(cal, draft, dossier.pauses)?.toISOString() ?? null;
    const step = assignedStep({
      code,
      stepId: s.stepId,
      stageIndex: dossier.stageIndex,
      agency: s.agency,
      atDesk: isReturn,
      name: s.name,
      budgetHours: s.budgetHours,
      assignedAt,
      dueAt,
    });
    if (await putIfAbsent({ ...keys.step(code, s.stepId), ...stepQueueKeys(step, dueAt), ...logbookKeys(s.agency, assignedAt, code, s.stepId), ...step })) {
      logger.info('step assigned', { dossierCode: code, stepId: s.stepId, agency: s.agency });
    }
  }
  const stepIds = stage.steps.map((s) => s.stepId);
  if (isReturn) {
    await setStatus(code, DossierStatus.decided, [DossierStatus.processing, DossierStatus.received], ', resultReadyAt = :ready', { ':ready': assignedAt });
    return { stageIndex: dossier.stageIndex, stepIds, next: 'result-ready' satisfies StageNext };
  }
  await setStatus(code, DossierStatus.processing, [DossierStatus.received]);
  return { stageIndex: dossier.stageIndex, stepIds, next: 'await' satisfies StageNext };
}

/** CloseStage: once all its steps are approved; the expected index makes a retry harmless. */
async function close(code: string, stageIndex: number) {
  const { steps } = await listDossierItems(code);
  if (steps.some((s) => s.stageIndex === stageIndex && s.state !== 'approved')) {
    throw new Error(`Stage ${stageIndex} of ${code} still has open steps`);
  }
  await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: 'SET stageIndex = :next',
    ConditionExpression: 'stageIndex = :i',
    ExpressionAttributeValues: { ':next': stageIndex + 1, ':i': stageIndex },
  });
  return { stageIndex: stageIndex + 1 };
}

/**
 * The dossier is finished and the citizen told: it leaves the set that a restart resumes, and a
 * stopped dossier's open steps leave their agencies' queues.
 */
async function finish(code: string) {
  const { steps } = await listDossierItems(code);
  for (const step of steps.filter((x) => x.state === 'pending' || x.state === 'supplement-requested')) {
    await documentClient().send(
      new UpdateCommand({ TableName: tableName(), Key: keys.step(code, step.stepId), UpdateExpression: 'REMOVE GSI1PK, GSI1SK, taskToken' }),
    );
  }
  const closed = await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.dossier(code),
      UpdateExpression: 'SET closedAt = if_not_exists(closedAt, :at) REMOVE GSI1PK, GSI1SK, supplementToken',
      ExpressionAttributeValues: { ':at': now().toISOString() },
      ReturnValues: 'ALL_NEW',
    }),
  );
  // Personal data falls due for anonymisation in a month partition the scheduled job reads.
  await putIfAbsent(retentionItem(closed.Attributes as Dossier));
  return { finished: true };
}

/**
 * An email could not be sent after its retries: record it on the dossier, where operators see it
 * (GET /dossiers/{code}), count it (EmailFailed, alarmed), mark the step's email as handled, go on.
 */
async function emailFailed(code: string, eventKey: string, error: string, step?: string) {
  const ddb = documentClient();
  await ddb.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.dossier(code),
      UpdateExpression: 'SET emailFailures.#k = :f',
      ExpressionAttributeNames: { '#k': eventKey },
      ExpressionAttributeValues: { ':f': { at: now().toISOString(), error } },
    }),
  );
  if (step) {
    await ddb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.step(code, step),
        UpdateExpression: 'SET sent.#k = if_not_exists(sent.#k, :failed)',
        ExpressionAttributeNames: { '#k': eventKey },
        ExpressionAttributeValues: { ':failed': 'failed' },
      }),
    );
  }
  metrics.addMetric('EmailFailed', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
  logger.error('email not sent after retries', { dossierCode: code, eventKey, error });
  return { recorded: true };
}

/**
 * The hand-over: this execution is old or long (workflow-contract HANDOVER), so a fresh one
 * takes the dossier on from the stored truth. The successor's name is the next generation of
 * this execution's, as a resume would name it; the ASL starts it (states:startExecution), then
 * `RecordHandOver` records it on the dossier — only from this execution's name, which stays the
 * dossier's while this one runs, so a resume meanwhile answers "running" and never starts a third.
 */
async function handOver(code: string, current: string) {
  return { executionName: successorName(code, current) };
}

async function handedOver(code: string, current: string, successor: string) {
  const recorded = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: 'SET executionName = :next, handOvers = if_not_exists(handOvers, :zero) + :one',
    ConditionExpression: current === code ? 'attribute_not_exists(executionName) OR executionName = :current' : 'executionName = :current',
    ExpressionAttributeValues: { ':next': successor, ':current': current, ':zero': 0, ':one': 1 },
  });
  logger.info('dossier handed over to a fresh execution', { dossierCode: code, from: current, to: successor, recorded: Boolean(recorded) });
  return { recorded: Boolean(recorded) };
}

export function runStage(input: StageInput) {
  switch (input.task) {
    case 'OpenStage':
      return open(input.dossierCode);
    case 'CloseStage':
      return close(input.dossierCode, input.stageIndex);
    case 'CloseDossier':
      return finish(input.dossierCode);
    case 'HandOver':
      return handOver(input.dossierCode, input.executionName);
    case 'RecordHandOver':
      return handedOver(input.dossierCode, input.executionName, input.successor);
    case 'EmailFailed':
      return emailFailed(input.dossierCode, input.eventKey, input.error ?? 'unknown', input.stepId);
  }
}
