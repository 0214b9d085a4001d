import { apiHandler } from '../commons/api';
import { mayReadDossier } from '../commons/document-access';
import { DocumentPath } from '../commons/document-params';
import { signDownload } from '../commons/documents';
import { getDocument } from '../commons/document-store';
import { json, notFound, parse } from '../commons/http';
import { logger } from '../commons/powertools';
import { getDossier } from '../commons/store';

/**
 * GET /dossiers/{code}/documents/{documentId} (desk, operators, agencies on the route; 404 to an
 * agency off it): a presigned GET valid 5 minutes → {documentId, url, expiresAt}, for a file
 * scanned clean only (409 while not scanned, 423 when a threat was found).
 */
export const handler = apiHandler('GET /dossiers/{code}/documents/{documentId}', async (event, { caller }) => {
  const { code, documentId } = parse(DocumentPath, event.pathParameters, 'path');
  mayReadDossier(caller, await getDossier(code, false), code);
  const doc = await getDocument(code, documentId);
  if (!doc) throw notFound(`No document ${documentId} on dossier ${code}`);
  const link = await signDownload(doc);
  logger.info('download signed', { dossierCode: code, documentId, by: caller.sub });
  return json(200, link, { 'cache-control': 'no-store' });
});
