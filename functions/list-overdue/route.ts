import * as z from 'zod';
import { BatchGetCommand } from '../commons/aws/dynamodb';
import { documentClient, tableName } from '../commons/aws';
import { dueShardKeys } from '../commons/ops-index';
import { workingCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { keys, listAgencies, listCatalogue, listDossierItems, queryAll, queryIndex } from '../commons/store';
import { checkQueueKey, type OnlineFacts } from '../core/online';
import { checkLapsed, workingHoursLeft } from '../core/online-check';
import type { WorkingCalendar } from '../core/calendar/working-time';
import type { Dossier } from '../core/dossier';
import { toLocalIso } from '../core/local-time';
import { dossierAppointments, dossierOverdue } from '../core/records';

export const Query = z.object({
  quietDays: z.coerce.number({ error: 'a whole number of days' }).int('a whole number of days').min(0, 'at least 0').max(365, 'at most 365').default(3),
});

export const OverdueDossiers = z.object({
  quietDays: z.number().int(),
  dossiers: z.array(
    z.object({
      dossierCode: z.string(),
      status: z.number(),
      procedure: z.string(),
      holding: z.array(z.string()),
      appointmentAt: z.string().nullable(),
      lastActivityAt: z.string(),
      quietDays: z.number().int(),
    }),
  ),
  /** Online dossiers whose desk check lapsed (status 1, past `checkDueAt`, no completion asked), the most late first. */
  lapsedChecks: z.array(
    z.object({
      dossierCode: z.string(),
      procedure: z.string(),
      desk: z.string(),
      checkDueAt: z.string(),
      workingHoursLate: z.number(),
      warnedAt: z.string().nullable(),
    }),
  ),
});

/**
 * The open dossiers whose DUE item (commons/ops-index.ts: a lower bound of the original
 * appointment) is at or before `at`: every overdue one, and those a pause moved past it. The
 * range read grows with the overdue dossiers, not with the open ones.
 */
async function dueBy(at: Date): Promise<string[]> {
  const shards = await Promise.all(
    dueShardKeys().map((pk) =>
      queryAll({
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :at',
        ExpressionAttributeValues: { ':pk': pk, ':at': `${at.toISOString()}#~` },
        ProjectionExpression: 'code',
      }),
    ),
  );
  return [...new Set(shards.flat().map((i) => String(i.code)))];
}

/** The dossiers, BatchGetItem 100 keys a call (unprocessed keys again); missing ones left out. */
async function readDossiers(codes: string[]): Promise<Dossier[]> {
  const found: Dossier[] = [];
  for (let i = 0; i < codes.length; i += 100) {
    let wanted: Record<string, unknown>[] = codes.slice(i, i + 100).map((c) => keys.dossier(c));
    for (let attempt = 0; wanted.length; attempt++) {
      if (attempt) await new Promise((ok) => setTimeout(ok, Math.min(500, 25 * 2 ** attempt)));
      const out = await documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: wanted } } }));
      found.push(...((out.Responses?.[tableName()] ?? []) as unknown as Dossier[]));
      wanted = out.UnprocessedKeys?.[tableName()]?.Keys ?? [];
    }
  }
  return found.sort((a, b) => a.code.localeCompare(b.code));
}

/** Every desk's check queue read up to now (GSI1SK `<checkDueAt>#<code>`): the lapsed checks. */
async function lapsedChecks(cal: WorkingCalendar, at: Date) {
  const desks = [...(await listAgencies()).filter((a) => a.kind === 'desk').map((a) => a.code), ...(await listCatalogue('BRANCH#')).map((b) => String(b.code))];
  const rows = [];
  for (const desk of desks) {
    const due = (await queryIndex(checkQueueKey(desk), 'GSI1', ['0', `${at.toISOString()}#~`])) as unknown as (Dossier & { online?: OnlineFacts })[];
    for (const d of due) {
      if (d.status !== 1 || !d.online || !checkLapsed(d.online, at)) continue;
      rows.push({
        dossierCode: d.code,
        procedure: d.procedure.code,
        desk,
        checkDueAt: toLocalIso(d.online.checkDueAt),
        workingHoursLate: -(workingHoursLeft(cal, d.online, at) ?? 0),
        warnedAt: d.online.lapseWarnedAt ? toLocalIso(d.online.lapseWarnedAt) : null,
      });
    }
  }
  return rows.sort((a, b) => a.checkDueAt.localeCompare(b.checkDueAt) || a.dossierCode.localeCompare(b.dossierCode));
}

/**
 * GET /ops/overdue?quietDays=N (operators): the open dossiers past their original appointment
 * whose last activity (received, a step assigned or decided, a decision, a supplement asked or
 * received) is at least N days old (3 by default), the quietest first — dossiers that need a hand.
 * Codes, status, agencies holding it and instants only: no personal data. `lapsedChecks`: the
 * online dossiers whose desk check lapsed (issue 21), whatever their quiet days.
 *
 * Reads the dossiers whose DUE item has fallen (commons/ops-index.ts), not every open one, and
 * decides on each dossier's facts as before: the item is never later than the original appointment
 * (put at receipt counted without pauses; a pause only moves the appointment later, an open one
 * stops it; decisions and extensions do not move the original one), so no overdue dossier is
 * missed; one paused past it is read and left out.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/ops/overdue',
  summary: 'Overdue open dossiers with no activity for a while',
  operationId: 'listOverdue',
  roles: ['operator'],
  access: { table: ['GetItem', 'Query', 'BatchGetItem'] },
  query: Query,
  responses: { 200: OverdueDossiers },
  errors: OFFICER_ERRORS,
  handler: async ({ query: { quietDays } }) => {
    const at = now();
    const cal = await workingCalendar();
    const open = (await readDossiers(await dueBy(at))).filter((d) => !d.closedAt);
    const rows = [];
    for (const d of open) {
      let overdue = false;
      try {
        overdue = dossierOverdue(cal, d, at);
      } catch {
        continue; // facts that cannot be computed: the records name them (skipped)
      }
      if (!overdue) continue;
      const { steps } = await listDossierItems(d.code);
      const instants = [d.receivedAt, ...steps.flatMap((s) => [s.assignedAt, s.decidedAt, ...(s.history ?? []).map((h) => h.at)]), ...Object.values(d.pauses ?? {}).flatMap((p) => [p.from, p.to])]
        .filter((x): x is string => typeof x === 'string' && !Number.isNaN(Date.parse(x)));
      const last = instants.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), d.receivedAt);
      const quietMs = at.getTime() - Date.parse(last);
      if (quietMs < quietDays * 86_400_000) continue;
      const original = dossierAppointments(cal, d).original;
      rows.push({
        dossierCode: d.code,
        status: d.status,
        procedure: d.procedure.code,
        holding: [...new Set(steps.filter((s) => s.state === 'pending' || s.state === 'supplement-requested').map((s) => s.agency))],
        appointmentAt: original ? toLocalIso(original) : null,
        lastActivityAt: toLocalIso(last),
        quietDays: Math.floor(quietMs / 86_400_000),
      });
    }
    rows.sort((a, b) => b.quietDays - a.quietDays || a.dossierCode.localeCompare(b.dossierCode));
    return reply(200, { quietDays, dossiers: rows, lapsedChecks: await lapsedChecks(cal, at) });
  },
});
