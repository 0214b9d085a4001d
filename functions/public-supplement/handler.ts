import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { once } from '../commons/idempotency';
import { json, jsonBody, parse } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { logger } from '../commons/powertools';
import { SupplementBody, supply } from '../commons/supplement';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ code: dossierCode });

/** POST /public/dossiers/{code}/supplement with `X-Lookup-Pin`: the citizen sends what was asked for. */
export const handler = apiHandler('POST /public/dossiers/{code}/supplement', async (event) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  const body = parse(SupplementBody, jsonBody(event));
  const out = await supply(code, body, 'citizen');
  logger.info('supplement received from the citizen', { dossierCode: code });
  return json(202, { dossierCode: code, suppliedAt: toLocalIso(out.suppliedAt) });
}, { idempotency: once, citizen: dossierForCitizen });
