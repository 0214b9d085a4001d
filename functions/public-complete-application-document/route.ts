import { applicationView, mayAddFiles, ownApplication, saveApplication } from '../commons/applications';
import { citizenRef } from '../commons/citizen-session';
import { now } from '../commons/clock';
import { getPending } from '../commons/document-store';
import { verifyUpload } from '../commons/documents';
import { notFound } from '../commons/http';
import { once } from '../commons/idempotency';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { getDossier } from '../commons/store';
import { Application, ApplicationDocumentPath } from '../contracts/online';
import type { PendingUpload } from '../core/documents';

/**
 * POST /public/applications/{id}/documents/{documentId}/complete (its citizen): the file was
 * POSTed to the bucket; once the object matches what was declared (size, type, first bytes,
 * SHA-256: the desk's own check) it is recorded on the application for its requirement. It is
 * copied under the dossier's prefix (where the malware scan tags it) when the application is
 * submitted or the completion sent. A retry answers the application as it is.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/applications/{id}/documents/{documentId}/complete',
  summary: 'Citizen: record an uploaded file on an online application',
  operationId: 'completeApplicationDocument',
  roles: ['citizen'],
  access: { table: 'read-write', documents: ['verify'] },
  timeoutSeconds: 29,
  params: ApplicationDocumentPath,
  responses: { 200: Application, 201: Application },
  errors: [401, 404, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ citizen, params: { id, documentId } }) => {
    const app = await ownApplication(citizen!, id);
    if (app.files[documentId]) return reply(200, applicationView(app), { 'cache-control': 'no-store' });
    await mayAddFiles(app, (code) => getDossier(code));
    const pending = (await getPending('draft', documentId)) as (PendingUpload & { applicationId?: string; requirement?: string }) | undefined;
    if (!pending || pending.by !== citizenRef(citizen!) || pending.applicationId !== id || !pending.requirement) throw notFound('No such upload on this application');
    await verifyUpload(pending);
    const file = { requirement: pending.requirement, name: pending.name, contentType: pending.contentType, size: pending.size, sha256: pending.sha256 };
    // a submitted application's files wait for the completion that names them; a draft's are chosen at once
    const documents = app.status === 'draft' ? [...app.documents, { requirement: pending.requirement, documentId }] : app.documents;
    const next = { ...app, files: { ...app.files, [documentId]: file }, documents, updatedAt: now().toISOString() };
    await saveApplication(next, app.updatedAt);
    logger.info('document recorded', { applicationId: id, documentId, kind: 'citizen', size: pending.size });
    return reply(201, applicationView(next), { 'cache-control': 'no-store' });
  },
});
