import { agenciesOf, type Caller } from './access';
import { HttpProblem, conflict, forbidden, notFound } from './http';
import { getStep } from './store';
import { routeAgencies } from './views';
import { isStopped, openPauses, type Dossier, type Step } from '../core/dossier';
import type { DocumentRecord, PendingUpload, Uploader, UploadRequest } from '../core/documents';

export type UploadContext = Uploader & Pick<PendingUpload, 'round'> & { stage: DocumentRecord['stage'] };

const staff = (c: Caller) => c.groups.includes('desk') || c.groups.includes('operator');
const onRoute = (c: Caller, d: Dossier) => agenciesOf(c).some((a) => routeAgencies(d).includes(a));

/** Reads: the desk, operators and the agencies on the route; to anyone else the dossier does not exist. */
export function mayReadDossier(caller: Caller, dossier: Dossier | undefined, code: string): Dossier {
  if (!dossier || !(staff(caller) || onRoute(caller, dossier))) throw notFound(`No dossier ${code}`);
  return dossier;
}

const open = (d: Dossier) => {
  if (isStopped(d) || d.status === 10 || d.closedAt) throw conflict(`Dossier ${d.code} is no longer being processed`);
};
const noSupplement = () => conflict('No supplement is being asked for on this dossier');

/** The step in the last agency stage (the one before the desk's return) this agency has, if pending. */
async function resultStep(caller: Caller, d: Dossier): Promise<Step | undefined> {
  const last = d.procedure.stages.length - 2;
  if (last < 0 || d.stageIndex !== last) return undefined;
  for (const s of d.procedure.stages[last]!.steps) {
    if (!agenciesOf(caller).includes(s.agency)) continue;
    const step = await getStep(d.code, s.stepId);
    if (step?.state === 'pending') return step;
  }
  return undefined;
}

/**
 * May this officer upload to this dossier, and as what? The desk: any time while it is open (its
 * scans; in the open supplement round if one is asked). An agency: into the supplement round its
 * own step asked for, while it is asked; or the result file, while its step of the last agency
 * stage is pending. Off the route: 404; on the route otherwise: 403 (409 if nothing is asked).
 */
export async function officerUpload(caller: Caller, dossier: Dossier | undefined, code: string, purpose: UploadRequest['purpose']): Promise<UploadContext> {
  const d = mayReadDossier(caller, dossier, code);
  open(d);
  // parallel steps may each ask: the desk supplies the first request open, an agency its own
  const asked = d.status === 5 ? openPauses(d) : [];
  const mine = asked.find(([, p]) => agenciesOf(caller).includes(p.agency));
  const [round, pause] = caller.groups.includes('desk') ? (asked[0] ?? []) : (mine ?? asked[0] ?? []);
  if (purpose === 'result') {
    const step = agenciesOf(caller).length ? await resultStep(caller, d) : undefined;
    if (!step) throw forbidden('Only an agency whose step of the last agency stage is pending may upload the result');
    return { by: caller.sub, kind: 'agency', agency: step.agency, stage: 'result' };
  }
  if (caller.groups.includes('desk')) {
    return { by: caller.sub, kind: 'desk', ...(pause ? { round, stage: 'supplement' as const } : { stage: 'processing' as const }) };
  }
  if (!pause) throw agenciesOf(caller).length ? noSupplement() : forbidden('Operators read documents; the desk and agencies upload them');
  if (!agenciesOf(caller).includes(pause.agency)) throw forbidden(`The supplement was asked for by ${pause.agency}`);
  return { by: caller.sub, kind: 'agency', agency: pause.agency, round, stage: 'supplement' };
}

/** The citizen uploads only into the supplement round being asked for. */
export function citizenUpload(d: Dossier, purpose: UploadRequest['purpose']): UploadContext {
  if (purpose !== 'dossier') throw new HttpProblem(422, 'Unprocessable Content', 'A citizen uploads dossier documents only', [{ field: 'purpose', message: 'Must be dossier' }]);
  const [round] = openPauses(d)[0] ?? [];
  if (isStopped(d) || d.status !== 5 || !round) throw noSupplement();
  return { by: 'citizen', kind: 'citizen', round, stage: 'supplement' };
}

/**
 * Completing an upload: the one who asked for it (the same officer, or the citizen), on the same
 * dossier; a supplement upload only while its round is still the one asked for; a result upload
 * only while that step is pending.
 */
export async function mayComplete(pending: PendingUpload | undefined, by: string, d: Dossier, code: string): Promise<PendingUpload> {
  if (!pending || pending.dossierCode !== code || pending.by !== by) throw notFound('No such upload on this dossier');
  if (pending.stage === 'supplement' && pending.kind !== 'desk' && (d.status !== 5 || !openPauses(d).some(([key]) => key === pending.round))) throw noSupplement();
  if (pending.stage === 'result') {
    const last = d.procedure.stages.length - 2;
    const step = d.procedure.stages[last]?.steps.find((s) => s.agency === pending.agency);
    if (!step || (await getStep(code, step.stepId))?.state !== 'pending') throw conflict('The step this result was for is no longer pending');
  }
  return pending;
}
