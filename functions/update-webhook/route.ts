import * as z from 'zod';
import { actsFor } from '../commons/access';
import { forbidden, notFound } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { setSubscriptionEnabled } from '../commons/webhooks';
import { WebhookPath, WebhookView, webhookView } from '../contracts/webhooks';

export const WebhookUpdate = z.object({ enabled: z.boolean({ error: 'true or false' }) }).strict();

/**
 * PATCH /agencies/{agencyCode}/webhooks/{id} {"enabled": true|false} (the agency's officers or its
 * system): re-enable a subscription disabled after persistent failure (the events recorded while
 * it was disabled then go out, in order), or pause it by hand.
 */
export const route = defineRoute({
  method: 'PATCH',
  path: '/agencies/{agencyCode}/webhooks/{id}',
  summary: 'Enable or disable a webhook subscription',
  operationId: 'updateWebhook',
  roles: ['agency'],
  scopes: ['motcua/tasks.read'],
  access: { table: ['Query', 'UpdateItem'] },
  params: WebhookPath,
  body: WebhookUpdate,
  responses: { 200: WebhookView },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ caller, params: { agencyCode, id }, body: { enabled } }) => {
    if (!actsFor(caller, agencyCode)) throw forbidden(`Only ${agencyCode} changes its webhooks`);
    const sub = await setSubscriptionEnabled(agencyCode, id, enabled, `disabled by ${caller.sub}`);
    if (!sub) throw notFound(`No webhook ${id} for ${agencyCode}`);
    logger.info('webhook state changed', { agency: agencyCode, webhookId: id, enabled });
    return reply(200, webhookView(sub));
  },
});
