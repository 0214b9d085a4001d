import { now } from '../commons/clock';
import { notFound } from '../commons/http';
import { defineRoute, reply } from '../commons/route';
import { listBranches, listProcedures, versionInForce } from '../commons/store';
import { ProcedurePath, PublicProcedure } from '../contracts/online';
import { currentCentre } from '../core/centre';
import { localDate } from '../core/local-time';
import { onlineLevel } from '../core/online';

/**
 * GET /public/procedures/{code} (anyone): the version in force, with how it is applied for online
 * (its form and the documents it needs) and the desks that receive it: the main desk (the
 * centre's own address, the procedure's receiving agency as its code) and the centre's branches.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/procedures/{code}',
  summary: 'Citizen: a procedure in force, its online form, its documents and its desks',
  operationId: 'publicProcedure',
  roles: ['public'],
  access: { table: 'read' },
  params: ProcedurePath,
  responses: { 200: PublicProcedure },
  errors: [404],
  handler: async ({ params: { code } }) => {
    const p = versionInForce(await listProcedures(code), code, localDate(now()));
    if (!p) throw notFound(`No procedure ${code} in force`);
    const centre = currentCentre();
    const main = { code: p.receivingAgency, main: true, name: centre.name, address: centre.address, openingHours: centre.openingHours, hotline: centre.hotline };
    const branches = (await listBranches()).map((b) => ({ ...b, main: false }));
    return reply(
      200,
      {
        code: p.code,
        version: p.version,
        effectiveFrom: p.effectiveFrom,
        name: p.name,
        field: p.field,
        legalHours: p.legalHours,
        level: onlineLevel(p),
        receivingAgency: p.receivingAgency,
        online: { level: onlineLevel(p), form: p.online?.form ?? [], documents: p.online?.documents ?? [] },
        desks: [main, ...branches],
      },
      { 'cache-control': 'public, max-age=60' },
    );
  },
});
