import { officerUpload } from '../commons/document-access';
import { askUpload } from '../commons/document-flow';
import { DossierPath } from '../commons/document-params';
import { once } from '../commons/idempotency';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { getDossier } from '../commons/store';
import { Upload } from '../contracts/responses';
import { UploadRequest } from '../core/documents';

/**
 * POST /dossiers/{code}/documents (desk; the agency whose step asked for the supplement while it
 * is asked; the agency of the last agency step for `purpose: "result"`): a presigned POST for
 * one file → 201 UploadTicket. Then POST …/documents/{documentId}/complete.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/documents',
  summary: 'Ask to upload a file into a dossier (the desk; the agency that asked a supplement or deciding)',
  operationId: 'uploadDocument',
  roles: ['desk', 'agency'],
  access: { table: 'read-write', documents: ['sign-upload'] },
  params: DossierPath,
  body: UploadRequest,
  responses: { 201: Upload },
  errors: [...OFFICER_ERRORS, 404, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code }, body }) => {
    const ctx = await officerUpload(caller, await getDossier(code), code, body.purpose);
    const ticket = await askUpload(body, ctx, code, `/dossiers/${code}/documents/{documentId}/complete`);
    logger.info('upload asked', { dossierCode: code, documentId: ticket.documentId, kind: ctx.kind, purpose: body.purpose, size: body.size, contentType: body.contentType });
    return reply(201, ticket, { 'cache-control': 'no-store' });
  },
});
