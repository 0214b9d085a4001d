import * as z from 'zod';
import { evaluationView } from '../commons/evaluation-store';
import { ownDossier } from '../commons/my-dossiers';
import { dossierCode } from '../commons/params';
import { defineRoute, reply } from '../commons/route';
import { EvaluationFormView } from '../contracts/evaluation';

/** GET /public/me/dossiers/{code}/evaluation: the evaluation form of one of the signed-in citizen's dossiers (another's: 404). */
export const route = defineRoute({
  method: 'GET',
  path: '/public/me/dossiers/{code}/evaluation',
  summary: 'Citizen: the evaluation form of one of my dossiers (no PIN)',
  operationId: 'publicMyEvaluationForm',
  roles: ['citizen'],
  access: { table: 'read' },
  params: z.object({ code: dossierCode }),
  responses: { 200: EvaluationFormView },
  errors: [401, 404, 429],
  handler: async ({ params: { code }, citizen }) => {
    const d = await ownDossier(code, citizen!);
    return reply(200, await evaluationView(d), { 'cache-control': 'no-store' });
  },
});
