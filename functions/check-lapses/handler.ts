import * as z from 'zod';
import { now } from '../commons/clock';
import { queueOnlineCheckLetter } from '../commons/online-check';
import { logger } from '../commons/powertools';
import { keys, listAgencies, listCatalogue, queryIndex, updateIf } from '../commons/store';
import { taskHandler } from '../commons/task';
import type { Dossier } from '../core/dossier';
import { checkQueueKey, type OnlineFacts } from '../core/online';
import { checkLapsed, checkPeriod, lapseEventKey } from '../core/online-check';

/** The scheduler sends `{}`; anything else it might add is ignored. */
const Input = z.object({});

type Online = Dossier & { online: OnlineFacts };

/**
 * One lapsed check: warn its desk once per check period. The email's marker
 * (`EMAIL#check-lapse-<period>`) is written once and queued; then `online.lapseWarnedAt` is set
 * under the period seen (status 1, the same due time, no warning yet). A run that dies between
 * the two is finished by the next: the marker exists already, so nothing is sent twice.
 */
async function warn(d: Online, at: Date): Promise<boolean> {
  await queueOnlineCheckLetter(d.code, lapseEventKey(checkPeriod(d.online)));
  const marked = await updateIf({
    Key: keys.dossier(d.code),
    UpdateExpression: 'SET #online.lapseWarnedAt = :at',
    ConditionExpression: '#status = :submitted AND #online.checkDueAt = :due AND attribute_not_exists(#online.lapseWarnedAt)',
    ExpressionAttributeNames: { '#online': 'online', '#status': 'status' },
    ExpressionAttributeValues: { ':at': at.toISOString(), ':submitted': 1, ':due': d.online.checkDueAt },
  });
  return !!marked;
}

/**
 * check-lapses (scheduled, every 15 minutes in working time; locally `POST
 * /_local/jobs/check-lapses`): the online dossiers whose check time lapsed (each desk's check
 * queue read up to now: GSI1SK `<checkDueAt>#<code>` sorts by due time), not yet warned in this
 * period, not waiting for the citizen's completion. The desk agency's address gets one letter per
 * dossier and check period. Idempotent: a second run finds them warned.
 */
export const handler = taskHandler('check-lapses', Input, async () => {
  const at = now();
  const desks = [...(await listAgencies()).filter((a) => a.kind === 'desk').map((a) => a.code), ...(await listCatalogue('BRANCH#')).map((b) => String(b.code))];
  let lapsed = 0;
  let warned = 0;
  for (const desk of desks) {
    const due = (await queryIndex(checkQueueKey(desk), 'GSI1', ['0', `${at.toISOString()}#~`])) as unknown as Online[];
    for (const d of due.filter((x) => x.status === 1 && x.online && checkLapsed(x.online, at))) {
      lapsed++;
      if (d.online.lapseWarnedAt) continue;
      if (await warn(d, at)) warned++;
    }
  }
  logger.info('check lapses', { desks: desks.length, lapsed, warned });
  return { desks: desks.length, lapsed, warned };
});
