import { mayComplete } from '../commons/document-access';
import { completeUpload } from '../commons/document-flow';
import { DocumentPath } from '../commons/document-params';
import { getDocument, getPending } from '../commons/document-store';
import { once } from '../commons/idempotency';
import { dossierForCitizen } from '../commons/lookup';
import { logger } from '../commons/powertools';
import { CITIZEN_WRITES, defineRoute, reply, IDEMPOTENCY_HEADER, PIN_HEADER } from '../commons/route';
import { StoredDocument } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import { documentView } from '../core/documents';

/**
 * POST /public/dossiers/{code}/documents/{documentId}/complete with `X-Lookup-Pin`: record the
 * citizen's upload once it matches. The PIN first (the router checks it before the path's
 * document id is parsed): with a wrong one, every request answers the same 404 whatever the id.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/dossiers/{code}/documents/{documentId}/complete',
  summary: 'Citizen: register an uploaded file',
  operationId: 'publicCompleteDocument',
  roles: ['public'],
  access: { table: CITIZEN_WRITES, documents: ['verify'] },
  timeoutSeconds: 29,
  params: DocumentPath,
  responses: { 200: StoredDocument, 201: StoredDocument },
  errors: [404, 409, 422, 429],
  headers: [PIN_HEADER, IDEMPOTENCY_HEADER],
  idempotency: once,
  citizen: dossierForCitizen,
  handler: async ({ dossier: checked, params: { code, documentId } }) => {
    const dossier = checked!; // code and PIN checked (and counted) first, a replay too
    const existing = await getDocument(code, documentId);
    if (existing && existing.kind === 'citizen') return reply(200, documentView(existing, toLocalIso));
    const pending = await mayComplete(await getPending('upload', documentId), 'citizen', dossier, code);
    const { doc, created } = await completeUpload(pending, code);
    logger.info('document recorded', { dossierCode: code, documentId, kind: 'citizen', stage: doc.stage, size: doc.size });
    return created ? reply(201, documentView(doc, toLocalIso)) : reply(200, documentView(doc, toLocalIso));
  },
});
