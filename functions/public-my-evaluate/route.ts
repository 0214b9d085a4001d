import * as z from 'zod';
import { EvaluationBody, recordEvaluation } from '../commons/evaluation-store';
import { once } from '../commons/idempotency';
import { ownDossier } from '../commons/my-dossiers';
import { dossierCode } from '../commons/params';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { Evaluated } from '../contracts/evaluation';

/**
 * POST /public/me/dossiers/{code}/evaluation: the signed-in citizen evaluates one of their
 * dossiers (no PIN), once, after the return. Another citizen's dossier: 404, as for reading it.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/me/dossiers/{code}/evaluation',
  summary: 'Citizen: evaluate one of my dossiers once, after the return (no PIN)',
  operationId: 'publicMyEvaluate',
  roles: ['citizen'],
  access: { table: 'read-write' },
  params: z.object({ code: dossierCode }),
  body: EvaluationBody,
  responses: { 201: Evaluated },
  errors: [401, 404, 409, 429],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ params: { code }, body, citizen }) => {
    const d = await ownDossier(code, citizen!);
    return reply(201, await recordEvaluation(code, body, 'signed-in'));
  },
});
