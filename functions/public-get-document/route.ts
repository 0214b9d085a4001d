import { DocumentPath } from '../commons/document-params';
import { signDownload } from '../commons/documents';
import { getDocument } from '../commons/document-store';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { logger } from '../commons/powertools';
import { CITIZEN_READS, defineRoute, reply, PIN_HEADER } from '../commons/route';
import { listDossierItems } from '../commons/store';
import { Download } from '../contracts/responses';
import { citizenMayRead } from '../core/documents';
import { attachedResults } from '../commons/result-document';

/**
 * GET /public/dossiers/{code}/documents/{documentId} with `X-Lookup-Pin`: the citizen's own
 * documents (what was handed in for the dossier) and the result attached to the decision, once
 * the dossier is returned; anything else answers 404, as an unknown id does. The PIN first (the
 * router checks it before the path's document id is parsed): with a wrong one, every request
 * answers the same 404 whatever the document id.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/dossiers/{code}/documents/{documentId}',
  summary: 'Citizen: a short-lived download link to their own file or the result',
  operationId: 'publicGetDocument',
  roles: ['public'],
  access: { table: CITIZEN_READS, documents: ['read'] },
  params: DocumentPath,
  responses: { 200: Download },
  // 409 while the file is being scanned; 410 deleted with the anonymised dossier; 423 quarantined (signDownload)
  errors: [404, 409, 410, 423, 429],
  headers: [PIN_HEADER],
  citizen: dossierForCitizen,
  handler: async ({ params: { code, documentId } }) => {
    const { dossier, steps } = await listDossierItems(code);
    const doc = await getDocument(code, documentId);
    const missing = notFound(`No document ${documentId} on this dossier`);
    if (!doc || !citizenMayRead(doc, dossier!.status)) throw missing;
    if (doc.purpose === 'result' && !attachedResults(steps).has(documentId)) throw missing;
    const link = await signDownload(doc);
    logger.info('download signed', { dossierCode: code, documentId, by: 'citizen' });
    return reply(200, link, { 'cache-control': 'no-store' });
  },
});
