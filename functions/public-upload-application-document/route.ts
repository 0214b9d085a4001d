import { mayAddFiles, onlineService, ownApplication, refuse } from '../commons/applications';
import { citizenRef } from '../commons/citizen-session';
import { askUpload } from '../commons/document-flow';
import { once } from '../commons/idempotency';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { getDossier, listProcedures } from '../commons/store';
import { ApplicationPath, ApplicationUpload } from '../contracts/online';
import { Upload } from '../contracts/responses';

/**
 * POST /public/applications/{id}/documents (its citizen): ask to upload a file for one of the
 * procedure's documents — a presigned POST for exactly the declared file (size, type, SHA-256),
 * under drafts/ like the desk's drafts; then .../complete records it on the application. Also
 * while the desk asks for completion of the submitted dossier.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/applications/{id}/documents',
  summary: 'Citizen: ask to upload a file for an online application',
  operationId: 'uploadApplicationDocument',
  roles: ['citizen'],
  access: { table: 'read-write', documents: ['sign-upload'] },
  params: ApplicationPath,
  body: ApplicationUpload,
  responses: { 201: Upload },
  errors: [401, 404, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ citizen, params: { id }, body }) => {
    const app = await ownApplication(citizen!, id);
    const stage = await mayAddFiles(app, (code) => getDossier(code));
    const online = onlineService((await listProcedures(app.procedureCode)).find((p) => p.version === app.version), app.procedureCode);
    refuse('Invalid upload', [
      ...(online.documents.some((d) => d.id === body.requirement) ? [] : [{ field: 'requirement', message: `${body.requirement} is not a document of this procedure` }]),
      ...(body.purpose === 'dossier' ? [] : [{ field: 'purpose', message: 'Must be dossier' }]),
    ]);
    // the pending DRAFT item remembers the application and the requirement it is for
    const request = { ...body, applicationId: id };
    const ticket = await askUpload(request, { by: citizenRef(citizen!), kind: 'citizen', stage }, undefined, `/public/applications/${id}/documents/{documentId}/complete`);
    logger.info('upload asked', { applicationId: id, documentId: ticket.documentId, kind: 'citizen', size: body.size, contentType: body.contentType });
    return reply(201, ticket, { 'cache-control': 'no-store' });
  },
});
