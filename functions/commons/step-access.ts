import { actsFor, agenciesOf, atSameDesk, type Caller } from './access';
import { forbidden, notFound } from './http';
import { getDossier, getStep } from './store';
import { routeAgencies } from './views';
import type { Step } from '../core/dossier';

/**
 * The step an officer acts on: its agency's officers (the desk's, for the desk's return step)
 * may; the return step only at the desk that received the dossier (its branch's officers, or the
 * main desk's for a dossier received there); another branch, or another agency on the dossier's route gets 403; anyone off the route gets 404, so that a
 * dossier's existence does not leak.
 */
export async function stepForOfficer(caller: Caller, code: string, stepId: string): Promise<Step> {
  const step = await getStep(code, stepId);
  const missing = notFound(`No open step ${stepId} on dossier ${code}`);
  if (!step) throw missing;
  const sameDesk = !step.atDesk || atSameDesk(caller, step.branch);
  if (sameDesk && actsFor(caller, step.agency, step.atDesk ? [step.agency] : [])) return step;
  const dossier = await getDossier(code);
  const staff = caller.groups.includes('desk') || caller.groups.includes('operator');
  const onRoute = dossier && (staff || agenciesOf(caller).some((a) => routeAgencies(dossier).includes(a)));
  if (!onRoute) throw missing;
  throw forbidden(sameDesk ? `Step ${stepId} belongs to ${step.agency}` : `Step ${stepId} is handed back at ${step.branch ? `the branch ${step.branch}` : 'the main desk'}`);
}
