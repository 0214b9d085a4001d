import * as z from 'zod';
import { getDocument } from './document-store';
import { HttpProblem } from './http';
import { currentCentre } from '../core/centre';
import { documentId } from '../core/documents';
import type { Dossier, Step } from '../core/dossier';

/** `resultDocument` in an approval: a document uploaded with `purpose: "result"` by the step's agency. */
export const ResultDocument = z.object({ documentId }).strict();

const refuse = (message: string) =>
  new HttpProblem(422, 'Unprocessable Content', `resultDocument: ${message}`, [{ field: 'resultDocument.documentId', message }]);

/** The result file may be attached only to a step of the last agency stage, and must be that agency's recorded result upload. */
export async function checkResultDocument(dossier: Dossier, step: Step, id: string): Promise<void> {
  if (step.atDesk || step.stageIndex !== dossier.procedure.stages.length - 2) throw refuse('only the last agency stage attaches the result');
  const doc = await getDocument(dossier.code, id);
  if (!doc || doc.purpose !== 'result' || doc.agency !== step.agency) throw refuse('no result document of this agency with this id');
}

/** The result documents attached to approvals of this dossier. */
export function attachedResults(steps: Step[]): Set<string> {
  return new Set(steps.flatMap((s) => (s.history ?? []).map((h) => h.resultDocument?.documentId).filter((x): x is string => Boolean(x))));
}

/**
 * The `returned` email's link to the result: the citizen's page (the centre's portal + /c/<code>),
 * where code and PIN unlock the download — never the file attached to the email.
 */
export function resultLink(code: string, steps: Step[]): { resultAvailable?: true; resultUrl?: string } {
  if (attachedResults(steps).size === 0) return {};
  const portal = process.env.CENTRE_PROFILE ? currentCentre().portalUrl : process.env.PUBLIC_LOOKUP_URL;
  return { resultAvailable: true, ...(portal ? { resultUrl: `${portal.replace(/\/+$/, '')}/c/${code}` } : {}) };
}
