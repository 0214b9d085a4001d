import * as z from 'zod';
import { actsFor } from '../commons/access';
import { forbidden } from '../commons/http';
import { agencyCode as agencyCodeSchema } from '../commons/params';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { listSubscriptions, type Subscription } from '../commons/webhooks';
import { WebhookView } from '../contracts/webhooks';
import { toLocalIso } from '../core/local-time';

const Path = z.object({ agencyCode: agencyCodeSchema });
export const WebhookList = z.object({ agency: z.string(), webhooks: z.array(WebhookView) });

/** What a subscription shows: everything but its secret. */
export const webhookView = (s: Subscription) => ({
  id: s.id,
  agency: s.agency,
  url: s.url,
  ...(s.events ? { events: s.events } : {}),
  state: s.disabledAt ? ('disabled' as const) : ('enabled' as const),
  ...(s.disabledAt ? { disabledAt: toLocalIso(s.disabledAt) } : {}),
  ...(s.disabledReason ? { disabledReason: s.disabledReason } : {}),
  createdAt: toLocalIso(s.createdAt),
});

/**
 * GET /agencies/{agencyCode}/webhooks (the agency's officers or its system): the agency's
 * subscriptions, enabled or disabled (and why) — never their signing secrets.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/agencies/{agencyCode}/webhooks',
  summary: "An agency's webhook subscriptions (without their secrets)",
  operationId: 'listWebhooks',
  roles: ['agency'],
  scopes: ['motcua/tasks.read'],
  access: { table: 'read' },
  params: Path,
  responses: { 200: WebhookList },
  errors: OFFICER_ERRORS,
  handler: async ({ caller, params: { agencyCode } }) => {
    if (!actsFor(caller, agencyCode)) throw forbidden(`Only ${agencyCode} reads its webhooks`);
    const subs = (await listSubscriptions(agencyCode)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return reply(200, { agency: agencyCode, webhooks: subs.map(webhookView) });
  },
});
