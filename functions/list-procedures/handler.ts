import { apiHandler } from '../commons/api';
import { now } from '../commons/clock';
import { json } from '../commons/http';
import { listProcedures, versionInForce } from '../commons/store';
import { localDate } from '../core/local-time';
import { routeHours } from '../core/model';

/** GET /procedures: the catalogue as in force today, each with its route. */
export const handler = apiHandler('GET /procedures', async () => {
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
  return json(200, { procedures });
});
