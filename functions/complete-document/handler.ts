import { apiHandler } from '../commons/api';
import { mayComplete, mayReadDossier } from '../commons/document-access';
import { completeUpload } from '../commons/document-flow';
import { DocumentPath } from '../commons/document-params';
import { getDocument, getPending } from '../commons/document-store';
import { once } from '../commons/idempotency';
import { json, parse } from '../commons/http';
import { logger } from '../commons/powertools';
import { getDossier } from '../commons/store';
import { toLocalIso } from '../core/local-time';
import { documentView } from '../core/documents';

/**
 * POST /dossiers/{code}/documents/{documentId}/complete (the officer who asked for the upload):
 * the object exists and matches the declaration (size, type, SHA-256) → recorded on the dossier,
 * 201 (200 when already recorded); 409 when nothing was uploaded yet, 422 naming what differs.
 */
export const handler = apiHandler('POST /dossiers/{code}/documents/{documentId}/complete', async (event, { caller }) => {
  const { code, documentId } = parse(DocumentPath, event.pathParameters, 'path');
  const dossier = mayReadDossier(caller, await getDossier(code), code);
  const existing = await getDocument(code, documentId);
  if (existing && existing.by === caller.sub) return json(200, documentView(existing, toLocalIso));
  const pending = await mayComplete(await getPending('upload', documentId), caller.sub, dossier, code);
  const { doc, created } = await completeUpload(pending, code);
  logger.info('document recorded', { dossierCode: code, documentId, kind: doc.kind, stage: doc.stage, size: doc.size });
  return json(created ? 201 : 200, documentView(doc, toLocalIso));
}, { idempotency: once });
