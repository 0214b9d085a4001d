import * as z from 'zod';
import { atSameDesk } from '../commons/access';
import { evaluationView } from '../commons/evaluation-store';
import { forbidden, notFound } from '../commons/http';
import { dossierCode } from '../commons/params';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { getDossier } from '../commons/store';
import { EvaluationFormView } from '../contracts/evaluation';

/**
 * GET /dossiers/{code}/evaluation (desk): the kiosk page (web/officers/kiosk.html) opens the form
 * for the dossier the desk officer just handed back, at their own desk (another desk's: 403).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/dossiers/{code}/evaluation',
  summary: 'Desk kiosk: the evaluation form for a dossier at this desk',
  operationId: 'kioskEvaluationForm',
  roles: ['desk'],
  access: { table: 'read' },
  params: z.object({ code: dossierCode }),
  responses: { 200: EvaluationFormView },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ params: { code }, caller }) => {
    const d = await getDossier(code);
    if (!d) throw notFound(`No dossier ${code}`);
    if (!atSameDesk(caller, d.branch)) throw forbidden('Hồ sơ của bàn tiếp nhận khác / A dossier of another desk');
    return reply(200, await evaluationView(d), { 'cache-control': 'no-store' });
  },
});
