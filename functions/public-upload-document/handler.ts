import { apiHandler } from '../commons/api';
import { citizenUpload } from '../commons/document-access';
import { askUpload } from '../commons/document-flow';
import { DossierPath } from '../commons/document-params';
import { once } from '../commons/idempotency';
import { json, jsonBody, parse } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { logger } from '../commons/powertools';
import { UploadRequest } from '../core/documents';

/** POST /public/dossiers/{code}/documents with `X-Lookup-Pin`, only while a supplement is asked: a presigned POST. */
export const handler = apiHandler('POST /public/dossiers/{code}/documents', async (event, { dossier: checked }) => {
  const { code } = parse(DossierPath, event.pathParameters, 'path');
  const dossier = checked!; // code and PIN checked (and counted) first, a replay too
  const body = parse(UploadRequest, jsonBody(event) ?? {});
  const ticket = await askUpload(body, citizenUpload(dossier, body.purpose), code, `/public/dossiers/${code}/documents/{documentId}/complete`);
  logger.info('upload asked', { dossierCode: code, documentId: ticket.documentId, kind: 'citizen', size: body.size, contentType: body.contentType });
  return json(201, ticket, { 'cache-control': 'no-store' });
}, { idempotency: once, citizen: dossierForCitizen });
