import { defineRoute, reply } from '../commons/route';
import { listAgencies } from '../commons/store';
import { AgencyList } from '../contracts/responses';

/** GET /agencies: the agencies of the catalogue (code, names, kind, warnings address), by code. */
export const route = defineRoute({
  method: 'GET',
  path: '/agencies',
  summary: 'The agencies of the catalogue',
  operationId: 'listAgencies',
  roles: ['authenticated'],
  access: { table: 'read' },
  responses: { 200: AgencyList },
  errors: [401],
  handler: async () => {
    const agencies = (await listAgencies())
      .map((a) => ({ code: a.code, name: a.name, kind: a.kind, email: a.email }))
      .sort((a, b) => a.code.localeCompare(b.code));
    return reply(200, { agencies });
  },
});
