import { workingCalendar } from './calendar';
import { now } from './clock';
import { getDossier, getStep } from './store';
import { stepDueAt, warningAt } from '../core/deadlines';
import { nextStep } from '../core/step-rules';

/** Working hours before its due time at which an agency is warned (WARNING_HOURS, default 4). */
export const warningHours = () => Number(process.env.WARNING_HOURS ?? 4);

/** Load a step with its dossier and derive what the rules need. */
export async function situation(code: string, stepId: string) {
  const [dossier, step] = await Promise.all([getDossier(code), getStep(code, stepId)]);
  if (!dossier || !step) throw new Error(`Step ${stepId} of ${code} not found`);
  const cal = await workingCalendar();
  const at = now();
  const dueAt = stepDueAt(cal, step, dossier.pauses);
  const warnAt = warningAt(cal, step, dossier.pauses, warningHours());
  return { dossier, step, cal, now: at, dueAt, warnAt, next: nextStep({ dossier, step, now: at, dueAt, warnAt }) };
}

export type Situation = Awaited<ReturnType<typeof situation>>;

