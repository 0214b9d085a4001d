import * as z from 'zod';
import { agenciesOf } from '../commons/access';
import { workingCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { notFound } from '../commons/http';
import { dossierCode } from '../commons/params';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { listDossierItems } from '../commons/store';
import { toLocalIso } from '../core/local-time';
import { routeAgencies } from '../commons/views';
import { controlSheet } from '../core/records';
import { guarded, reportSkipped, type Skipped } from '../commons/skipped';
import { ControlSheet } from '../contracts/responses';
import { documentView } from '../core/documents';

const Path = z.object({ code: dossierCode });

/** Form 06; `timeliness` is null when the dossier's facts cannot be computed (it is then in `skipped`). */
const Sheet = ControlSheet.extend({ timeliness: ControlSheet.shape.timeliness.nullable() });

/**
 * GET /dossiers/{code}/control-sheet: form 06, every hand-over of the dossier with its due
 * times and early / on time / late (functions/core/records.ts). The desk, operators, and
 * agencies on the dossier's route; to any other agency the dossier does not exist.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/dossiers/{code}/control-sheet',
  summary: 'The control sheet (form 06)',
  operationId: 'getControlSheet',
  roles: ['desk', 'operator', 'agency'],
  scopes: ['motcua/dossiers.read'],
  access: { table: 'read' },
  params: Path,
  responses: { 200: Sheet },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ caller, params: { code } }) => {
    const { dossier, steps, apologies, files } = await listDossierItems(code);
    if (!dossier) throw notFound(`No dossier ${code}`);
    const staff = caller.groups.includes('desk') || caller.groups.includes('operator');
    const onRoute = agenciesOf(caller).some((a) => routeAgencies(dossier).includes(a));
    if (!staff && !onRoute) throw notFound(`No dossier ${code}`);
    const cal = await workingCalendar();
    const skipped: Skipped[] = [];
    const sheet = guarded(code, skipped, () => controlSheet(cal, { dossier, steps, apologies, now: now() }, toLocalIso));
    // (`receivedAt` is never null: every dossier has one)
    if (sheet) return reply(200, { ...sheet, receivedAt: sheet.receivedAt ?? toLocalIso(dossier.receivedAt), documents: files.map((f) => documentView(f, toLocalIso)), skipped: [] });
    // its facts cannot be computed: say so (and count it) rather than a 500; what needs no computation is shown
    return reply(200, {
      dossierCode: code,
      procedure: { code: dossier.procedure.code, version: dossier.procedure.version, name: dossier.procedure.name },
      receivingAgency: dossier.procedure.receivingAgency,
      status: dossier.status,
      receivedAt: toLocalIso(dossier.receivedAt),
      appointment: { original: null, final: null },
      returnedAt: dossier.returnedAt ? toLocalIso(dossier.returnedAt) : null,
      timeliness: null,
      handOvers: [],
      documents: files.map((f) => documentView(f, toLocalIso)),
      skipped: reportSkipped('control-sheet', skipped),
    });
  },
});
