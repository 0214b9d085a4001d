import * as z from 'zod';
import { wake } from './callback';
import { factTime } from './clock';
import { conflict } from './http';
import { getDossier, keys, updateIf } from './store';
import { text } from './text';
import { resolveSupplementDocuments, supplementDocuments } from './supplement-documents';

export const SupplementBody = z.object({ documents: supplementDocuments, note: text(2000).optional() }).strict();
export type SupplementBody = z.infer<typeof SupplementBody>;

/**
 * The supplement arrived (at the desk or from the citizen): close the open pause — one
 * conditional write on the dossier — then wake the waiting execution, which gives the step back
 * to the agency that asked and moves the appointment by exactly the paused working time.
 */
export async function supply(code: string, body: SupplementBody, by: string) {
  const dossier = await getDossier(code);
  const key = dossier?.openPause;
  if (!dossier || !key || dossier.status !== 5) throw conflict('No supplement is being asked for on this dossier');
  const documents = await resolveSupplementDocuments(code, key, body.documents);
  const at = factTime().toISOString();
  const before = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression:
      'SET pauses.#k.#to = :at, pauses.#k.suppliedBy = :by, pauses.#k.note = :note, #status = :processing, documents = list_append(documents, :docs) REMOVE openPause, supplementToken',
    ConditionExpression: 'openPause = :k AND #status = :paused',
    ExpressionAttributeNames: { '#k': key, '#to': 'to', '#status': 'status' },
    ExpressionAttributeValues: { ':at': at, ':by': by, ':note': body.note ?? '', ':processing': 4, ':paused': 5, ':k': key, ':docs': documents },
    ReturnValues: 'ALL_OLD',
  });
  if (!before) throw conflict('The supplement was already received');
  const token = before.supplementToken as string | undefined;
  await wake(token, dossier.pauses[key]!.stepId);
  return { dossierCode: code, suppliedAt: at, stepId: dossier.pauses[key]!.stepId };
}
