import * as z from 'zod';
import { now } from '../commons/clock';
import { queueOnlineCheckLetter } from '../commons/online-check';
import { logger } from '../commons/powertools';
import { workingCalendar } from '../commons/calendar';
import { returnOnline } from '../commons/online-return';
import { getDossier, keys, listAgencies, listCatalogue, queryIndex, queueKey, updateIf } from '../commons/store';
import type { Step } from '../core/dossier';
import { taskHandler } from '../commons/task';
import type { Dossier } from '../core/dossier';
import { checkQueueKey, type OnlineFacts } from '../core/online';
import { ONLINE_RESULT_WORKING_DAYS, checkLapsed, checkPeriod, lapseEventKey, onlineReturnDueAt } from '../core/online-check';

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
 * The fully online results nobody downloaded: each desk's return queue (small: the results waiting
 * at that desk), the dossiers applied for `fully` online whose result has been ready for
 * ONLINE_RESULT_WORKING_DAYS working days, handed back by the platform (./commons/online-return.ts).
 */
async function returnUndownloaded(deskAgencies: string[], branches: string[], at: Date): Promise<number> {
  const cal = await workingCalendar();
  let returned = 0;
  for (const desk of deskAgencies) {
    for (const queue of [queueKey(desk), ...branches.map((b) => queueKey(desk, b))]) {
      const steps = (await queryIndex(queue)) as unknown as Step[];
      for (const step of steps.filter((s) => s.atDesk && s.state === 'pending')) {
        const d = await getDossier(step.code);
        if (d?.online?.level !== 'fully' || d.status !== 9 || !d.resultReadyAt || d.online.resultDownloadedAt) continue;
        if (onlineReturnDueAt(cal, d.resultReadyAt).getTime() > at.getTime()) continue;
        if (await returnOnline(step, 'platform', `not downloaded within ${ONLINE_RESULT_WORKING_DAYS} working days`)) returned++;
      }
    }
  }
  return returned;
}

/**
 * check-lapses (scheduled, every 15 minutes in working time; locally `POST
 * /_local/jobs/check-lapses`): the online dossiers whose check time lapsed (each desk's check
 * queue read up to now: GSI1SK `<checkDueAt>#<code>` sorts by due time), not yet warned in this
 * period, not waiting for the citizen's completion. The desk agency's address gets one letter per
 * dossier and check period. Idempotent: a second run finds them warned. It also hands back the
 * fully online results not downloaded in time (returnUndownloaded).
 */
export const handler = taskHandler('check-lapses', Input, async () => {
  const at = now();
  const deskAgencies = (await listAgencies()).filter((a) => a.kind === 'desk').map((a) => a.code);
  const branches = (await listCatalogue('BRANCH#')).map((b) => String(b.code));
  const desks = [...deskAgencies, ...branches];
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
  const returned = await returnUndownloaded(deskAgencies, branches, at);
  logger.info('check lapses', { desks: desks.length, lapsed, warned, returned });
  return { desks: desks.length, lapsed, warned, returned };
});
