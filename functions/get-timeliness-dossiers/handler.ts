import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { workingCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { badRequest, json, parse } from '../commons/http';
import { getDossier, listAgencies, queryIndex } from '../commons/store';
import type { Dossier, Step } from '../core/dossier';
import { daysInclusive, dossierOverdue, dossierTimeliness, factsProblem, isLocalDate, localDayRange, monthsBetween, stepTimeliness } from '../core/records';

const MAX_DAYS = 366;
const date = z.string({ error: 'a local date YYYY-MM-DD' }).refine(isLocalDate, 'a local date YYYY-MM-DD');
const STEP_MEASURES = ['steps', 'early', 'onTime', 'late', 'pending', 'stopped', 'apologies', 'supplements', 'refusals'] as const;
const DOSSIER_MEASURES = ['received', 'returned', 'returnedOnTime', 'dossierLate', 'withdrawn', 'dossierStopped', 'rated'] as const;
export const Query = z.object({
  from: date,
  to: date,
  by: z.enum(['agency', 'procedure']).default('agency'),
  /** The row: an agency or procedure code, or `total`. */
  key: z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'an agency or procedure code, or total'),
  measure: z.enum([...STEP_MEASURES, ...DOSSIER_MEASURES]),
});

/**
 * GET /reports/timeliness/dossiers?from&to&by&key&measure (operators): the dossier codes behind one
 * number of GET /reports/timeliness — the same items (the logbook index month by month, every
 * agency), the same rules (functions/core/records.ts), the same dossiers left out — so that a
 * figure of the console's dashboard opens on its dossiers.
 */
export const handler = apiHandler('GET /reports/timeliness/dossiers', async (event) => {
  const q = parse(Query, event.queryStringParameters ?? {}, 'query');
  if (q.from > q.to) throw badRequest('`from` is after `to`', [{ field: 'to', message: 'Must be on or after from' }]);
  if (daysInclusive(q.from, q.to) > MAX_DAYS) throw badRequest(`At most ${MAX_DAYS} days`, [{ field: 'to', message: `At most ${MAX_DAYS} days after from` }]);
  const isDossierMeasure = (DOSSIER_MEASURES as readonly string[]).includes(q.measure);
  if (isDossierMeasure && q.by === 'agency' && q.key !== 'total') {
    throw badRequest('Dossier figures are per procedure', [{ field: 'measure', message: 'with by=agency, only key=total has dossier figures' }]);
  }
  const range: [string, string] = [localDayRange(q.from)[0], localDayRange(q.to)[1]];
  const agencies = await listAgencies();
  const partitions = monthsBetween(q.from, q.to).flatMap((m) => agencies.map((a) => `LOG#${a.code}#${m}`));
  const items = (await Promise.all(partitions.map((pk) => queryIndex(pk, 'GSI2', range)))).flat();

  const dossiers = new Map<string, Dossier>();
  const received: Dossier[] = [];
  const steps: Step[] = [];
  for (const item of items) {
    if (typeof item.stepId === 'string') steps.push(item as unknown as Step);
    else if (item.procedure && item.applicant) {
      received.push(item as unknown as Dossier);
      dossiers.set(String(item.code), item as unknown as Dossier);
    }
  }
  for (const c of new Set(steps.map((s) => s.code))) {
    if (dossiers.has(c)) continue;
    const d = await getDossier(c, false);
    if (d) dossiers.set(c, d);
  }
  const cal = await workingCalendar();
  const bad = new Set([...dossiers.values()].filter((d) => factsProblem(cal, d, steps.filter((s) => s.code === d.code))).map((d) => d.code));
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
  return json(200, { from: q.from, to: q.to, by: q.by, key: q.key, measure: q.measure, count: list.length, dossiers: list });
});
