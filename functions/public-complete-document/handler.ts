import { apiHandler } from '../commons/api';
import { mayComplete } from '../commons/document-access';
import { completeUpload } from '../commons/document-flow';
import { DocumentPath, DossierPath } from '../commons/document-params';
import { getDocument, getPending } from '../commons/document-store';
import { once } from '../commons/idempotency';
import { json, parse } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { logger } from '../commons/powertools';
import { toLocalIso } from '../core/local-time';
import { documentView } from '../core/documents';

/** POST /public/dossiers/{code}/documents/{documentId}/complete with `X-Lookup-Pin`: record the citizen's upload once it matches. */
export const handler = apiHandler('POST /public/dossiers/{code}/documents/{documentId}/complete', async (event, { dossier: checked }) => {
  // the PIN first: with a wrong one, every request answers the same 404 whatever the document id
  const { code } = parse(DossierPath, event.pathParameters, 'path');
  const dossier = checked!; // code and PIN checked (and counted) first, a replay too
  const { documentId } = parse(DocumentPath, event.pathParameters, 'path');
  const existing = await getDocument(code, documentId);
  if (existing && existing.kind === 'citizen') return json(200, documentView(existing, toLocalIso));
  const pending = await mayComplete(await getPending('upload', documentId), 'citizen', dossier, code);
  const { doc, created } = await completeUpload(pending, code);
  logger.info('document recorded', { dossierCode: code, documentId, kind: 'citizen', stage: doc.stage, size: doc.size });
  return json(created ? 201 : 200, documentView(doc, toLocalIso));
}, { idempotency: once, citizen: dossierForCitizen });
