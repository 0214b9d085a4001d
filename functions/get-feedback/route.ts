import { now } from '../commons/clock';
import { feedbackFor, feedbackView } from '../commons/feedback-store';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { FeedbackPath, FeedbackView } from '../contracts/feedback';

/** GET /feedback/{code}: the desk and operators, or the officers of the agency it is assigned to (404 to others). */
export const route = defineRoute({
  method: 'GET',
  path: '/feedback/{code}',
  summary: 'A feedback item, with its assignments and answer',
  operationId: 'getFeedback',
  roles: ['desk', 'operator', 'agency'],
  access: { table: 'read' },
  params: FeedbackPath,
  responses: { 200: FeedbackView },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ caller, params: { code } }) => reply(200, feedbackView(await feedbackFor(caller, code), now())),
});
