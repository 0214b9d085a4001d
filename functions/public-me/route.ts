import { defineRoute, reply } from '../commons/route';
import { CitizenMe } from '../contracts/responses';

/**
 * GET /public/me: the signed-in citizen as the national sign-in vouched for them (the portal
 * pre-fills its forms with it). When the session ends, the sign-in's answer said (expiresAt).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/me',
  summary: 'Citizen: who is signed in',
  operationId: 'publicMe',
  roles: ['citizen'],
  access: { table: ['GetItem'] },
  responses: { 200: CitizenMe },
  errors: [401, 429],
  handler: async ({ citizen }) => reply(200, { citizen: citizen! }, { 'cache-control': 'no-store' }),
});
