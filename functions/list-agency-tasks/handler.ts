import * as z from 'zod';
import { agencyCode as agencyCodeSchema } from '../commons/params';
import { actsFor } from '../commons/access';
import { apiHandler } from '../commons/api';
import { forbidden, json, parse } from '../commons/http';
import { listAgencies, queryIndex } from '../commons/store';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ agencyCode: agencyCodeSchema });

/** GET /agencies/{agencyCode}/tasks: the agency's pending steps, soonest due first. */
export const handler = apiHandler('GET /agencies/{agencyCode}/tasks', async (event, { caller }) => {
  const { agencyCode } = parse(Path, event.pathParameters, 'path');
  const desks = (await listAgencies()).filter((a) => a.kind === 'desk').map((a) => a.code);
  if (!actsFor(caller, agencyCode, desks)) throw forbidden(`Only officers of ${agencyCode} see its queue`);
  const items = await queryIndex(`QUEUE#${agencyCode}`);
  const tasks = items
    .sort((a, b) => String(a.GSI1SK).localeCompare(String(b.GSI1SK)))
    .map((i) => ({
      dossierCode: i.code as string,
      stepId: i.stepId as string,
      stage: (i.stageIndex as number) + 1,
      name: i.name,
      assignedAt: toLocalIso(i.assignedAt as string),
      dueAt: i.dueAt ? toLocalIso(i.dueAt as string) : null,
      extensions: (i.extensions as number) ?? 0,
    }));
  return json(200, { agency: agencyCode, tasks });
});
