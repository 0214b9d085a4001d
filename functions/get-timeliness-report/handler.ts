import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { now } from '../commons/clock';
import { json, parse } from '../commons/http';
import { checkPeriod, localDateParam, MAX_DAYS, readPeriod } from '../commons/report-period';
import { timelinessReport } from '../core/records';
import { reportSkipped, type Skipped } from '../commons/skipped';

export const Query = z.object({ from: localDateParam, to: localDateParam, by: z.enum(['agency', 'procedure']).default('agency') });

/**
 * GET /reports/timeliness?from=&to=&by=agency|procedure (operators): steps assigned and dossiers
 * received between two local dates (both included, at most 366 days), read from the logbook
 * index month by month for every agency of the catalogue, and counted by functions/core/records.ts.
 */
export const handler = apiHandler('GET /reports/timeliness', async (event) => {
  const q = parse(Query, event.queryStringParameters ?? {}, 'query');
  checkPeriod(q.from, q.to);
  const { agencies, cal, dossiers, received, steps, problems } = await readPeriod(q.from, q.to);
  // one dossier whose facts cannot be computed is left out and named, never a 500 for everybody
  const skipped: Skipped[] = problems;
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
