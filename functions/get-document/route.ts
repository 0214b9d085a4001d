import { mayReadDossier } from '../commons/document-access';
import { DocumentPath } from '../commons/document-params';
import { signDownload } from '../commons/documents';
import { getDocument } from '../commons/document-store';
import { notFound } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { getDossier } from '../commons/store';
import { Download } from '../contracts/responses';

/**
 * GET /dossiers/{code}/documents/{documentId} (desk, operators, agencies on the route; 404 to an
 * agency off it): a presigned GET valid 5 minutes → {documentId, url, expiresAt}, for a file
 * scanned clean only (409 while not scanned, 423 when a threat was found, 410 once anonymised).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/dossiers/{code}/documents/{documentId}',
  summary: 'A short-lived download link to a file of the dossier (409 while it is being scanned)',
  operationId: 'getDocument',
  roles: ['desk', 'operator', 'agency'],
  access: { table: 'read', documents: ['read'] },
  params: DocumentPath,
  responses: { 200: Download },
  errors: [...OFFICER_ERRORS, 404, 409, 410, 423],
  handler: async ({ caller, params: { code, documentId } }) => {
    mayReadDossier(caller, await getDossier(code, false), code);
    const doc = await getDocument(code, documentId);
    if (!doc) throw notFound(`No document ${documentId} on dossier ${code}`);
    const link = await signDownload(doc);
    logger.info('download signed', { dossierCode: code, documentId, by: caller.sub });
    return reply(200, link, { 'cache-control': 'no-store' });
  },
});
