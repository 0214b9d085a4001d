import * as z from 'zod';
import { wake } from '../commons/callback';
import { logger } from '../commons/powertools';
import { getDossier, keys, stepQueueKeys, updateIf } from '../commons/store';
import { situation, type Situation } from '../commons/situation';
import { dossierCode, stepId } from '../commons/params';
import { isStopped } from '../core/dossier';
import { handOverDue } from '../core/step-rules';
import type { StepNextValue, StepTask } from '../core/workflow-contract';
import { announce, openPause, recordDueFacts, resumeStep, stopRefused } from './effects';
import { notify } from './notify';

const ids = { dossierCode, stepId };
/** A step's tasks' payloads (the workflow function's input is the union of every task's). */
export const stepInputs = [
  z.object({
    task: z.literal('CheckStep'),
    ...ids,
    /** Loops of this step in this execution, and the stage's width: the hand-over bound. */
    loops: z.number().int().min(0).default(0),
    width: z.number().int().min(1).default(1),
    startedAt: z.string().optional(),
  }),
  z.object({ task: z.literal('ActOnStep'), ...ids }),
  z.object({ task: z.literal('AwaitAgency'), ...ids, taskToken: z.string().min(1), paused: z.boolean().optional() }),
  z.object({ task: z.literal('AwaitSupplement'), ...ids, taskToken: z.string().min(1) }),
] as const;
type StepInput = z.infer<(typeof stepInputs)[number]>;
/** Every task here is one the contract names (and the ASL test checks the converse). */
const tasksKnown: StepInput['task'] extends StepTask ? (StepTask extends StepInput['task'] ? true : never) : never = true;
void tasksKnown;

/** The step's due time as the queue shows it, kept equal to the derived one (a sibling's pause moves it). */
async function refreshDue(s: Situation) {
  const due = s.dueAt?.toISOString() ?? null;
  if (s.step.state !== 'pending' || s.step.dueAt === due) return;
  await updateIf({
    Key: keys.step(s.dossier.code, s.step.stepId),
    UpdateExpression: 'SET dueAt = :due, GSI1SK = :sk',
    ConditionExpression: '#state = :pending',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':due': due, ':sk': stepQueueKeys(s.step, due).GSI1SK, ':pending': 'pending' },
  });
}

/** A step's letters at one check: more would mean a letter the rules keep asking for. */
const MAX_LETTERS_PER_CHECK = 8;

/**
 * CheckStep: what the step needs next (functions/core/step-rules.ts), in the shape the ASL reads.
 * A letter the rules ask for (apology, supplement request or receipt, agency warning) is
 * recorded and queued here (./notify.ts), then the step is looked at again: the state machine
 * only branches on what is left.
 */
async function check(code: string, id: string, run: { loops: number; width: number; startedAt?: string }) {
  let s = await situation(code, id);
  const letters: string[] = [];
  while (s.next.next === 'email') {
    const { event, eventKey } = s.next;
    if (letters.includes(eventKey) || letters.length >= MAX_LETTERS_PER_CHECK) throw new Error(`Step ${id} of ${code} keeps asking for ${eventKey}`);
    await notify({ dossierCode: code, stepId: id, event, eventKey });
    letters.push(eventKey);
    s = await situation(code, id);
  }
  await refreshDue(s);
  const next = handOverDue(s.next, { ...run, now: s.now }) ? ({ next: 'hand-over' } as const) : s.next;
  return {
    next: next.next satisfies StepNextValue,
    timeoutSeconds: next.next === 'await' ? next.timeoutSeconds : 1,
    paused: next.next === 'await' && next.paused === true,
    loops: run.loops,
    /** The letters queued at this check (for logs and benches; the ASL does not read it). */
    letters,
  };
}

/** ActOnStep: do the one effect the rules ask for. Each effect is safe to repeat. */
async function act(code: string, id: string) {
  const s = await situation(code, id);
  if (s.next.next !== 'act') return { effect: 'none' };
  switch (s.next.effect) {
    case 'stop-refused':
      await stopRefused(s);
      break;
    case 'record-lapse':
    case 'record-delay':
      await recordDueFacts(s);
      break;
    case 'announce':
      await announce(s);
      break;
    case 'open-pause':
      await openPause(s);
      break;
    case 'resume-step':
      await resumeStep(s);
      break;
  }
  logger.info('step effect', { dossierCode: code, stepId: id, effect: s.next.effect });
  return { effect: s.next.effect };
}

/**
 * AwaitAgency: keep the token on the step while it is pending (it never leaves the backend).
 * Then look again: if anything changed before the token was kept (a decision, a delay, a stop,
 * the pause that made it wait closed), wake the execution at once so CheckStep sees it — a
 * change racing the wait is never lost.
 */
async function awaitAgency(code: string, id: string, taskToken: string, paused: boolean) {
  const kept = await updateIf({
    Key: keys.step(code, id),
    UpdateExpression: 'SET taskToken = :t',
    ConditionExpression: '#state = :pending AND attribute_not_exists(pendingDelay)',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':t': taskToken, ':pending': 'pending' },
  });
  if (kept) {
    const { next } = await situation(code, id);
    if (next.next === 'await' && (next.paused === true) === paused) return { waiting: true };
  }
  await wake(taskToken, id);
  return { waiting: false };
}

/** AwaitSupplement: keep the token on the step while its pause is open; the supplement wakes it. */
async function awaitSupplement(code: string, id: string, taskToken: string) {
  const { next, step } = await situation(code, id);
  const kept =
    next.next === 'await-supplement' &&
    (await updateIf({
      Key: keys.step(code, id),
      UpdateExpression: 'SET taskToken = :t',
      ConditionExpression: '#state = :asked AND supplementRounds = :r',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':t': taskToken, ':asked': 'supplement-requested', ':r': step.supplementRounds },
    }));
  if (kept) {
    const dossier = await getDossier(code);
    const pause = dossier?.pauses?.[next.pauseKey];
    if (dossier && !isStopped(dossier) && pause && !pause.to) return { waiting: true };
  }
  await wake(taskToken, id);
  return { waiting: false };
}

export function runStep(input: StepInput) {
  switch (input.task) {
    case 'CheckStep':
      return check(input.dossierCode, input.stepId, input);
    case 'ActOnStep':
      return act(input.dossierCode, input.stepId);
    case 'AwaitAgency':
      return awaitAgency(input.dossierCode, input.stepId, input.taskToken, input.paused ?? false);
    case 'AwaitSupplement':
      return awaitSupplement(input.dossierCode, input.stepId, input.taskToken);
  }
}
