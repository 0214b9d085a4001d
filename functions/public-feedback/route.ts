import { once } from '../commons/idempotency';
import { now } from '../commons/clock';
import { admitFeedbackClient, receiveFeedback, requestOf } from '../commons/feedback-store';
import { defineRoute, reply, IDEMPOTENCY_HEADER } from '../commons/route';
import { citizenOf, citizenRef } from '../commons/citizen-session';
import { FeedbackReceived, PublicFeedbackBody } from '../contracts/feedback';
import { toLocalIso } from '../core/local-time';

/**
 * POST /public/feedback: a citizen's feedback or petition, anonymous or with a name and an email
 * (the receipt, then the answer, go there). A signed-in citizen's session, if sent, is attached by
 * reference. Limited per client (429). Answers the item's code and when it will be answered.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/public/feedback',
  summary: 'Citizen: send feedback or a petition (anonymous allowed); answers its code',
  operationId: 'publicSendFeedback',
  roles: ['public'],
  access: { table: 'read-write', emailQueue: true },
  body: PublicFeedbackBody,
  responses: { 201: FeedbackReceived },
  errors: [429],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ event, body }) => {
    await admitFeedbackClient(event, now().getTime());
    // a session is optional here: a citizen signed in is attached by reference, never by ID number
    const citizen = event.headers?.authorization ? await citizenOf(event).catch(() => undefined) : undefined;
    const item = await receiveFeedback(
      { ...body, channel: 'web', ...(citizen ? { citizenRef: citizenRef(citizen), name: body.name ?? citizen.name, email: body.email ?? citizen.email } : {}) },
      'public',
      requestOf(event, 'public'),
    );
    return reply(201, { code: item.code, dueAt: toLocalIso(item.dueAt) });
  },
});
