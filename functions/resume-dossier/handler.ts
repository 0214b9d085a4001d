import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { once } from '../commons/idempotency';
import { conflict, json, notFound, parse } from '../commons/http';
import { dossierCode } from '../commons/params';
import { resumeDossier } from '../commons/workflow';

const Path = z.object({ code: dossierCode });

/** POST /ops/dossiers/{code}/resume (operator): start a new execution unless one is running. */
export const handler = apiHandler('POST /ops/dossiers/{code}/resume', async (event) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  const outcome = await resumeDossier(code);
  if (outcome === 'missing') throw notFound(`No dossier ${code}`);
  if (outcome === 'finished') throw conflict(`Dossier ${code} is finished: nothing to resume`);
  return json(outcome === 'resumed' ? 202 : 200, { dossierCode: code, workflow: outcome });
}, { idempotency: once });
