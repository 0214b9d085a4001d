import { UpdateCommand } from '../commons/aws/dynamodb';
import * as z from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { workingCalendar } from '../commons/calendar';
import { factTime, now } from '../commons/clock';
import { dossierCode } from '../commons/params';
import { logger } from '../commons/powertools';
import { getDossier, keys, listDossierItems, logbookKeys, putIfAbsent, stepQueueKeys, updateIf } from '../commons/store';
import { retentionItem } from '../commons/personal-data';
import { unindexForSearch } from '../commons/search-index';
import { unmarkDue, unmarkWaiting } from '../commons/ops-index';
import { obligationOf, openObligation } from '../commons/payments';
import { stepDueAt } from '../core/deadlines';
import { assignedStep, isStopped, type Dossier } from '../core/dossier';
import { DossierStatus } from '../core/model';
import { successorName } from '../commons/workflow';
import type { StageNext, StageTask } from '../core/workflow-contract';
import { notify } from './notify';

const executionName = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);
/** The stage's tasks' payloads (the workflow function's input is the union of every task's). */
export const stageInputs = [
  z.object({ task: z.literal('OpenStage'), dossierCode }),
  z.object({ task: z.literal('CloseStage'), dossierCode, stageIndex: z.number().int().min(0) }),
  z.object({ task: z.literal('CloseDossier'), dossierCode }),
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
 * what the workflow does next: wait for them, or finish (returned, or stopped). The letters it
 * decides are recorded and queued here (./notify.ts): the receipt before the first stage, "the
 * result is ready" with the desk's return stage.
 */
async function open(code: string) {
  const dossier = await getDossier(code);
  if (!dossier) throw new Error(`Dossier ${code} not found`);
  // the receipt comes first (a resume before the first stage moved on asks again: never sent twice)
  if (dossier.stageIndex === 0) await notify({ dossierCode: code, event: 'receipt', eventKey: 'receipt' });
  const stages = dossier.procedure.stages;
  const base = { stageIndex: dossier.stageIndex, stepIds: [] as string[] };
  if (isStopped(dossier)) return { ...base, next: 'finish' satisfies StageNext };
  if (dossier.stageIndex >= stages.length) {
    await setStatus(code, DossierStatus.returned, [DossierStatus.decided], ', returnedAt = :at', { ':at': now().toISOString() });
    return { ...base, next: 'finish' satisfies StageNext };
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
      ...(isReturn && dossier.branch ? { branch: dossier.branch } : {}),
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
    // fees due before the return (docs/fees.md): status 6 until paid; the return step refuses an unpaid result
    const obligation = dossier.procedure.feesDue === 'before-return' ? obligationOf(dossier, 'before-return', assignedAt) : undefined;
    if (obligation) {
      await updateIf({ Key: keys.dossier(code), UpdateExpression: 'SET resultReadyAt = if_not_exists(resultReadyAt, :ready)', ExpressionAttributeValues: { ':ready': assignedAt } });
      await openObligation(dossier, obligation, [DossierStatus.processing, DossierStatus.received]);
    }
    await setStatus(code, DossierStatus.decided, [DossierStatus.processing, DossierStatus.received], ', resultReadyAt = :ready', { ':ready': assignedAt });
    await unmarkDue(code); // the result is ready: no longer overdue, whatever happens next
    await notify({ dossierCode: code, event: 'result-ready', eventKey: 'result-ready' });
    return { stageIndex: dossier.stageIndex, stepIds, next: 'await' satisfies StageNext };
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
 * CloseDossier: tell the citizen how the dossier ended (the refusal or withdrawal notice; or the
 * result returned, then the invitation to rate the service), then close it: it leaves the set
 * that a restart resumes, and a stopped dossier's open steps leave their agencies' queues. The
 * letters are queued before anything closes, so a retry finds them (never sent twice).
 */
async function finish(code: string) {
  const { dossier, steps } = await listDossierItems(code);
  if (!dossier) throw new Error(`Dossier ${code} not found`);
  if (isStopped(dossier)) {
    await notify({ dossierCode: code, event: 'stopped', eventKey: 'stopped' });
  } else if (dossier.stageIndex >= dossier.procedure.stages.length) {
    // every stage closed: the result went back (OpenStage said so)
    await notify({ dossierCode: code, event: 'returned', eventKey: 'returned' });
    await notify({ dossierCode: code, event: 'rating-invitation', eventKey: 'rating-invitation' });
  } else {
    throw new Error(`Dossier ${code} is neither stopped nor past its last stage: not closed`);
  }
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
  // Found by its code only from now: the search index's tokens of the applicant go.
  await unindexForSearch(code);
  // …and off the ops lists' sparse indexes (commons/ops-index.ts)
  await Promise.all([unmarkWaiting(code), unmarkDue(code)]);
  // Personal data falls due for anonymisation in a month partition the scheduled job reads.
  await putIfAbsent(retentionItem(closed.Attributes as Dossier));
  return { finished: true };
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
  }
}
