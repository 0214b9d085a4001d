import * as z from 'zod';
import { evaluationView } from '../commons/evaluation-store';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { CITIZEN_READS, defineRoute, reply, PIN_HEADER } from '../commons/route';
import { EvaluationFormView } from '../contracts/evaluation';

/**
 * GET /public/dossiers/{code}/evaluation with `X-Lookup-Pin` (the page, the letter's link): the
 * centre's criteria and their scales, whether this dossier was evaluated, and whether it can be
 * (returned, not yet evaluated).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/dossiers/{code}/evaluation',
  summary: "Citizen: the centre's evaluation form for a dossier, and whether it was given",
  operationId: 'publicEvaluationForm',
  roles: ['public'],
  access: { table: CITIZEN_READS },
  params: z.object({ code: dossierCode }),
  responses: { 200: EvaluationFormView },
  errors: [404, 429],
  headers: [PIN_HEADER],
  citizen: dossierForCitizen,
  handler: async ({ dossier }) => reply(200, await evaluationView(dossier!), { 'cache-control': 'no-store' }),
});
