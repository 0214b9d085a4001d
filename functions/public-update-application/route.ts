import { choiceErrors, deskFor, onlineService, ownApplication, refuse, saveApplication, unknownAnswers, applicationView } from '../commons/applications';
import { now } from '../commons/clock';
import { conflict } from '../commons/http';
import { defineRoute, reply } from '../commons/route';
import { listProcedures } from '../commons/store';
import { ApplicationChanges, ApplicationPath, Application } from '../contracts/online';

/**
 * PUT /public/applications/{id} (its citizen): replace a draft's answers, its choice of files and
 * its desk. A submitted application is no longer changed (409); someone else's is 404.
 */
export const route = defineRoute({
  method: 'PUT',
  path: '/public/applications/{id}',
  summary: "Citizen: replace a draft application's answers, files and desk",
  operationId: 'updateApplication',
  roles: ['citizen'],
  access: { table: 'read-write' },
  params: ApplicationPath,
  body: ApplicationChanges,
  responses: { 200: Application },
  errors: [401, 404, 409, 422],
  handler: async ({ citizen, params: { id }, body }) => {
    const app = await ownApplication(citizen!, id);
    // a code given: a submission is under way (or died after it; submitting again finishes it)
    if (app.status !== 'draft' || app.dossierCode) throw conflict('Hồ sơ đã nộp, không sửa được nữa. / The application was submitted; it can no longer be changed.');
    const procedure = (await listProcedures(app.procedureCode)).find((p) => p.version === app.version);
    const online = onlineService(procedure, app.procedureCode);
    const documents = body.documents ?? app.documents;
    refuse('Invalid application', [...unknownAnswers(online, body.answers), ...choiceErrors(online, app, documents)]);
    const next = { ...app, answers: body.answers, documents, desk: await deskFor(procedure!, body.desk ?? app.desk), updatedAt: now().toISOString() };
    await saveApplication(next, app.updatedAt);
    return reply(200, applicationView(next), { 'cache-control': 'no-store' });
  },
});
