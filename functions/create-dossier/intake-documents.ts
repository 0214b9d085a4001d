import { completeUpload } from '../commons/document-flow';
import { documentKeys, getPending } from '../commons/document-store';
import { updateIf } from '../commons/store';
import { verifyUpload } from '../commons/documents';
import { HttpProblem, type FieldError } from '../commons/http';
import { documentId, type PendingUpload } from '../core/documents';

// The schema lives with the contracts (the desk's page checks the same rules).
export { DraftEntry, intakeDocuments, type IntakeDocuments } from '../contracts/intake';
import type { IntakeDocuments } from '../contracts/intake';

export const referencesOf = (entries: IntakeDocuments = []) => entries.filter((e): e is { name: string; ref: string } => 'ref' in e);

/**
 * Before anything is written: every draft named exists, has not expired, was uploaded by a desk
 * officer and matches its declaration — else 422 naming `documents[i].draftId`.
 */
export async function checkDrafts(entries: IntakeDocuments = [], intakeKey: string): Promise<PendingUpload[]> {
  const drafts: PendingUpload[] = [];
  const errors: FieldError[] = [];
  for (const [i, e] of entries.entries()) {
    if (!('draftId' in e)) continue;
    const field = `documents.${i}.draftId`;
    const draft = await getPending('draft', e.draftId);
    if (!draft || draft.kind !== 'desk') {
      errors.push({ field, message: 'No such draft (or it expired)' });
      continue;
    }
    if (draft.claimedBy && draft.claimedBy !== intakeKey) {
      errors.push({ field, message: 'This draft was claimed by another dossier' });
      continue;
    }
    try {
      await verifyUpload(draft);
      drafts.push(draft);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      errors.push(...(error.errors ?? [{ field: 'documentId', message: error.detail ?? error.title }]).map((x) => ({ field: `${field}`, message: `${x.field}: ${x.message}` })));
    }
  }
  if (new Set(drafts.map((d) => d.documentId)).size !== drafts.length) errors.push({ field: 'documents', message: 'A draft is named twice' });
  if (errors.length) throw new HttpProblem(422, 'Unprocessable Content', 'Some drafts cannot be claimed', errors);
  return drafts;
}

/**
 * Claim the drafts for the dossier: each marked claimed by this intake request (one conditional
 * write: a draft serves one dossier; the same request retried claims it again), then copied
 * under the dossier's prefix and recorded (a retry records nothing twice).
 */
export async function claimDrafts(code: string, drafts: PendingUpload[], intakeKey: string): Promise<number> {
  for (const draft of drafts) {
    const claimed = await updateIf({
      Key: documentKeys.draft(draft.documentId),
      UpdateExpression: 'SET claimedBy = :k, dossierCode = :code',
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(claimedBy) OR claimedBy = :k)',
      ExpressionAttributeValues: { ':k': intakeKey, ':code': code },
    });
    if (!claimed) throw new HttpProblem(409, 'Conflict', 'A draft was claimed by another dossier meanwhile', [{ field: 'documents', message: 'Draft already claimed' }]);
    await completeUpload(draft, code);
  }
  return drafts.length;
}
