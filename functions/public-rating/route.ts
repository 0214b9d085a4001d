import * as z from 'zod';
import { once } from '../commons/idempotency';
import { now } from '../commons/clock';
import { conflict } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { dossierCode } from '../commons/params';
import { CITIZEN_WRITES, defineRoute, reply, IDEMPOTENCY_HEADER, PIN_HEADER } from '../commons/route';
import { keys, updateIf } from '../commons/store';
import { text } from '../core/text';
import { Rated } from '../contracts/responses';

import { DossierStatus } from '../core/model';
const Path = z.object({ code: dossierCode });
export const Rating = z.object({ score: z.number().int().min(1).max(5), comment: text(2000).optional() }).strict();

/** POST /public/dossiers/{code}/rating with `X-Lookup-Pin`: 1–5 and a comment, once, after the result. */
export const route = defineRoute({
  method: 'POST',
  path: '/public/dossiers/{code}/rating',
  summary: 'Citizen: rate the service once, after the result',
  operationId: 'publicRating',
  roles: ['public'],
  access: { table: CITIZEN_WRITES },
  params: Path,
  body: Rating,
  responses: { 201: Rated },
  errors: [404, 409, 429],
  headers: [PIN_HEADER, IDEMPOTENCY_HEADER],
  idempotency: once,
  citizen: dossierForCitizen,
  handler: async ({ params: { code }, body, dossier }) => {
    const rating = { ...body, at: now().toISOString() };
    const rated = await updateIf({
      Key: keys.dossier(code),
      UpdateExpression: 'SET rating = :r',
      ConditionExpression: 'attribute_not_exists(rating) AND #status = :returned',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':r': rating, ':returned': DossierStatus.returned },
    });
    if (!rated) throw conflict(dossier?.rating ? 'This dossier has already been rated: a rating is taken once' : 'A rating is taken once the result has been handed back');
    return reply(201, { dossierCode: code, score: body.score });
  },
});
