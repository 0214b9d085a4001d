import { choiceErrors, deskFor, newApplicationId, onlineService, refuse, saveApplication, unknownAnswers, applicationView, type ApplicationRecord } from '../commons/applications';
import { citizenRef } from '../commons/citizen-session';
import { now } from '../commons/clock';
import { once } from '../commons/idempotency';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { listProcedures, versionInForce } from '../commons/store';
import { Application, NewApplication } from '../contracts/online';
import { localDate } from '../core/local-time';

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
    const at = now();
    const procedure = versionInForce(await listProcedures(body.procedureCode), body.procedureCode, localDate(at));
    const online = onlineService(procedure, body.procedureCode);
    const app: ApplicationRecord = {
      id: newApplicationId(),
      owner: citizenRef(citizen!),
      status: 'draft',
      procedureCode: procedure!.code,
      version: procedure!.version,
      desk: await deskFor(procedure!, body.desk),
      answers: body.answers,
      documents: [],
      files: {},
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    refuse('Invalid application', [...unknownAnswers(online, body.answers), ...choiceErrors(online, app, body.documents ?? [])]);
    await saveApplication(app);
    logger.info('application started', { applicationId: app.id, procedure: app.procedureCode });
    return reply(201, applicationView(app), { 'cache-control': 'no-store' });
  },
});
