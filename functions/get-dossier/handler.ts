import * as z from 'zod';
import { agenciesOf } from '../commons/access';
import { apiHandler } from '../commons/api';
import { json, notFound, parse } from '../commons/http';
import { listDossierItems } from '../commons/store';
import { dossierView, routeAgencies } from '../commons/views';
import { emailView } from '../commons/email-view';
import { DOSSIER_CODE } from '../core/dossier';
import { documentView } from '../core/documents';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: z.string().regex(DOSSIER_CODE, 'a dossier code <desk agency>-<yymmdd>-<nnnn>, e.g. TT-261127-0001') });

/** GET /dossiers/{code}: the desk, operators, and agencies on the dossier's route. */
export const handler = apiHandler('GET /dossiers/{code}', async (event, { caller }) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  const { dossier, steps, emails, files } = await listDossierItems(code);
  if (!dossier) throw notFound(`No dossier ${code}`);
  const staff = caller.groups.includes('desk') || caller.groups.includes('operator');
  const onRoute = agenciesOf(caller).some((a) => routeAgencies(dossier).includes(a));
  // An agency off the route is told nothing, not even that the dossier exists.
  if (!staff && !onRoute) throw notFound(`No dossier ${code}`);
  // each letter's status (no address: the applicant above says where it went); `files`: the uploaded
  // documents (download: GET /dossiers/{code}/documents/{documentId})
  return json(200, { ...dossierView(dossier, steps), emails: emails.map((e) => emailView(code, e)), files: files.map((f) => documentView(f, toLocalIso)) });
});
