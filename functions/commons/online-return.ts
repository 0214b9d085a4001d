import { wake } from './callback';
import { factTime } from './clock';
import { keys, updateIf } from './store';
import type { Step, StepDecision } from '../core/dossier';

/**
 * A fully online result handed back without the desk (docs/online.md, "Results online"): the
 * desk's return step approved through the same conditional write as the desk's own hand-over
 * (functions/decide-step: pending → approved, out of the desk's queue, in its history), then the
 * waiting execution woken — it closes the dossier as returned (status 10) exactly as after the
 * desk's hand-over. `by`: the citizen's reference (they downloaded it) or the platform (the
 * procedure's rule). Lost to the desk's own approval, or decided already: false, nothing to do.
 */
export async function returnOnline(step: Pick<Step, 'code' | 'stepId'>, by: string, note: string): Promise<boolean> {
  const decision: StepDecision = { outcome: 'approve', at: factTime().toISOString(), by, note };
  const updated = (await updateIf({
    Key: keys.step(step.code, step.stepId),
    UpdateExpression: 'SET #state = :approved, history = list_append(if_not_exists(history, :none), :h), outcome = :outcome, decidedAt = :at, decidedBy = :by REMOVE GSI1PK, GSI1SK',
    ConditionExpression: '#state = :pending AND attribute_not_exists(pendingDelay)',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':approved': 'approved', ':pending': 'pending', ':h': [decision], ':none': [], ':outcome': 'approve', ':at': decision.at, ':by': by },
    ReturnValues: 'ALL_NEW',
  })) as Step | undefined;
  if (!updated) return false;
  await wake(updated.taskToken, step.stepId);
  return true;
}
