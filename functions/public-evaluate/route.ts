import * as z from 'zod';
import { EvaluationBody, recordEvaluation } from '../commons/evaluation-store';
import { once } from '../commons/idempotency';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { CITIZEN_WRITES, defineRoute, reply, IDEMPOTENCY_HEADER, PIN_HEADER } from '../commons/route';
import { Evaluated } from '../contracts/evaluation';

/**
 * POST /public/dossiers/{code}/evaluation with `X-Lookup-Pin` (the page, the letter's link): a
 * score per criterion of the centre's form and a comment, once, after the return (status 10);
 * attributed to the officers who handled the dossier. Twice, or before the return: 409.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/dossiers/{code}/evaluation',
  summary: 'Citizen: evaluate the service once, after the return (criteria of the centre’s form)',
  operationId: 'publicEvaluate',
  roles: ['public'],
  access: { table: CITIZEN_WRITES },
  params: z.object({ code: dossierCode }),
  body: EvaluationBody,
  responses: { 201: Evaluated },
  errors: [404, 409, 429],
  headers: [PIN_HEADER, IDEMPOTENCY_HEADER],
  idempotency: once,
  citizen: dossierForCitizen,
  handler: async ({ params: { code }, body }) => reply(201, await recordEvaluation(code, body, 'pin')),
});
