import * as z from 'zod';
import { now } from '../commons/clock';
import { periodBucket } from '../commons/aggregates';
import { branchParam, checkPeriod, localDateParam } from '../commons/report-period';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { cachedAgencies } from '../commons/store';
import { reportFromBucket, skippedOf } from '../core/aggregates';
import { reportSkipped, type Skipped } from '../commons/skipped';
import { TimelinessReport } from '../contracts/responses';

export const Query = z.object({ from: localDateParam, to: localDateParam, by: z.enum(['agency', 'procedure']).default('agency'), branch: branchParam });

/**
 * GET /reports/timeliness?from=&to=&by=agency|procedure (operators): steps assigned and dossiers
 * received between two local dates (both included, at most 366 days), every agency of the
 * catalogue, counted as functions/core/records.ts counts them — added up from the day aggregates
 * (functions/commons/aggregates.ts: one item a day; a day whose facts changed since, recomputed
 * from that day's logbook). `branch=<code>`: only the dossiers received at that desk (a branch, or
 * the main desk's code).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/reports/timeliness',
  summary: 'Early / on time / late over a period',
  operationId: 'getTimelinessReport',
  roles: ['operator'],
  // reads the day aggregates in batches; stores the days it had to recompute (conditional UpdateItem)
  access: { table: ['GetItem', 'Query', 'BatchGetItem', 'UpdateItem'] },
  timeoutSeconds: 29,
  query: Query,
  responses: { 200: TimelinessReport },
  errors: OFFICER_ERRORS,
  handler: async ({ query: q }) => {
    checkPeriod(q.from, q.to);
    // the rows' names and the agencies' codes: the catalogue kept per instance (a minute), not 150 items a call
    const agencies = await cachedAgencies();
    const bucket = await periodBucket(q.from, q.to, agencies.map((a) => a.code));
    // one dossier whose facts cannot be computed is left out and named, never a 500 for everybody
    const skipped: Skipped[] = skippedOf(bucket, q.branch);
    const report = reportFromBucket(bucket, {
      by: q.by,
      branch: q.branch,
      now: now(),
      groups: q.by === 'agency' ? agencies.map((a) => ({ key: a.code, name: a.name })) : undefined,
    });
    return reply(200, { from: q.from, to: q.to, by: q.by, ...report, skipped: reportSkipped('timeliness-report', skipped) });
  },
});
