import * as z from 'zod';
import { actsFor } from '../commons/access';
import { forbidden, notFound } from '../commons/http';
import { agencyCode as agencyCodeSchema } from '../commons/params';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { listDeliveries, listSubscriptions } from '../commons/webhooks';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ agencyCode: agencyCodeSchema, id: z.uuid({ error: 'a subscription id (a UUID)' }) });
export const WebhookDeliveries = z.object({
  id: z.string(),
  url: z.string(),
  deliveries: z.array(
    z.object({ at: z.string(), eventId: z.string(), code: z.string(), seq: z.number().int(), kind: z.string(), attempt: z.number().int(), ok: z.boolean(), httpStatus: z.number().int().optional(), error: z.string().optional() }),
  ),
});

/**
 * GET /agencies/{agencyCode}/webhooks/{id}/deliveries (the agency's officers or its system): the
 * subscription's delivery log, newest first (30 days): each attempt, its answer or error.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/agencies/{agencyCode}/webhooks/{id}/deliveries',
  summary: "A webhook subscription's delivery log",
  operationId: 'listWebhookDeliveries',
  roles: ['agency'],
  scopes: ['motcua/tasks.read'],
  access: { table: 'read' },
  params: Path,
  responses: { 200: WebhookDeliveries },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ caller, params: { agencyCode, id } }) => {
    if (!actsFor(caller, agencyCode)) throw forbidden(`Only ${agencyCode} reads its webhooks`);
    const sub = (await listSubscriptions(agencyCode)).find((s) => s.id === id);
    if (!sub) throw notFound(`No webhook ${id} for ${agencyCode}`);
    const deliveries = (await listDeliveries(agencyCode, id)).map((d) => ({ ...d, at: toLocalIso(d.at) }));
    return reply(200, { id, url: sub.url, deliveries });
  },
});
