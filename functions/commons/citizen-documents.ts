import { attachedResults } from './result-document';
import { citizenMayRead, documentView, type DocumentRecord } from '../core/documents';
import type { Dossier, Step } from '../core/dossier';
import { toLocalIso } from '../core/local-time';

/**
 * The documents the citizen may see on their page (and download with
 * GET /public/dossiers/{code}/documents/{documentId}): what was handed in for the dossier, and
 * the result attached to the decision once the dossier is returned. Who uploaded stays inside.
 */
export function citizenDocuments(dossier: Dossier, steps: Step[], files: DocumentRecord[]) {
  const results = attachedResults(steps);
  return files
    .filter((f) => !f.deletedAt && citizenMayRead(f, dossier.status) && (f.purpose !== 'result' || results.has(f.documentId)))
    .map((f) => {
      const { uploadedBy: _by, uploaderKind: _kind, agency: _agency, ...view } = documentView(f, toLocalIso);
      return view;
    });
}
