import * as z from 'zod';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { opsId, type OutboxItem } from '../commons/outbox';
import { queryIndex } from '../commons/store';
import { toLocalIso } from '../core/local-time';

export const Query = z.object({ state: z.enum(['pending', 'parked'], { error: 'state=pending or parked' }).default('parked') });

export const SyncEvent = z.object({
  id: z.string().meta({ description: '<dossier code>.<sequence>: POST /ops/sync/{id}/retry' }),
  code: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  at: z.string(),
  status: z.number().int(),
  state: z.enum(['pending', 'parked']),
  attempts: z.number().int(),
  nextAt: z.string().optional(),
  error: z.string().optional(),
  recordedAt: z.string(),
});
export const SyncList = z.object({ state: z.enum(['pending', 'parked']), events: z.array(SyncEvent) });

/**
 * GET /ops/sync?state=parked|pending (operators): the national portal's sync — events parked
 * after their retries (with the portal's last answer) or still waiting, oldest first. Codes,
 * kinds, statuses and errors only: no personal data (docs/national-portal.md). Instants in local time.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/ops/sync',
  summary: "Events not yet accepted by the National Public Service Portal (parked or pending)",
  operationId: 'listSync',
  roles: ['operator'],
  access: { table: 'read' },
  query: Query,
  responses: { 200: SyncList },
  errors: OFFICER_ERRORS,
  handler: async ({ query: { state } }) => {
    const items = (await queryIndex(`SYNC#${state}`)) as unknown as (OutboxItem & { PK: string })[];
    const events = items
      .filter((i) => i.portalState === state)
      .map((i) => {
        const code = String(i.PK).slice('DOSSIER#'.length);
        return {
          id: opsId(code, i.seq), code, seq: i.seq, kind: i.event.kind, at: toLocalIso(i.event.at), status: i.event.status, state, attempts: i.portalAttempts,
          ...(i.portalNextAt ? { nextAt: toLocalIso(i.portalNextAt) } : {}), ...(i.portalError ? { error: i.portalError } : {}), recordedAt: toLocalIso(i.recordedAt),
        };
      });
    return reply(200, { state, events });
  },
});
