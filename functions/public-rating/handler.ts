import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { once } from '../commons/idempotency';
import { now } from '../commons/clock';
import { conflict, json, jsonBody, parse } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { keys, updateIf } from '../commons/store';
import { text } from '../commons/text';
import { DossierStatus } from '../core/model';

const Path = z.object({ code: dossierCode });
export const Rating = z.object({ score: z.number().int().min(1).max(5), comment: text(2000).optional() }).strict();

/**
 * POST /public/dossiers/{code}/rating with `X-Lookup-Pin`: 1–5 and a comment, once, once the
 * result has been handed back (status 10, as the page says); before that, or a second time, 409
 * with the reason.
 */
export const handler = apiHandler('POST /public/dossiers/{code}/rating', async (event, { dossier }) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  const body = parse(Rating, jsonBody(event));
  const rating = { ...body, at: now().toISOString() };
  const rated = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: 'SET rating = :r',
    ConditionExpression: 'attribute_not_exists(rating) AND #status = :returned',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':r': rating, ':returned': DossierStatus.returned },
  });
  if (!rated) throw conflict(dossier?.rating ? 'This dossier has already been rated: a rating is taken once' : 'A rating is taken once the result has been handed back');
  return json(201, { dossierCode: code, score: body.score });
}, { idempotency: once, citizen: dossierForCitizen });
