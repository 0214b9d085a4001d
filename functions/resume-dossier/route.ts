import * as z from 'zod';
import { once } from '../commons/idempotency';
import { conflict, notFound } from '../commons/http';
import { dossierCode } from '../commons/params';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { resumeDossier } from '../commons/workflow';
import { Resumed } from '../contracts/responses';

const Path = z.object({ code: dossierCode });

/** POST /ops/dossiers/{code}/resume (operator): start a new execution unless one is running. */
export const route = defineRoute({
  method: 'POST',
  path: '/ops/dossiers/{code}/resume',
  summary: "Resume a dossier's workflow",
  operationId: 'resumeDossier',
  roles: ['operator'],
  access: { table: 'read-write', startExecution: true, describeExecution: true },
  params: Path,
  responses: { 200: Resumed, 202: Resumed },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ params: { code } }) => {
    const outcome = await resumeDossier(code);
    if (outcome === 'missing') throw notFound(`No dossier ${code}`);
    if (outcome === 'finished') throw conflict(`Dossier ${code} is finished: nothing to resume`);
    if (outcome === 'unreceived') throw conflict(`Dossier ${code} was applied for online and waits for the desk's check: nothing to resume`);
    return outcome === 'resumed' ? reply(202, { dossierCode: code, workflow: outcome }) : reply(200, { dossierCode: code, workflow: outcome });
  },
});
