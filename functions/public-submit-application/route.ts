import { once } from '../commons/idempotency';
import { submitApplication } from '../commons/online-intake';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { ApplicationPath, Submitted } from '../contracts/online';

/**
 * POST /public/applications/{id}/submit (its citizen): the application becomes a dossier in
 * status 1 (submitted) with its code, waiting in its desk's check queue (8 working hours). The
 * answers are checked with the form's schema (422 naming each field by its label), the required
 * documents must be attached. Submitting again answers the same dossier, never a second one.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/applications/{id}/submit',
  summary: 'Citizen: submit an online application (a dossier in status 1)',
  operationId: 'submitApplication',
  roles: ['citizen'],
  access: { table: 'read-write', documents: ['verify'] },
  timeoutSeconds: 29,
  params: ApplicationPath,
  responses: { 201: Submitted },
  errors: [401, 404, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ citizen, params: { id } }) => reply(201, await submitApplication(citizen!, id), { 'cache-control': 'no-store' }),
});
