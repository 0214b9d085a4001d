import { once } from '../commons/idempotency';
import { completeOnlineDossier } from '../commons/online-intake';
import { DossierPath } from '../commons/document-params';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { Completed, Completion } from '../contracts/online';

/**
 * POST /public/me/dossiers/{code}/completion (the dossier's citizen): answer the desk's ask for
 * completion of an online dossier — corrected answers and files uploaded beforehand on the
 * application (POST /public/applications/{id}/documents, then .../complete) — while it is asked.
 * The check time then counts again from now. Someone else's dossier is 404.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/me/dossiers/{code}/completion',
  summary: 'Citizen: complete an online dossier the desk asked to complete',
  operationId: 'completeOnlineDossier',
  roles: ['citizen'],
  access: { table: 'read-write', documents: ['verify'] },
  timeoutSeconds: 29,
  params: DossierPath,
  body: Completion,
  responses: { 201: Completed },
  errors: [401, 404, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ citizen, params: { code }, body }) => reply(201, await completeOnlineDossier(citizen!, code, body), { 'cache-control': 'no-store' }),
});
