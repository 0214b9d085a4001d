import { apiHandler } from '../commons/api';
import { officerUpload } from '../commons/document-access';
import { askUpload } from '../commons/document-flow';
import { DossierPath } from '../commons/document-params';
import { once } from '../commons/idempotency';
import { json, jsonBody, parse } from '../commons/http';
import { logger } from '../commons/powertools';
import { getDossier } from '../commons/store';
import { UploadRequest } from '../core/documents';

/**
 * POST /dossiers/{code}/documents (desk; the agency whose step asked for the supplement while it
 * is asked; the agency of the last agency step for `purpose: "result"`): a presigned POST for
 * one file → 201 UploadTicket. Then POST …/documents/{documentId}/complete.
 */
export const handler = apiHandler('POST /dossiers/{code}/documents', async (event, { caller }) => {
  const { code } = parse(DossierPath, event.pathParameters, 'path');
  const body = parse(UploadRequest, jsonBody(event) ?? {});
  const ctx = await officerUpload(caller, await getDossier(code), code, body.purpose);
  const ticket = await askUpload(body, ctx, code, `/dossiers/${code}/documents/{documentId}/complete`);
  logger.info('upload asked', { dossierCode: code, documentId: ticket.documentId, kind: ctx.kind, purpose: body.purpose, size: body.size, contentType: body.contentType });
  return json(201, ticket, { 'cache-control': 'no-store' });
}, { idempotency: once });
