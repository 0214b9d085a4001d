import { once } from '../commons/idempotency';
import { agencyNames, receiveFeedback, requestOf } from '../commons/feedback-store';
import { badRequest } from '../commons/http';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { FeedbackReceived, OfficerFeedbackBody } from '../contracts/feedback';
import { toLocalIso } from '../core/local-time';

/**
 * POST /feedback: the desk (or an operator) enters what came by hotline, Zalo, email, letter or in
 * person; it may be assigned at once (`assignTo`). The receipt goes by email when one is given.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/feedback',
  summary: 'Desk: enter feedback received by hotline, Zalo, email, letter or in person',
  operationId: 'createFeedback',
  roles: ['desk', 'operator'],
  access: { table: 'read-write', emailQueue: true },
  body: OfficerFeedbackBody,
  responses: { 201: FeedbackReceived },
  errors: OFFICER_ERRORS,
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ event, caller, body }) => {
    if (body.assignTo && !(await agencyNames()).has(body.assignTo)) {
      throw badRequest('No such agency', [{ field: 'assignTo', message: `Unknown agency ${body.assignTo}` }]);
    }
    const item = await receiveFeedback(body, caller.sub, requestOf(event, caller.sub));
    return reply(201, { code: item.code, dueAt: toLocalIso(item.dueAt) });
  },
});
