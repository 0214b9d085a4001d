import { closeSession, sessionToken } from '../commons/citizen-session';
import { defineRoute, reply } from '../commons/route';
import { CitizenSignedOut } from '../contracts/responses';

/**
 * POST /public/sign-out: the session's item is deleted, so its token opens nothing any more. A
 * retry finds no session (401): signing out twice changes nothing, no Idempotency-Key record is
 * needed. The national sign-in's own session is the provider's (the portal may send the citizen
 * to its end-session endpoint).
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/sign-out',
  summary: 'Citizen: sign out (end the session)',
  operationId: 'publicSignOut',
  roles: ['citizen'],
  access: { table: ['GetItem', 'DeleteItem'] },
  responses: { 200: CitizenSignedOut },
  errors: [401, 429],
  ownIdempotency: true,
  handler: async ({ event }) => {
    await closeSession(sessionToken(event)!);
    return reply(200, { signedOut: true as const }, { 'cache-control': 'no-store' });
  },
});
