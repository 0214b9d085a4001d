import { z } from 'zod';
import { isOfficerOf } from '../commons/access';
import { apiHandler } from '../commons/api';
import { forbidden, json, parse } from '../commons/http';
import { queryIndex } from '../commons/store';
import { toLocalIso } from '../commons/time';

const Path = z.object({ agencyCode: z.string().regex(/^[A-Z0-9]{2,12}$/, 'an agency code such as STP') });

/** GET /agencies/{agencyCode}/tasks: the agency's pending steps, soonest due first. */
export const handler = apiHandler('GET /agencies/{agencyCode}/tasks', async (event, { caller }) => {
  const { agencyCode } = parse(Path, event.pathParameters, 'path');
  if (!isOfficerOf(caller, agencyCode)) throw forbidden(`Only officers of ${agencyCode} see its queue`);
  const items = await queryIndex(`QUEUE#${agencyCode}`);
  const tasks = items
    .sort((a, b) => String(a.GSI1SK).localeCompare(String(b.GSI1SK)))
    .map((i) => ({
      dossierCode: i.code as string,
      stepId: i.stepId as string,
      stage: (i.stageIndex as number) + 1,
      name: i.name,
      assignedAt: toLocalIso(i.assignedAt as string),
      dueAt: toLocalIso(i.dueAt as string),
      lapses: (i.lapses as number) ?? 0,
    }));
  return json(200, { agency: agencyCode, tasks });
});
