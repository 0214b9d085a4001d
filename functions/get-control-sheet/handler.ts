import * as z from 'zod';
import { agenciesOf } from '../commons/access';
import { apiHandler } from '../commons/api';
import { workingCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { json, notFound, parse } from '../commons/http';
import { dossierCode } from '../commons/params';
import { listDossierItems } from '../commons/store';
import { toLocalIso } from '../core/local-time';
import { routeAgencies } from '../commons/views';
import { controlSheet } from '../core/records';
import { guarded, reportSkipped, type Skipped } from '../commons/skipped';
import { documentView } from '../core/documents';

const Path = z.object({ code: dossierCode });

/**
 * GET /dossiers/{code}/control-sheet: form 06, every hand-over of the dossier with its due
 * times and early / on time / late (functions/core/records.ts). The desk, operators, and
 * agencies on the dossier's route; to any other agency the dossier does not exist.
 */
export const handler = apiHandler('GET /dossiers/{code}/control-sheet', async (event, { caller }) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  const { dossier, steps, apologies, files } = await listDossierItems(code);
  if (!dossier) throw notFound(`No dossier ${code}`);
  const staff = caller.groups.includes('desk') || caller.groups.includes('operator');
  const onRoute = agenciesOf(caller).some((a) => routeAgencies(dossier).includes(a));
  if (!staff && !onRoute) throw notFound(`No dossier ${code}`);
  const cal = await workingCalendar();
  const skipped: Skipped[] = [];
  const sheet = guarded(code, skipped, () => controlSheet(cal, { dossier, steps, apologies, now: now() }, toLocalIso));
  if (sheet) return json(200, { ...sheet, documents: files.map((f) => documentView(f, toLocalIso)), skipped: [] });
  // its facts cannot be computed: say so (and count it) rather than a 500
  return json(200, { dossierCode: code, status: dossier.status, handOvers: [], skipped: reportSkipped('control-sheet', skipped) });
});
