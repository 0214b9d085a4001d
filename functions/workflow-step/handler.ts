import * as z from 'zod';
import { wake } from '../commons/callback';
import { logger } from '../commons/powertools';
import { getDossier, keys, updateIf } from '../commons/store';
import { situation } from '../commons/situation';
import { taskHandler } from '../commons/task';
import { dossierCode, stepId } from '../commons/params';
import { isStopped } from '../core/dossier';
import { openPause, recordExtension, resumeStep, stopRefused } from './effects';

const ids = { dossierCode, stepId };
const Input = z.discriminatedUnion('action', [
  z.object({ action: z.literal('check'), ...ids }),
  z.object({ action: z.literal('act'), ...ids }),
  z.object({ action: z.literal('await'), ...ids, taskToken: z.string().min(1) }),
  z.object({ action: z.literal('await-supplement'), ...ids, taskToken: z.string().min(1) }),
]);

/** CheckStep: what the step needs next (functions/core/step-rules.ts), in the shape the ASL reads. */
async function check(code: string, id: string) {
  const { next } = await situation(code, id);
  return {
    next: next.next,
    event: next.next === 'email' ? next.event : '',
    eventKey: next.next === 'email' ? next.eventKey : '',
    timeoutSeconds: next.next === 'await' ? next.timeoutSeconds : 1,
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
      await recordExtension(s, 'lapse');
      break;
    case 'record-delay':
      await recordExtension(s, 'delay');
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
 * If anything changed before we got here, wake the execution at once so CheckStep sees it:
 * a decision racing a timeout is never lost.
 */
async function awaitAgency(code: string, id: string, taskToken: string) {
  const kept = await updateIf({
    Key: keys.step(code, id),
    UpdateExpression: 'SET taskToken = :t',
    ConditionExpression: '#state = :pending AND attribute_not_exists(pendingDelay)',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':t': taskToken, ':pending': 'pending' },
  });
  if (kept) {
    const dossier = await getDossier(code);
    if (dossier && !isStopped(dossier)) return { waiting: true };
  }
  await wake(taskToken, id);
  return { waiting: false };
}

/** AwaitSupplement: keep the token on the dossier while its pause is open. */
async function awaitSupplement(code: string, id: string, taskToken: string) {
  const { next } = await situation(code, id);
  const kept =
    next.next === 'await-supplement' &&
    (await updateIf({
      Key: keys.dossier(code),
      UpdateExpression: 'SET supplementToken = :t',
      ConditionExpression: 'openPause = :k AND #status = :paused',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':t': taskToken, ':k': next.pauseKey, ':paused': 5 },
    }));
  if (kept) return { waiting: true };
  await wake(taskToken, id);
  return { waiting: false };
}

export const handler = taskHandler('workflow-step', Input, async (input) => {
  switch (input.action) {
    case 'check':
      return check(input.dossierCode, input.stepId);
    case 'act':
      return act(input.dossierCode, input.stepId);
    case 'await':
      return awaitAgency(input.dossierCode, input.stepId, input.taskToken);
    case 'await-supplement':
      return awaitSupplement(input.dossierCode, input.stepId, input.taskToken);
  }
});
