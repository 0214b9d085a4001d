import { branchesOf } from '../commons/access';
import { workingCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { listAgencies, queryIndex } from '../commons/store';
import { OnlineChecks } from '../contracts/responses';
import type { Dossier } from '../core/dossier';
import { toLocalIso } from '../core/local-time';
import { checkQueueKey, type OnlineFacts } from '../core/online';
import { awaitingCheck, checkLapsed, completionOpen, workingHoursLeft } from '../core/online-check';

/**
 * The check queues a desk officer reads: a branch officer's branches, or the main desk's (the
 * desk agencies, which receive the online dossiers of procedures applied for at the main desk).
 */
export async function checkQueuesOf(caller: Parameters<typeof branchesOf>[0]): Promise<string[]> {
  const branches = branchesOf(caller);
  if (branches.length) return branches;
  return (await listAgencies()).filter((a) => a.kind === 'desk').map((a) => a.code);
}

/**
 * GET /checks (desk): the online dossiers waiting for this desk's check (issue 21 item 4),
 * soonest due first, with the working hours left on the centre's calendar (negative and `lapsed`
 * past the due time; null while the desk's ask for completion waits for the citizen). The
 * applicant's name is the only personal datum: the desk calls them.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/checks',
  summary: 'Online dossiers waiting for the desk’s check, soonest due first',
  operationId: 'listChecks',
  roles: ['desk'],
  access: { table: 'read' },
  responses: { 200: OnlineChecks },
  errors: OFFICER_ERRORS,
  handler: async ({ caller }) => {
    const at = now();
    const cal = await workingCalendar();
    const items = (await Promise.all((await checkQueuesOf(caller)).map((q) => queryIndex(checkQueueKey(q))))).flat() as unknown as (Dossier & { online: OnlineFacts })[];
    const checks = items
      .filter((d) => awaitingCheck(d))
      .sort((a, b) => a.online.checkDueAt.localeCompare(b.online.checkDueAt) || a.code.localeCompare(b.code))
      .map((d) => ({
        code: d.code,
        procedure: { code: d.procedure.code, name: d.procedure.name },
        applicantName: d.applicant.name,
        level: d.online.level,
        ...(d.branch ? { branch: d.branch } : {}),
        submittedAt: toLocalIso(d.online.submittedAt),
        checkDueAt: toLocalIso(d.online.checkDueAt),
        workingHoursLeft: workingHoursLeft(cal, d.online, at),
        lapsed: checkLapsed(d.online, at),
        completionAsked: completionOpen(d.online),
      }));
    return reply(200, { checks });
  },
});
