import { defineRoute, reply } from '../commons/route';
import { PublicCentre } from '../contracts/responses';
import { currentCentre } from '../core/centre';

/**
 * GET /public/centre (anyone): the public part of the centre's profile — what the citizen's
 * pages show beside every dossier (name, address, opening hours, hotline, the portal's address).
 * Nothing else of the profile (sender, region, alarm address) leaves.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/centre',
  summary: "The centre's public profile (name, address, opening hours, hotline)",
  operationId: 'publicCentre',
  roles: ['public'],
  access: { table: 'read' },
  responses: { 200: PublicCentre },
  errors: [],
  handler: async () => {
    const { name, address, openingHours, hotline, portalUrl } = currentCentre();
    return reply(200, { name, address, openingHours, hotline, portalUrl }, { 'cache-control': 'public, max-age=300' });
  },
});
