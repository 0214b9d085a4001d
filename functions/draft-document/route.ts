import { askUpload } from '../commons/document-flow';
import { once } from '../commons/idempotency';
import { HttpProblem } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { Draft } from '../contracts/responses';
import { UploadRequest } from '../core/documents';

/**
 * POST /documents/drafts (desk): a presigned POST for a file scanned before the dossier exists.
 * POST /dossiers claims it (`documents: [{draftId}]`); never claimed, it expires within a day
 * (the pending item's TTL and the bucket's lifecycle rule on drafts/).
 */
export const route = defineRoute({
  method: 'POST',
  path: '/documents/drafts',
  summary: 'Ask to upload a file before the dossier exists (claimed at intake with {draftId})',
  operationId: 'draftDocument',
  roles: ['desk'],
  access: { table: 'read-write', documents: ['sign-upload'] },
  body: UploadRequest,
  responses: { 201: Draft },
  errors: [...OFFICER_ERRORS, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, body }) => {
    if (body.purpose !== 'dossier') throw new HttpProblem(422, 'Unprocessable Content', 'A draft is a document handed in at intake', [{ field: 'purpose', message: 'Must be dossier' }]);
    const ticket = await askUpload(body, { by: caller.sub, kind: 'desk', stage: 'intake' });
    logger.info('draft upload asked', { documentId: ticket.documentId, size: body.size, contentType: body.contentType });
    return reply(201, { ...ticket, draftId: ticket.documentId }, { 'cache-control': 'no-store' });
  },
});
