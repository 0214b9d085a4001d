import * as z from 'zod';
import { listDocuments } from './document-store';
import { HttpProblem, type FieldError } from './http';
import { documentsSchema } from '../core/text';
import { documentId } from '../core/documents';

/** `documents` of a supplement: references `{name, ref}` as before, and uploaded documents `{documentId}`. */
export const supplementDocuments = z.array(z.union([documentsSchema.element, z.object({ documentId }).strict()])).min(1).max(50);
export type SupplementDocuments = z.infer<typeof supplementDocuments>;

/**
 * Uploaded documents named in a supplement must be recorded on the dossier in the round being
 * closed — any of the requests it answers — (422 naming `documents[i].documentId` otherwise); they join the dossier's list of
 * references as `{name, ref: "document:<id>"}`.
 */
export async function resolveSupplementDocuments(code: string, rounds: string[], entries: SupplementDocuments): Promise<{ name: string; ref: string }[]> {
  if (!entries.some((e) => 'documentId' in e)) return entries as { name: string; ref: string }[];
  const recorded = new Map((await listDocuments(code)).filter((d) => d.round !== undefined && rounds.includes(d.round) && !d.deletedAt).map((d) => [d.documentId, d]));
  const errors: FieldError[] = [];
  const out = entries.map((e, i) => {
    if (!('documentId' in e)) return e;
    const doc = recorded.get(e.documentId);
    if (!doc) errors.push({ field: `documents.${i}.documentId`, message: 'Not a document recorded in this supplement round' });
    return { name: doc?.name ?? '', ref: `document:${e.documentId}` };
  });
  if (errors.length) throw new HttpProblem(422, 'Unprocessable Content', 'Some documents are not recorded on this dossier', errors);
  return out;
}
