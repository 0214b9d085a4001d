import * as z from 'zod';
import { actsFor } from '../commons/access';
import { workingCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { forbidden, notFound } from '../commons/http';
import { agencyCode } from '../commons/params';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { getDossier, listAgencies, queryIndex } from '../commons/store';
import { Logbook } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import { guarded, reportSkipped, type Skipped } from '../commons/skipped';
import type { Dossier, Step } from '../core/dossier';
import { dossierAppointments, dossierOverdue, dossierTimeliness, isLocalDate, localDayRange, stepDues, stepTimeliness } from '../core/records';

const Path = z.object({ agencyCode });
export const Query = z.object({ date: z.string({ error: 'a local date YYYY-MM-DD' }).refine(isLocalDate, 'a local date YYYY-MM-DD') });

const local = (iso: string | null | undefined) => (iso ? toLocalIso(iso) : null);
const dateOf = (d: Date | null) => (d ? toLocalIso(d) : null);

/**
 * GET /agencies/{agencyCode}/logbook?date=YYYY-MM-DD: form 07, what the agency received that
 * local day, read from GSI2 (LOG#<agency>#<yyyy-mm>, sorted by instant). For a department: the
 * steps assigned to it; for the one-stop desk: the dossiers it received and its return steps.
 * Officers of the agency (the desk's through `desk`) and operators. The applicant's name, the
 * only personal data a paper logbook holds, is shown to the desk and operators only.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/agencies/{agencyCode}/logbook',
  summary: "An agency's logbook for a local day (form 07)",
  operationId: 'getLogbook',
  roles: ['agency', 'desk', 'operator'],
  scopes: ['motcua/tasks.read'],
  access: { table: 'read' },
  params: Path,
  query: Query,
  responses: { 200: Logbook },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ caller, params: { agencyCode: code }, query: { date } }) => {
    const agencies = await listAgencies();
    const desks = agencies.filter((a) => a.kind === 'desk').map((a) => a.code);
    const operator = caller.groups.includes('operator');
    if (!operator && !actsFor(caller, code, desks)) throw forbidden(`Only officers of ${code} and operators read its logbook`);
    const agency = agencies.find((a) => a.code === code);
    if (!agency) throw notFound(`No agency ${code}`);
    const withName = operator || caller.groups.includes('desk');

    const items = await queryIndex(`LOG#${code}#${date.slice(0, 7)}`, 'GSI2', localDayRange(date));
    const cal = await workingCalendar();
    const at = now();
    const dossiers = new Map<string, Promise<Dossier | undefined>>();
    const dossierOf = (c: string) => {
      if (!dossiers.has(c)) dossiers.set(c, getDossier(c, false));
      return dossiers.get(c)!;
    };
    const skipped: Skipped[] = [];
    const entries = await Promise.all(
      items
        .sort((a, b) => String(a.GSI2SK).localeCompare(String(b.GSI2SK)))
        .map(async (item) => {
          if (typeof item.stepId === 'string') {
            const step = item as unknown as Step;
            const d = await dossierOf(step.code);
            if (!d) return undefined;
            return guarded(step.code, skipped, () => stepEntry(step, d));
          }
          if (item.procedure && item.applicant) {
            const d = item as unknown as Dossier;
            return guarded(d.code, skipped, () => dossierEntry(d));
          }
          return undefined;
        }),
    );
    function stepEntry(step: Step, d: Dossier) {
      const dues = stepDues(cal, step, d.pauses, step.decidedAt);
      return {
        kind: 'step' as const,
        dossierCode: step.code,
        procedure: { code: d.procedure.code, name: d.procedure.name },
        ...(withName ? { applicantName: d.applicant.name } : {}),
        stepId: step.stepId,
        stage: step.stageIndex + 1,
        name: step.name,
        receivedAt: local(step.assignedAt),
        dueAt: dateOf(dues.dueAt),
        finalDueAt: dateOf(dues.finalDueAt),
        decidedAt: local(step.decidedAt),
        outcome: step.outcome ?? null,
        state: step.state,
        timeliness: stepTimeliness(cal, step, d),
        ...(!step.atDesk && !step.decidedAt && dues.dueAt && at > dues.dueAt && d.status !== 7 && d.status !== 8 ? { overdue: true } : {}),
        apologies: step.extensions ?? 0,
        supplements: step.supplementRounds ?? 0,
      };
    }
    function dossierEntry(d: Dossier) {
      const apps = dossierAppointments(cal, d, d.returnedAt ?? null);
      return {
        kind: 'dossier' as const,
        dossierCode: d.code,
        procedure: { code: d.procedure.code, name: d.procedure.name },
        ...(withName ? { applicantName: d.applicant.name } : {}),
        channel: d.channel,
        receivedAt: local(d.receivedAt),
        dueAt: dateOf(apps.original),
        finalDueAt: d.returnedAt ? dateOf(apps.final) : local(d.appointmentAt),
        returnedAt: local(d.returnedAt),
        status: d.status,
        ...(d.stop ? { stop: d.stop.kind } : {}),
        timeliness: dossierTimeliness(cal, d),
        ...(dossierOverdue(cal, d, at) ? { overdue: true } : {}),
      };
    }
    return reply(200, {
      agency: code,
      kind: agency.kind,
      date,
      entries: entries.filter((e): e is NonNullable<typeof e> => e !== undefined && !skipped.some((s) => s.code === e.dossierCode)),
      skipped: reportSkipped('logbook', skipped),
    });
  },
});
