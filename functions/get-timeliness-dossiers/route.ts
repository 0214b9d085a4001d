import * as z from 'zod';
import { now } from '../commons/clock';
import { badRequest } from '../commons/http';
import { branchParam, checkPeriod, localDateParam, readPeriod } from '../commons/report-period';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { dossierOverdue, dossierTimeliness, stepTimeliness } from '../core/records';

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
});

export const FigureDossiers = z.object({
  from: z.string(),
  to: z.string(),
  by: z.string(),
  key: z.string(),
  measure: z.string(),
  count: z.number().int(),
  dossiers: z.array(z.string()),
});

/**
 * GET /reports/timeliness/dossiers?from&to&by&key&measure (operators): the dossier codes behind one
 * number of GET /reports/timeliness — the same items (the logbook index month by month, every
 * agency), the same rules (functions/core/records.ts), the same dossiers left out — so that a
 * figure of the console's dashboard opens on its dossiers.
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
    const { cal, dossiers, received, steps, problems } = await readPeriod(q.from, q.to, q.branch);
    const bad = new Set(problems.map((p) => p.code));
    const at = now();
    const codes = new Set<string>();
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
    } else {
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
    const list = [...codes].sort();
    return reply(200, { from: q.from, to: q.to, by: q.by, key: q.key, measure: q.measure, count: list.length, dossiers: list });
  },
});
