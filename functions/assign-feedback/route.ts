import { now } from '../commons/clock';
import { once } from '../commons/idempotency';
import { agencyFeedback, agencyNames, feedbackFor, feedbackKeys, feedbackView, getFeedback } from '../commons/feedback-store';
import { badRequest, conflict } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { updateIf } from '../commons/store';
import { AssignBody, FeedbackPath, FeedbackView } from '../contracts/feedback';

/**
 * POST /feedback/{code}/assign { agency, reason?, kind? }: the desk gives the item to the agency that
 * must answer it, classifying it on the way; giving it to another agency than the one it has needs a
 * reason (kept in `assignments`). The same agency again changes nothing. Not once answered or merged.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/feedback/{code}/assign',
  summary: 'Desk: assign (or reassign, with a reason) a feedback item to the agency that must answer it; classify it',
  operationId: 'assignFeedback',
  roles: ['desk', 'operator'],
  access: { table: 'read-write' },
  params: FeedbackPath,
  body: AssignBody,
  responses: { 200: FeedbackView },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code }, body }) => {
    const f = await feedbackFor(caller, code);
    if (f.status === 'answered' || f.status === 'merged') throw conflict(`Feedback ${code} is already ${f.status}`);
    if (!(await agencyNames()).has(body.agency)) throw badRequest('No such agency', [{ field: 'agency', message: `Unknown agency ${body.agency}` }]);
    const reassigning = !!f.assignedTo && f.assignedTo !== body.agency;
    if (reassigning && !body.reason) throw badRequest('A reassignment needs a reason', [{ field: 'reason', message: `assigned to ${f.assignedTo}: say why it goes to ${body.agency}` }]);
    if (f.assignedTo === body.agency && (!body.kind || body.kind === f.kind)) return reply(200, feedbackView(f, now()));
    const at = now().toISOString();
    const assignment = { at, by: caller.sub, agency: body.agency, ...(body.reason ? { reason: body.reason } : {}) };
    const written = await updateIf({
      Key: feedbackKeys.item(code),
      UpdateExpression: 'SET #status = :assigned, assignedTo = :agency, kind = :kind, assignments = list_append(if_not_exists(assignments, :none), :a), GSI2PK = :g2pk, GSI2SK = :g2sk',
      ConditionExpression: f.assignedTo ? '#status = :seen AND assignedTo = :was' : '#status = :seen AND attribute_not_exists(assignedTo)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':assigned': 'assigned',
        ':agency': body.agency,
        ':kind': body.kind ?? f.kind,
        ':none': [],
        ':a': f.assignedTo === body.agency ? [] : [assignment],
        ':g2pk': agencyFeedback(body.agency),
        ':g2sk': `${f.receivedAt}#${code}`,
        ':seen': f.status,
        ...(f.assignedTo ? { ':was': f.assignedTo } : {}),
      },
    });
    if (!written) throw conflict(`Feedback ${code} changed meanwhile: read it again`);
    logger.info('feedback assigned', { feedbackCode: code, agency: body.agency, reassigned: reassigning });
    return reply(200, feedbackView((await getFeedback(code))!, now()));
  },
});
