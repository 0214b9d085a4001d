import { apiHandler } from '../commons/api';
import { json } from '../commons/http';
import { currentCentre } from '../core/centre';

/**
 * GET /public/centre (anyone): the public part of the centre's profile — what the citizen's
 * pages show beside every dossier (name, address, opening hours, hotline, the portal's address).
 * Nothing else of the profile (sender, region, alarm address) leaves.
 */
export const handler = apiHandler('GET /public/centre', async () => {
  const { name, address, openingHours, hotline, portalUrl } = currentCentre();
  return json(200, { name, address, openingHours, hotline, portalUrl }, { 'cache-control': 'public, max-age=300' });
});
