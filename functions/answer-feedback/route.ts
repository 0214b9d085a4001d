import { agenciesOf } from '../commons/access';
import { now } from '../commons/clock';
import { once } from '../commons/idempotency';
import { feedbackFor, feedbackKeys, feedbackView, getFeedback, queueLetter } from '../commons/feedback-store';
import { conflict, forbidden } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { updateIf } from '../commons/store';
import { AnswerBody, FeedbackPath, FeedbackView } from '../contracts/feedback';
import { FEEDBACK_ANSWERED } from '../core/email/feedback-letter';

/**
 * POST /feedback/{code}/answer { text }: the officers of the agency it is assigned to, or the desk,
 * answer once; the answer goes to the citizen by email (and to the submitters of the items merged
 * into it). Another agency is told nothing (404); an operator does not answer (403).
 */
export const route = defineRoute({
  method: 'POST',
  path: '/feedback/{code}/answer',
  summary: "The assigned agency (or the desk): answer a feedback item; the answer is emailed to the citizen",
  operationId: 'answerFeedback',
  roles: ['agency', 'desk'],
  access: { table: 'read-write', emailQueue: true },
  params: FeedbackPath,
  body: AnswerBody,
  responses: { 200: FeedbackView },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code }, body }) => {
    const f = await feedbackFor(caller, code);
    const desk = caller.groups.includes('desk');
    const ofAgency = !!f.assignedTo && agenciesOf(caller).includes(f.assignedTo);
    if (!desk && !ofAgency) throw forbidden(`Only the officers of ${f.assignedTo ?? 'the assigned agency'} or the desk answer ${code}`);
    if (f.status === 'answered') throw conflict(`Feedback ${code} is already answered`);
    if (f.status === 'merged') throw conflict(`Feedback ${code} was merged into ${f.mergedInto}: answer that one`);
    const answer = { text: body.text, at: now().toISOString(), by: caller.sub, ...(ofAgency ? { agency: f.assignedTo } : {}) };
    const written = await updateIf({
      Key: feedbackKeys.item(code),
      UpdateExpression: 'SET #status = :answered, answer = :a',
      ConditionExpression: '#status IN (:received, :assigned) AND attribute_not_exists(answer)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':answered': 'answered', ':a': answer, ':received': 'received', ':assigned': 'assigned' },
    });
    if (!written) throw conflict(`Feedback ${code} changed meanwhile: read it again`);
    if (f.email) await queueLetter(code, FEEDBACK_ANSWERED);
    // the duplicates merged into it get the same answer
    for (const other of f.merged ?? []) {
      const done = await updateIf({
        Key: feedbackKeys.item(other),
        UpdateExpression: 'SET answer = :a',
        ConditionExpression: 'attribute_not_exists(answer)',
        ExpressionAttributeValues: { ':a': answer },
      });
      const dup = await getFeedback(other);
      if ((done || dup?.answer) && dup?.email) await queueLetter(other, FEEDBACK_ANSWERED);
    }
    logger.info('feedback answered', { feedbackCode: code, merged: (f.merged ?? []).length });
    return reply(200, feedbackView((await getFeedback(code))!, now()));
  },
});
