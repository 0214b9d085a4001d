import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { once } from '../commons/idempotency';
import { json, jsonBody, parse } from '../commons/http';
import { dossierCode } from '../commons/params';
import { logger } from '../commons/powertools';
import { SupplementBody, supply } from '../commons/supplement';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: dossierCode });

/** POST /dossiers/{code}/supplement (desk): the citizen brought the missing documents to the desk. */
export const handler = apiHandler('POST /dossiers/{code}/supplement', async (event, { caller }) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  const body = parse(SupplementBody, jsonBody(event));
  const out = await supply(code, body, caller.sub);
  logger.info('supplement received at the desk', { dossierCode: code });
  return json(202, { ...out, suppliedAt: toLocalIso(out.suppliedAt) });
}, { idempotency: once });
