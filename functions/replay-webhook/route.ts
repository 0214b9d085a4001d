import * as z from 'zod';
import { actsFor } from '../commons/access';
import { forbidden, notFound } from '../commons/http';
import { once } from '../commons/idempotency';
import { listOutbox, parseOpsId } from '../commons/outbox';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { getSubscription, replayEvent } from '../commons/webhooks';
import { WebhookPath } from '../contracts/webhooks';

export const ReplayBody = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{2,12}-\d{6}-\d{4,}$/, 'a dossier code'),
    seq: z.number().int().min(1).max(999_999).meta({ description: "The event's number in the dossier's order (the delivery log's seq)" }),
  })
  .strict();
export const Replayed = z.object({ id: z.string(), eventId: z.string(), state: z.literal('pending') });

/**
 * POST /agencies/{agencyCode}/webhooks/{id}/replay {"code","seq"} (the agency's officers or its
 * system): send one event of the delivery log to the subscription again (a receiver that lost it,
 * or an event that failed before the subscription was re-enabled). Same `webhook-id` as before.
 * Only events of the agency's own steps: another's is 404, as if it did not exist.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/agencies/{agencyCode}/webhooks/{id}/replay',
  summary: 'Send an event to a webhook subscription again',
  operationId: 'replayWebhook',
  roles: ['agency'],
  scopes: ['motcua/tasks.read'],
  access: { table: 'read-write' },
  params: WebhookPath,
  body: ReplayBody,
  responses: { 202: Replayed },
  errors: [...OFFICER_ERRORS, 404],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { agencyCode, id }, body: { code, seq } }) => {
    if (!actsFor(caller, agencyCode)) throw forbidden(`Only ${agencyCode} replays its webhooks`);
    const sub = await getSubscription(agencyCode, id);
    if (!sub) throw notFound(`No webhook ${id} for ${agencyCode}`);
    const item = parseOpsId(`${code}.${seq}`) && (await listOutbox(code)).find((e) => e.seq === seq);
    if (!item || item.event.agency !== agencyCode) throw notFound(`No event ${code}.${seq} of ${agencyCode}'s steps`);
    if (!(await replayEvent(sub.id, code, item.event.id))) throw notFound(`No event ${code}.${seq}`);
    logger.info('webhook event replayed', { agency: agencyCode, webhookId: id, dossierCode: code, seq });
    return reply(202, { id, eventId: item.event.id, state: 'pending' as const });
  },
});
