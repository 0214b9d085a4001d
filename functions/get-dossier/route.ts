import * as z from 'zod';
import { agenciesOf } from '../commons/access';
import { notFound } from '../commons/http';
import { dossierCode } from '../commons/params';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { listDossierItems } from '../commons/store';
import { dossierView, routeAgencies } from '../commons/views';
import { emailView } from '../commons/email-view';
import { DossierView } from '../contracts/responses';
import { documentView } from '../core/documents';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: dossierCode });

/** GET /dossiers/{code}: the desk, operators, and agencies on the dossier's route. */
export const route = defineRoute({
  method: 'GET',
  path: '/dossiers/{code}',
  summary: 'A dossier with its steps',
  operationId: 'getDossier',
  roles: ['desk', 'operator', 'agency'],
  scopes: ['motcua/dossiers.read'],
  access: { table: 'read' },
  params: Path,
  responses: { 200: DossierView },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ caller, params: { code } }) => {
    const { dossier, steps, emails, files } = await listDossierItems(code);
    if (!dossier) throw notFound(`No dossier ${code}`);
    const staff = caller.groups.includes('desk') || caller.groups.includes('operator');
    const onRoute = agenciesOf(caller).some((a) => routeAgencies(dossier).includes(a));
    // An agency off the route is told nothing, not even that the dossier exists.
    if (!staff && !onRoute) throw notFound(`No dossier ${code}`);
    // each letter's status (no address: the applicant above says where it went); `files`: the uploaded
    // documents (download: GET /dossiers/{code}/documents/{documentId})
    return reply(200, { ...dossierView(dossier, steps), emails: emails.map((e) => emailView(code, e)), files: files.map((f) => documentView(f, toLocalIso)) });
  },
});
