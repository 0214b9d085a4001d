import { now } from '../commons/clock';
import { defineRoute, reply } from '../commons/route';
import { listProcedures, versionInForce } from '../commons/store';
import { ProcedureList } from '../contracts/responses';
import { localDate } from '../core/local-time';
import { routeHours } from '../core/model';

/** GET /procedures: the catalogue as in force today, each with its route. */
export const route = defineRoute({
  method: 'GET',
  path: '/procedures',
  summary: 'The procedure catalogue in force today',
  operationId: 'listProcedures',
  roles: ['authenticated'],
  access: { table: 'read' },
  responses: { 200: ProcedureList },
  errors: [401],
  handler: async () => {
    const all = await listProcedures();
    const today = localDate(now());
    const codes = [...new Set(all.map((p) => p.code))].sort();
    const procedures = codes
      .map((code) => versionInForce(all, code, today))
      .filter((p) => p !== undefined)
      .map((p) => ({
        code: p.code,
        version: p.version,
        effectiveFrom: p.effectiveFrom,
        name: p.name,
        field: p.field,
        legalHours: p.legalHours,
        routeHours: routeHours(p.stages),
        receivingAgency: p.receivingAgency,
        stages: p.stages.map((s, i) => ({ stage: i + 1, steps: s.steps })),
      }));
    return reply(200, { procedures });
  },
});
