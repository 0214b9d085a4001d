import * as z from 'zod';
import { now } from '../commons/clock';
import { branchParam, checkPeriod, localDateParam, readPeriod } from '../commons/report-period';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { timelinessReport } from '../core/records';
import { reportSkipped, type Skipped } from '../commons/skipped';
import { TimelinessReport } from '../contracts/responses';

export const Query = z.object({ from: localDateParam, to: localDateParam, by: z.enum(['agency', 'procedure']).default('agency'), branch: branchParam });

/**
 * GET /reports/timeliness?from=&to=&by=agency|procedure (operators): steps assigned and dossiers
 * received between two local dates (both included, at most 366 days), read from the logbook
 * index month by month for every agency of the catalogue, and counted by functions/core/records.ts.
 * `branch=<code>`: only the dossiers received at that desk (a branch, or the main desk's code).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/reports/timeliness',
  summary: 'Early / on time / late over a period',
  operationId: 'getTimelinessReport',
  roles: ['operator'],
  access: { table: 'read' },
  timeoutSeconds: 29,
  query: Query,
  responses: { 200: TimelinessReport },
  errors: OFFICER_ERRORS,
  handler: async ({ query: q }) => {
    checkPeriod(q.from, q.to);
    const { agencies, cal, dossiers, received, steps, problems } = await readPeriod(q.from, q.to, q.branch);
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
    return reply(200, { from: q.from, to: q.to, by: q.by, ...report, skipped: reportSkipped('timeliness-report', skipped) });
  },
});
