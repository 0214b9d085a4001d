import * as z from 'zod';
import { now } from '../commons/clock';
import { badRequest } from '../commons/http';
import { branchParam, checkPeriod, localDateParam, readPeriod } from '../commons/report-period';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { dossierOverdue, dossierTimeliness, stepTimeliness } from '../core/records';
import { addDays } from '../core/report-periods';

const STEP_MEASURES = ['steps', 'early', 'onTime', 'late', 'pending', 'stopped', 'apologies', 'supplements', 'refusals'] as const;
const DOSSIER_MEASURES = ['received', 'returned', 'returnedOnTime', 'dossierLate', 'withdrawn', 'dossierStopped', 'rated'] as const;
export const Query = z.object({
  from: localDateParam,
  to: localDateParam,
  by: z.enum(['agency', 'procedure']).default('agency'),
  /** The row: an agency or procedure code, or `total`. */
  key: z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'an agency or procedure code, or total'),
  measure: z.enum([...STEP_MEASURES, ...DOSSIER_MEASURES]),
  /** Only the dossiers received at this desk (a branch's code, or the main desk's). */
  branch: branchParam,
  /** The next page: the `next` of the page before (the first local day not yet read). */
  cursor: localDateParam.optional(),
  /** Stop reading once a page holds this many dossiers (it may hold up to a week's more). */
  limit: z.coerce.number({ error: 'a number from 1 to 5000' }).int().min(1).max(5000).default(1000),
});

export const FigureDossiers = z.object({
  from: z.string(),
  to: z.string(),
  by: z.string(),
  key: z.string(),
  measure: z.string(),
  count: z.number().int(),
  dossiers: z.array(z.string()),
  /** More dossiers follow: ask again with `cursor` = this (a local day). */
  next: z.string().optional(),
});

/** Days read at a time (a page is read a week at a time until it holds `limit` dossiers). */
const CHUNK_DAYS = 7;

/**
 * GET /reports/timeliness/dossiers?from&to&by&key&measure (operators): the dossier codes behind one
 * number of GET /reports/timeliness — the same items (the logbook index month by month, every
 * agency), the same rules (functions/core/records.ts), the same dossiers left out — so that a
 * figure of the console's dashboard opens on its dossiers. Paginated by days: a page reads a week
 * of the logbook at a time until it holds `limit` dossiers, and says where to go on (`next`); a
 * dossier whose steps fall in two pages' weeks may be named on both.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/reports/timeliness/dossiers',
  summary: 'The dossiers behind one figure of the timeliness report',
  operationId: 'getTimelinessDossiers',
  roles: ['operator'],
  access: { table: 'read' },
  query: Query,
  responses: { 200: FigureDossiers },
  errors: OFFICER_ERRORS,
  handler: async ({ query: q }) => {
    checkPeriod(q.from, q.to);
    const isDossierMeasure = (DOSSIER_MEASURES as readonly string[]).includes(q.measure);
    if (isDossierMeasure && q.by === 'agency' && q.key !== 'total') {
      throw badRequest('Dossier figures are per procedure', [{ field: 'measure', message: 'with by=agency, only key=total has dossier figures' }]);
    }
    if (q.cursor !== undefined && (q.cursor < q.from || q.cursor > q.to)) throw badRequest('`cursor` is outside the period', [{ field: 'cursor', message: 'a day between from and to, as `next` gave it' }]);
    const at = now();
    const codes = new Set<string>();
    let next: string | undefined = q.cursor ?? q.from;
    while (next !== undefined && codes.size < q.limit) {
      const start: string = next;
      const end: string = [addDays(start, CHUNK_DAYS - 1), q.to].sort()[0]!;
      collect(await readPeriod(start, end, q.branch), isDossierMeasure, q, at, codes);
      next = end < q.to ? addDays(end, 1) : undefined;
    }
    const list = [...codes].sort();
    return reply(200, { from: q.from, to: q.to, by: q.by, key: q.key, measure: q.measure, count: list.length, dossiers: list, ...(next ? { next } : {}) });
  },
});

/** The codes behind the figure among one stretch of days' facts (the report's rules, the same dossiers left out). */
function collect(
  { cal, dossiers, received, steps, problems }: Awaited<ReturnType<typeof readPeriod>>,
  isDossierMeasure: boolean,
  q: z.infer<typeof Query>,
  at: Date,
  codes: Set<string>,
): void {
  const bad = new Set(problems.map((p) => p.code));
  if (isDossierMeasure) {
    for (const d of received) {
      if (bad.has(d.code) || (q.key !== 'total' && d.procedure.code !== q.key)) continue;
      const t = () => dossierTimeliness(cal, d);
      const hit = {
        received: true,
        returned: !!d.returnedAt,
        returnedOnTime: !!d.returnedAt && ['early', 'on-time'].includes(t()),
        dossierLate: (!!d.returnedAt && !['early', 'on-time'].includes(t())) || dossierOverdue(cal, d, at),
        withdrawn: d.status === 7,
        dossierStopped: d.status === 8,
        rated: typeof d.rating?.score === 'number',
      }[q.measure as (typeof DOSSIER_MEASURES)[number]];
      if (hit) codes.add(d.code);
    }
    return;
  }
  for (const s of steps) {
    const d = dossiers.get(s.code);
    if (!d || bad.has(s.code)) continue;
    if (q.key !== 'total' && (q.by === 'agency' ? s.agency : d.procedure.code) !== q.key) continue;
    const t = stepTimeliness(cal, s, d);
    const hit = {
      steps: true,
      early: t === 'early',
      onTime: t === 'on-time',
      late: t === 'late',
      pending: t === 'pending',
      stopped: t === 'stopped',
      apologies: (s.extensions ?? 0) > 0,
      supplements: (s.supplementRounds ?? 0) > 0,
      refusals: s.state === 'refused',
    }[q.measure as (typeof STEP_MEASURES)[number]];
    if (hit) codes.add(s.code);
  }
}
