import * as z from 'zod';
import { badRequest } from '../commons/http';
import { once } from '../commons/idempotency';
import { relay } from '../commons/outbox';
import { logger } from '../commons/powertools';
import { readPeriod } from '../commons/report-period';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { queryOpen } from '../commons/open-index';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const BackfillBody = z
  .object({
    from: day.optional().meta({ description: 'With `to`: the dossiers received in this period (local days), open or closed' }),
    to: day.optional(),
  })
  .strict();
export const Backfilled = z.object({
  scope: z.enum(['open', 'period']),
  dossiers: z.number().int().meta({ description: 'Dossiers relayed' }),
  recorded: z.number().int().meta({ description: 'Events recorded now (0 on a second run: each event is recorded once)' }),
});

/** At most a month a call: each dossier is one partition read and its new events' writes. */
const MAX_DAYS = 31;

/**
 * POST /ops/sync/backfill (operators): record the outbox events of dossiers received before the
 * sync was deployed (docs/outbox.md, Backfill) — without a period, every open dossier; with
 * `from`/`to`, the dossiers received in that period, open or closed (a month at a time). Each
 * dossier's events are derived from its facts and recorded once (a second run records nothing);
 * the sender then sends them in order, as for any other (on AWS the 2-minute schedule picks them
 * up; locally the poller).
 */
export const route = defineRoute({
  method: 'POST',
  path: '/ops/sync/backfill',
  summary: 'Record the sync events of dossiers received before the sync was deployed',
  operationId: 'backfillSync',
  roles: ['operator'],
  // relay() records events pending only when the centre is connected (NATIONAL_PORTAL)
  access: { table: 'read-write', nationalPortalSecret: true },
  timeoutSeconds: 29,
  body: BackfillBody,
  responses: { 200: Backfilled },
  errors: OFFICER_ERRORS,
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ body: { from, to } }) => {
    if (!!from !== !!to) throw badRequest('A period needs both ends', [{ field: from ? 'to' : 'from', message: 'from and to go together' }]);
    if (from && to && (to < from || (Date.parse(to) - Date.parse(from)) / 86400_000 >= MAX_DAYS)) {
      throw badRequest('Period', [{ field: 'to', message: `on or after from, at most ${MAX_DAYS} days` }]);
    }
    const codes = from && to
      ? [...new Set((await readPeriod(from, to)).received.map((d) => d.code))]
      : [...new Set((await queryOpen()).map((i) => String(i.PK).slice('DOSSIER#'.length)))];
    let recorded = 0;
    for (const code of codes.sort()) recorded += await relay(code, undefined, { backfill: true });
    logger.info('sync backfill', { scope: from ? 'period' : 'open', dossiers: codes.length, recorded });
    return reply(200, { scope: from ? ('period' as const) : ('open' as const), dossiers: codes.length, recorded });
  },
});
