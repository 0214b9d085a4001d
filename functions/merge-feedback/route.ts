import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../commons/aws';
import { now } from '../commons/clock';
import { once } from '../commons/idempotency';
import { feedbackFor, feedbackKeys, feedbackView, getFeedback } from '../commons/feedback-store';
import { badRequest, conflict } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { isConditionFailed } from '../commons/store';
import { FeedbackPath, FeedbackView, MergeBody } from '../contracts/feedback';

/**
 * POST /feedback/{code}/merge { into }: the item duplicates another; it is closed as `merged` and the
 * other's answer goes to its submitter too (functions/answer-feedback). One transaction: both or neither.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/feedback/{code}/merge',
  summary: 'Desk: merge a duplicate feedback item into another (its answer is sent to both submitters)',
  operationId: 'mergeFeedback',
  roles: ['desk', 'operator'],
  access: { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems'] },
  params: FeedbackPath,
  body: MergeBody,
  responses: { 200: FeedbackView },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code }, body: { into } }) => {
    if (into === code) throw badRequest('An item is not merged into itself', [{ field: 'into', message: 'another item\'s code' }]);
    const f = await feedbackFor(caller, code);
    if (f.status === 'merged' && f.mergedInto === into) return reply(200, feedbackView(f, now()));
    if (f.status === 'merged' || f.status === 'answered') throw conflict(`Feedback ${code} is already ${f.status}`);
    const target = await getFeedback(into);
    if (!target) throw badRequest('No such feedback', [{ field: 'into', message: `No feedback ${into}` }]);
    if (target.status === 'merged' || target.status === 'answered') throw conflict(`Feedback ${into} is already ${target.status}: merge into an open item`);
    try {
      await documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: feedbackKeys.item(code),
                UpdateExpression: 'SET #status = :merged, mergedInto = :into REMOVE GSI2PK, GSI2SK',
                ConditionExpression: '#status = :seen',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':merged': 'merged', ':into': into, ':seen': f.status },
              },
            },
            {
              Update: {
                TableName: tableName(),
                Key: feedbackKeys.item(into),
                UpdateExpression: 'SET merged = list_append(if_not_exists(merged, :none), :c)',
                ConditionExpression: '#status IN (:received, :assigned)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':none': [], ':c': [code], ':received': 'received', ':assigned': 'assigned' },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailed(error) || (error as Error).name === 'TransactionCanceledException') throw conflict('One of the items changed meanwhile: read them again');
      throw error;
    }
    logger.info('feedback merged', { feedbackCode: code, into });
    return reply(200, feedbackView((await getFeedback(code))!, now()));
  },
});
