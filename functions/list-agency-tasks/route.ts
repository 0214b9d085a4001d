import { QueryCommand } from '../commons/aws/dynamodb';
import * as z from 'zod';
import { agencyCode as agencyCodeSchema } from '../commons/params';
import { actsFor, branchesOf } from '../commons/access';
import { documentClient, tableName } from '../commons/aws';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { forbidden } from '../commons/http';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { getItem, keys, queueKey } from '../commons/store';
import { Tasks } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import type { Text } from '../core/model';

const Path = z.object({ agencyCode: agencyCodeSchema });
export const Query = z
  .object({
    limit: z.string().regex(/^[1-9]\d{0,2}$/, 'a whole number from 1 to 500').transform(Number).pipe(z.number().max(500, 'a whole number from 1 to 500')).optional(),
    cursor: z.string().max(800).optional(),
    /** A branch desk's return steps (only for its officers); default: the caller's branch, if one. */
    branch: z.string().regex(/^[A-Z0-9]{2,12}$/, 'a branch code, e.g. BDH').optional(),
  });

export const DEFAULT_PAGE = 100;

/**
 * GET /agencies/{agencyCode}/tasks?limit=&cursor=: the agency's pending steps, soonest due first,
 * a page at a time (`limit`, default 100, at most 500); `nextCursor` fetches the next page and
 * is absent on the last one. For the desk agency, a branch officer's queue is its branch's return
 * steps (`branch`, default the caller's branch); the main desk's officers see the main desk's.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/agencies/{agencyCode}/tasks',
  summary: "An agency's pending steps, soonest due first, a page at a time",
  operationId: 'listTasks',
  roles: ['agency', 'desk'],
  scopes: ['motcua/tasks.read'],
  access: { table: 'read' },
  params: Path,
  query: Query,
  responses: { 200: Tasks },
  errors: OFFICER_ERRORS,
  handler: async ({ caller, params: { agencyCode }, query }) => {
    // the one agency's item, not the catalogue (a city has 150 agencies): is it a desk?
    const desks = (await getItem(keys.agency(agencyCode), false))?.kind === 'desk' ? [agencyCode] : [];
    if (!actsFor(caller, agencyCode, desks)) throw forbidden(`Only officers of ${agencyCode} see its queue`);
    // A desk's queue is the desk's own: a branch's return steps, or the main desk's (no branch).
    const mine = desks.includes(agencyCode) ? branchesOf(caller) : [];
    const branch = query.branch ?? (mine.length === 1 ? mine[0] : undefined);
    if (query.branch && !mine.includes(query.branch)) throw forbidden(`Only officers of the branch ${query.branch} see its queue`);
    if (!query.branch && mine.length > 1) throw forbidden('An officer of several branches names the branch (?branch=)');
    const queue = queueKey(agencyCode, branch);
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
      name: i.name as Text,
      assignedAt: toLocalIso(i.assignedAt as string),
      dueAt: i.dueAt ? toLocalIso(i.dueAt as string) : null,
      extensions: (i.extensions as number) ?? 0,
    }));
    const last = out.LastEvaluatedKey;
    return reply(200, { agency: agencyCode, tasks, ...(last ? { nextCursor: encodeCursor({ PK: last.PK, SK: last.SK, GSI1PK: last.GSI1PK, GSI1SK: last.GSI1SK }) } : {}) });
  },
});
