import { citizenUpload } from '../commons/document-access';
import { askUpload } from '../commons/document-flow';
import { DossierPath } from '../commons/document-params';
import { once } from '../commons/idempotency';
import { dossierForCitizen } from '../commons/lookup';
import { logger } from '../commons/powertools';
import { CITIZEN_WRITES, defineRoute, reply, IDEMPOTENCY_HEADER, PIN_HEADER } from '../commons/route';
import { Upload } from '../contracts/responses';
import { UploadRequest } from '../core/documents';

/** POST /public/dossiers/{code}/documents with `X-Lookup-Pin`, only while a supplement is asked: a presigned POST. */
export const route = defineRoute({
  method: 'POST',
  path: '/public/dossiers/{code}/documents',
  summary: 'Citizen: ask to upload a file of the supplement asked for',
  operationId: 'publicUploadDocument',
  roles: ['public'],
  access: { table: CITIZEN_WRITES, documents: ['sign-upload'] },
  params: DossierPath,
  body: UploadRequest,
  responses: { 201: Upload },
  errors: [404, 409, 422, 429],
  headers: [PIN_HEADER, IDEMPOTENCY_HEADER],
  idempotency: once,
  citizen: dossierForCitizen,
  handler: async ({ dossier: checked, params: { code }, body }) => {
    const dossier = checked!; // code and PIN checked (and counted) first, a replay too
    const ticket = await askUpload(body, citizenUpload(dossier, body.purpose), code, `/public/dossiers/${code}/documents/{documentId}/complete`);
    logger.info('upload asked', { dossierCode: code, documentId: ticket.documentId, kind: 'citizen', size: body.size, contentType: body.contentType });
    return reply(201, ticket, { 'cache-control': 'no-store' });
  },
});
