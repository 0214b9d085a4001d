import { now } from '../commons/clock';
import { once } from '../commons/idempotency';
import { feedbackFor, feedbackKeys, feedbackView, getFeedback } from '../commons/feedback-store';
import { badRequest, conflict } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { updateIf } from '../commons/store';
import { FeedbackPath, FeedbackView, MergeBody } from '../contracts/feedback';
import type { Feedback } from '../core/feedback';

/** The item merged into lists the duplicate, while it is still open (one conditional write; again: nothing). */
async function listOn(into: string, code: string, target: Feedback): Promise<boolean> {
  if (target.merged?.includes(code)) return true;
  return !!(await updateIf({
    Key: feedbackKeys.item(into),
    UpdateExpression: 'SET merged = list_append(if_not_exists(merged, :none), :c)',
    ConditionExpression: '#status IN (:received, :assigned)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':none': [], ':c': [code], ':received': 'received', ':assigned': 'assigned' },
  }));
}

/**
 * POST /feedback/{code}/merge { into }: the item duplicates another; it is closed as `merged` and the
 * other's answer goes to its submitter too (functions/answer-feedback). Two conditional writes (the
 * duplicate closed, then listed on the other; undone if the other was answered meanwhile); a retry
 * after a crash between them finishes the second.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/feedback/{code}/merge',
  summary: 'Desk: merge a duplicate feedback item into another (its answer is sent to both submitters)',
  operationId: 'mergeFeedback',
  roles: ['desk', 'operator'],
  access: { table: 'read-write' },
  params: FeedbackPath,
  body: MergeBody,
  responses: { 200: FeedbackView },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code }, body: { into } }) => {
    if (into === code) throw badRequest('An item is not merged into itself', [{ field: 'into', message: "another item's code" }]);
    const f = await feedbackFor(caller, code);
    const target = await getFeedback(into);
    if (!target) throw badRequest('No such feedback', [{ field: 'into', message: `No feedback ${into}` }]);
    if (f.status === 'merged' && f.mergedInto === into) {
      await listOn(into, code, target); // a retry after a crash between the two writes
      return reply(200, feedbackView(f, now()));
    }
    if (f.status === 'merged' || f.status === 'answered') throw conflict(`Feedback ${code} is already ${f.status}`);
    if (target.status === 'merged' || target.status === 'answered') throw conflict(`Feedback ${into} is already ${target.status}: merge into an open item`);
    const closed = await updateIf({
      Key: feedbackKeys.item(code),
      UpdateExpression: 'SET #status = :merged, mergedInto = :into REMOVE GSI2PK, GSI2SK',
      ConditionExpression: '#status = :seen',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':merged': 'merged', ':into': into, ':seen': f.status },
    });
    if (!closed) throw conflict(`Feedback ${code} changed meanwhile: read it again`);
    if (!(await listOn(into, code, target))) {
      // the other was answered or merged meanwhile: the duplicate is open again, as it was
      await updateIf({
        Key: feedbackKeys.item(code),
        UpdateExpression: `SET #status = :seen${f.assignedTo ? ', GSI2PK = :g2pk, GSI2SK = :g2sk' : ''} REMOVE mergedInto`,
        ConditionExpression: '#status = :merged AND mergedInto = :into',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':seen': f.status,
          ':merged': 'merged',
          ':into': into,
          ...(f.assignedTo ? { ':g2pk': `FEEDBACK#${f.assignedTo}`, ':g2sk': `${f.receivedAt}#${code}` } : {}),
        },
      });
      throw conflict(`Feedback ${into} changed meanwhile: merge into an open item`);
    }
    logger.info('feedback merged', { feedbackCode: code, into });
    return reply(200, feedbackView((await getFeedback(code))!, now()));
  },
});
