import * as z from 'zod';
import { citizenView } from '../commons/citizen-dossier';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { CITIZEN_READS, defineRoute, reply, PIN_HEADER } from '../commons/route';
import { CitizenView } from '../contracts/responses';

const Path = z.object({ code: dossierCode });

/**
 * GET /public/dossiers/{code} with `X-Lookup-Pin`: status, appointment and the history meant for
 * the citizen, and what the page needs to say what to do next (the open supplement request,
 * whether the dossier can still be withdrawn or rated). Every instant in local time.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/dossiers/{code}',
  summary: 'Citizen: look a dossier up with its code and PIN',
  operationId: 'publicLookup',
  roles: ['public'],
  access: { table: CITIZEN_READS },
  params: Path,
  responses: { 200: CitizenView },
  errors: [404, 429],
  headers: [PIN_HEADER],
  citizen: dossierForCitizen,
  handler: async ({ params: { code } }) => reply(200, await citizenView(code), { 'cache-control': 'no-store' }),
});
