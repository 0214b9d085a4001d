import { now } from '../commons/clock';
import { defineRoute, reply } from '../commons/route';
import { listProcedures, versionInForce } from '../commons/store';
import { PublicProcedureList, PublicProceduresQuery } from '../contracts/online';
import { localDate } from '../core/local-time';
import { onlineLevel } from '../core/online';
import { fold } from '../core/text';

/**
 * GET /public/procedures?q=&field=&level= (anyone): the catalogue in force today, for the
 * citizens' portal. `q` matches the name (Vietnamese or English) or the code, with or without
 * diacritics ("ly lich tu phap" finds "Lý lịch tư pháp"); `field` the field's name the same way;
 * `level` the online level (none: at the desk only).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/procedures',
  summary: 'Citizen: find a procedure (by name with or without diacritics, field, online level)',
  operationId: 'publicProcedures',
  roles: ['public'],
  access: { table: 'read' },
  query: PublicProceduresQuery,
  responses: { 200: PublicProcedureList },
  errors: [],
  handler: async ({ query }) => {
    const all = await listProcedures();
    const today = localDate(now());
    const q = query.q ? fold(query.q) : '';
    const field = query.field ? fold(query.field) : '';
    const items = [...new Set(all.map((p) => p.code))]
      .sort()
      .map((code) => versionInForce(all, code, today))
      .filter((p) => p !== undefined)
      .filter((p) => !q || [p.name.vi, p.name.en, p.code].some((s) => fold(s).includes(q)))
      .filter((p) => !field || [p.field.vi, p.field.en].some((s) => fold(s) === field))
      .filter((p) => !query.level || onlineLevel(p) === query.level)
      .map((p) => ({ code: p.code, version: p.version, name: p.name, field: p.field, legalHours: p.legalHours, level: onlineLevel(p), receivingAgency: p.receivingAgency }));
    return reply(200, { items }, { 'cache-control': 'public, max-age=60' });
  },
});
