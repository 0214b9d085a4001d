import { applicationView, ownApplication } from '../commons/applications';
import { defineRoute, reply } from '../commons/route';
import { Application, ApplicationPath } from '../contracts/online';

/** GET /public/applications/{id} (its citizen): the application as saved; anyone else's is 404. */
export const route = defineRoute({
  method: 'GET',
  path: '/public/applications/{id}',
  summary: 'Citizen: an online application of theirs',
  operationId: 'getApplication',
  roles: ['citizen'],
  access: { table: 'read' },
  params: ApplicationPath,
  responses: { 200: Application },
  errors: [401, 404],
  handler: async ({ citizen, params: { id } }) => reply(200, applicationView(await ownApplication(citizen!, id)), { 'cache-control': 'no-store' }),
});
