import { apiHandler } from '../commons/api';
import { DocumentPath, DossierPath } from '../commons/document-params';
import { signDownload } from '../commons/documents';
import { getDocument } from '../commons/document-store';
import { json, notFound, parse } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { logger } from '../commons/powertools';
import { listDossierItems } from '../commons/store';
import { citizenMayRead } from '../core/documents';
import { attachedResults } from '../commons/result-document';

/**
 * GET /public/dossiers/{code}/documents/{documentId} with `X-Lookup-Pin`: the citizen's own
 * documents (what was handed in for the dossier) and the result attached to the decision, once
 * the dossier is returned; anything else answers 404, as an unknown id does.
 */
export const handler = apiHandler('GET /public/dossiers/{code}/documents/{documentId}', async (event) => {
  // the PIN first: with a wrong one, every request answers the same 404 whatever the document id
  const { code } = parse(DossierPath, event.pathParameters, 'path');
  const { documentId } = parse(DocumentPath, event.pathParameters, 'path');
  const { dossier, steps } = await listDossierItems(code);
  const doc = await getDocument(code, documentId);
  const missing = notFound(`No document ${documentId} on this dossier`);
  if (!doc || !citizenMayRead(doc, dossier!.status)) throw missing;
  if (doc.purpose === 'result' && !attachedResults(steps).has(documentId)) throw missing;
  const link = await signDownload(doc);
  logger.info('download signed', { dossierCode: code, documentId, by: 'citizen' });
  return json(200, link, { 'cache-control': 'no-store' });
}, { citizen: dossierForCitizen });
