import { mayComplete, mayReadDossier } from '../commons/document-access';
import { completeUpload } from '../commons/document-flow';
import { DocumentPath } from '../commons/document-params';
import { getDocument, getPending } from '../commons/document-store';
import { once } from '../commons/idempotency';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { getDossier } from '../commons/store';
import { StoredDocument } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import { documentView } from '../core/documents';

/**
 * POST /dossiers/{code}/documents/{documentId}/complete (the officer who asked for the upload):
 * the object exists and matches the declaration (size, type, SHA-256) → recorded on the dossier,
 * 201 (200 when already recorded); 409 when nothing was uploaded yet, 422 naming what differs.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/documents/{documentId}/complete',
  summary: 'Register an uploaded file (its size, type and checksum are checked)',
  operationId: 'completeDocument',
  roles: ['desk', 'agency'],
  access: { table: 'read-write', documents: ['verify'] },
  timeoutSeconds: 29,
  params: DocumentPath,
  responses: { 200: StoredDocument, 201: StoredDocument },
  errors: [...OFFICER_ERRORS, 404, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code, documentId } }) => {
    const dossier = mayReadDossier(caller, await getDossier(code), code);
    const existing = await getDocument(code, documentId);
    if (existing && existing.by === caller.sub) return reply(200, documentView(existing, toLocalIso));
    const pending = await mayComplete(await getPending('upload', documentId), caller.sub, dossier, code);
    const { doc, created } = await completeUpload(pending, code);
    logger.info('document recorded', { dossierCode: code, documentId, kind: doc.kind, stage: doc.stage, size: doc.size });
    const view = documentView(doc, toLocalIso);
    return created ? reply(201, view) : reply(200, view);
  },
});
