import * as z from 'zod';
import { actsFor } from '../commons/access';
import { forbidden, notFound } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { deleteSubscription, getSubscription } from '../commons/webhooks';
import { WebhookPath } from '../contracts/webhooks';

export const WebhookDeleted = z.object({ id: z.string(), deleted: z.literal(true) });

/**
 * DELETE /agencies/{agencyCode}/webhooks/{id} (the agency's officers or its system): unsubscribe.
 * Nothing more is sent to it; its delivery log expires on its own (30 days). 404 once gone.
 */
export const route = defineRoute({
  method: 'DELETE',
  path: '/agencies/{agencyCode}/webhooks/{id}',
  summary: 'Delete a webhook subscription',
  operationId: 'deleteWebhook',
  roles: ['agency'],
  scopes: ['motcua/tasks.read'],
  access: { table: ['Query', 'DeleteItem'] },
  params: WebhookPath,
  responses: { 200: WebhookDeleted },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ caller, params: { agencyCode, id } }) => {
    if (!actsFor(caller, agencyCode)) throw forbidden(`Only ${agencyCode} deletes its webhooks`);
    if (!(await getSubscription(agencyCode, id))) throw notFound(`No webhook ${id} for ${agencyCode}`);
    await deleteSubscription(agencyCode, id);
    logger.info('webhook deleted', { agency: agencyCode, webhookId: id });
    return reply(200, { id, deleted: true as const });
  },
});
