import * as z from 'zod';
import { actsFor } from '../commons/access';
import { now } from '../commons/clock';
import { badRequest, forbidden } from '../commons/http';
import { once } from '../commons/idempotency';
import { agencyCode as agencyCodeSchema } from '../commons/params';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { createSubscription, urlProblem } from '../commons/webhooks';

const Path = z.object({ agencyCode: agencyCodeSchema });
const KINDS = ['step-assigned', 'step-decided', 'supplement-asked', 'supplement-answered', 'apology', 'refused', 'withdrawn'] as const;
export const WebhookBody = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'an https URL' }).max(2000),
    events: z.array(z.enum(KINDS)).max(KINDS.length).optional().meta({ description: 'Event kinds wanted; absent: all of the agency’s steps’ events' }),
  })
  .strict();
export const WebhookCreated = z.object({
  id: z.string(),
  agency: z.string(),
  url: z.string(),
  events: z.array(z.string()).optional(),
  secret: z.string().meta({ description: 'The signing secret (whsec_…): shown this once, keep it' }),
});

/**
 * POST /agencies/{agencyCode}/webhooks (the agency's officers, or its system with
 * motcua/tasks.read): subscribe a URL to the events of the agency's steps. Answers the
 * subscription's id and its signing secret, once. Deliveries are signed as Standard Webhooks sign
 * (docs/outbox.md, Webhooks) and carry no personal data. The URL is https and not a private,
 * loopback or metadata address (checked again at each delivery); locally a loopback receiver is
 * allowed so that tests can run one.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/agencies/{agencyCode}/webhooks',
  summary: "Subscribe an agency's system to the events of its steps",
  operationId: 'createWebhook',
  roles: ['agency'],
  scopes: ['motcua/tasks.read'],
  access: { table: 'read-write' },
  params: Path,
  body: WebhookBody,
  responses: { 201: WebhookCreated },
  errors: [...OFFICER_ERRORS, 400],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { agencyCode }, body }) => {
    if (!actsFor(caller, agencyCode)) throw forbidden(`Only ${agencyCode} subscribes its own system`);
    const problem = await urlProblem(body.url);
    if (problem) throw badRequest('Invalid webhook URL', [{ field: 'url', message: problem }]);
    const sub = await createSubscription(agencyCode, body.url, body.events, caller.sub, now());
    return reply(201, { id: sub.id, agency: sub.agency, url: sub.url, ...(sub.events ? { events: sub.events } : {}), secret: sub.secret });
  },
});
