import { applicationView, createApplication } from '../commons/applications';
import { once } from '../commons/idempotency';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { Application, NewApplication } from '../contracts/online';

/**
 * POST /public/applications (signed-in citizen): start an application for a procedure one can
 * apply for online — a draft owned by the citizen, holding the form's answers so far (checked in
 * full at submission), the desk it goes to and, later, its files.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/applications',
  summary: 'Citizen: start an online application (a draft)',
  operationId: 'createApplication',
  roles: ['citizen'],
  access: { table: 'read-write' },
  body: NewApplication,
  responses: { 201: Application },
  errors: [401, 409, 422],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ citizen, body }) => {
    const app = await createApplication(citizen!, body);
    logger.info('application started', { applicationId: app.id, procedure: app.procedureCode });
    return reply(201, applicationView(app), { 'cache-control': 'no-store' });
  },
});
