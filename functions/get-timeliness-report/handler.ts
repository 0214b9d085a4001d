import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { workingCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { badRequest, json, parse } from '../commons/http';
import { getDossier, listAgencies, queryIndex } from '../commons/store';
import type { Dossier, Step } from '../core/dossier';
import { daysInclusive, factsProblem, isLocalDate, localDayRange, monthsBetween, timelinessReport } from '../core/records';
import { reportSkipped, type Skipped } from '../commons/skipped';

export const MAX_DAYS = 366;
const date = z.string({ error: 'a local date YYYY-MM-DD' }).refine(isLocalDate, 'a local date YYYY-MM-DD');
export const Query = z.object({ from: date, to: date, by: z.enum(['agency', 'procedure']).default('agency') });

/** Read dossiers not already in hand, a few at a time. */
async function fetchDossiers(codes: string[], into: Map<string, Dossier>): Promise<void> {
  const queue = codes.filter((c) => !into.has(c));
  await Promise.all(
    Array.from({ length: Math.min(8, queue.length) }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const d = await getDossier(c, false);
        if (d) into.set(c, d);
      }
    }),
  );
}

/**
 * GET /reports/timeliness?from=&to=&by=agency|procedure (operators): steps assigned and dossiers
 * received between two local dates (both included, at most 366 days), read from the logbook
 * index month by month for every agency of the catalogue, and counted by functions/core/records.ts.
 */
export const handler = apiHandler('GET /reports/timeliness', async (event) => {
  const q = parse(Query, event.queryStringParameters ?? {}, 'query');
  if (q.from > q.to) throw badRequest('`from` is after `to`', [{ field: 'to', message: 'Must be on or after from' }]);
  if (daysInclusive(q.from, q.to) > MAX_DAYS) {
    throw badRequest(`At most ${MAX_DAYS} days`, [{ field: 'to', message: `At most ${MAX_DAYS} days after from` }]);
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
      const d = item as unknown as Dossier;
      received.push(d);
      dossiers.set(d.code, d);
    }
  }
  await fetchDossiers([...new Set(steps.map((s) => s.code))], dossiers);

  // one dossier whose facts cannot be computed is left out and named, never a 500 for everybody
  const cal = await workingCalendar();
  const skipped: Skipped[] = [];
  for (const d of dossiers.values()) {
    const problem = factsProblem(cal, d, steps.filter((s) => s.code === d.code));
    if (problem) skipped.push({ code: d.code, reason: problem });
  }
  const bad = new Set(skipped.map((s) => s.code));
  const report = timelinessReport(cal, {
    by: q.by,
    steps: steps.filter((s) => dossiers.has(s.code) && !bad.has(s.code)).map((step) => ({ step, dossier: dossiers.get(step.code)! })),
    dossiers: received.filter((d) => !bad.has(d.code)),
    now: now(),
    groups: q.by === 'agency' ? agencies.map((a) => ({ key: a.code, name: a.name })) : undefined,
  });
  return json(200, { from: q.from, to: q.to, by: q.by, ...report, skipped: reportSkipped('timeliness-report', skipped) });
});
