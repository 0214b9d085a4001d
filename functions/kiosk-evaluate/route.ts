import * as z from 'zod';
import { atSameDesk } from '../commons/access';
import { EvaluationBody, recordEvaluation } from '../commons/evaluation-store';
import { forbidden, notFound } from '../commons/http';
import { once } from '../commons/idempotency';
import { dossierCode } from '../commons/params';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { getDossier } from '../commons/store';
import { Evaluated } from '../contracts/evaluation';

/**
 * POST /dossiers/{code}/evaluation (desk): the kiosk at the desk (web/officers/kiosk.html, the
 * desk officer's session, the screen turned to the citizen) records the citizen's evaluation of
 * the dossier just handed back. No PIN in any URL; once per dossier (whatever the channel: 409).
 */
export const route = defineRoute({
  method: 'POST',
  path: '/dossiers/{code}/evaluation',
  summary: "Desk kiosk: the citizen's evaluation of a dossier just handed back at this desk",
  operationId: 'kioskEvaluate',
  roles: ['desk'],
  access: { table: 'read-write' },
  params: z.object({ code: dossierCode }),
  body: EvaluationBody,
  responses: { 201: Evaluated },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ params: { code }, body, caller }) => {
    const d = await getDossier(code);
    if (!d) throw notFound(`No dossier ${code}`);
    if (!atSameDesk(caller, d.branch)) throw forbidden('Hồ sơ của bàn tiếp nhận khác / A dossier of another desk');
    return reply(201, await recordEvaluation(code, body, 'kiosk'));
  },
});
