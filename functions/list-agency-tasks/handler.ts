import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { agencyCode as agencyCodeSchema } from '../commons/params';
import { actsFor } from '../commons/access';
import { apiHandler } from '../commons/api';
import { documentClient, tableName } from '../commons/aws';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { forbidden, json, parse } from '../commons/http';
import { listAgencies } from '../commons/store';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ agencyCode: agencyCodeSchema });
export const Query = z
  .object({
    limit: z.string().regex(/^[1-9]\d{0,2}$/, 'a whole number from 1 to 500').transform(Number).pipe(z.number().max(500, 'a whole number from 1 to 500')).optional(),
    cursor: z.string().max(800).optional(),
  });

export const DEFAULT_PAGE = 100;

/**
 * GET /agencies/{agencyCode}/tasks?limit=&cursor=: the agency's pending steps, soonest due first,
 * a page at a time (`limit`, default 100, at most 500); `nextCursor` fetches the next page and
 * is absent on the last one.
 */
export const handler = apiHandler('GET /agencies/{agencyCode}/tasks', async (event, { caller }) => {
  const { agencyCode } = parse(Path, event.pathParameters, 'path');
  const query = parse(Query, event.queryStringParameters ?? {}, 'query');
  const desks = (await listAgencies()).filter((a) => a.kind === 'desk').map((a) => a.code);
  if (!actsFor(caller, agencyCode, desks)) throw forbidden(`Only officers of ${agencyCode} see its queue`);
  const queue = `QUEUE#${agencyCode}`;
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': queue },
      Limit: query.limit ?? DEFAULT_PAGE,
      ExclusiveStartKey: query.cursor ? decodeCursor(query.cursor, queue) : undefined,
    }),
  );
  const tasks = (out.Items ?? []).map((i) => ({
    dossierCode: i.code as string,
    stepId: i.stepId as string,
    stage: (i.stageIndex as number) + 1,
    name: i.name,
    assignedAt: toLocalIso(i.assignedAt as string),
    dueAt: i.dueAt ? toLocalIso(i.dueAt as string) : null,
    extensions: (i.extensions as number) ?? 0,
  }));
  const last = out.LastEvaluatedKey;
  return json(200, { agency: agencyCode, tasks, ...(last ? { nextCursor: encodeCursor({ PK: last.PK, SK: last.SK, GSI1PK: last.GSI1PK, GSI1SK: last.GSI1SK }) } : {}) });
});
