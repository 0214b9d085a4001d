import * as z from 'zod';
import { actsFor } from '../commons/access';
import { forbidden } from '../commons/http';
import { agencyCode as agencyCodeSchema } from '../commons/params';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { listSubscriptions } from '../commons/webhooks';
import { WebhookView, webhookView } from '../contracts/webhooks';

const Path = z.object({ agencyCode: agencyCodeSchema });
export const WebhookList = z.object({ agency: z.string(), webhooks: z.array(WebhookView) });

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
