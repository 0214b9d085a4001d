import { apiHandler } from '../commons/api';
import { askUpload } from '../commons/document-flow';
import { once } from '../commons/idempotency';
import { HttpProblem, json, jsonBody, parse } from '../commons/http';
import { logger } from '../commons/powertools';
import { UploadRequest } from '../core/documents';

/**
 * POST /documents/drafts (desk): a presigned POST for a file scanned before the dossier exists.
 * POST /dossiers claims it (`documents: [{draftId}]`); never claimed, it expires within a day
 * (the pending item's TTL and the bucket's lifecycle rule on drafts/).
 */
export const handler = apiHandler('POST /documents/drafts', async (event, { caller }) => {
  const body = parse(UploadRequest, jsonBody(event) ?? {});
  if (body.purpose !== 'dossier') throw new HttpProblem(422, 'Unprocessable Content', 'A draft is a document handed in at intake', [{ field: 'purpose', message: 'Must be dossier' }]);
  const ticket = await askUpload(body, { by: caller.sub, kind: 'desk', stage: 'intake' });
  logger.info('draft upload asked', { documentId: ticket.documentId, size: body.size, contentType: body.contentType });
  return json(201, { ...ticket, draftId: ticket.documentId }, { 'cache-control': 'no-store' });
}, { idempotency: once });
