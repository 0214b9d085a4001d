import { PutCommand } from '../commons/aws/dynamodb';
import { documentClient, tableName } from '../commons/aws';
import { now } from '../commons/clock';
import { once } from '../commons/idempotency';
import { agencyNames, feedbackKeys, feedbackView, getFeedback, PUBLISHED_FEEDBACK, type PublishedFeedback } from '../commons/feedback-store';
import { conflict, notFound } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, IDEMPOTENCY_HEADER, OFFICER_ERRORS } from '../commons/route';
import { updateIf } from '../commons/store';
import { FeedbackPath, FeedbackView, PublishBody } from '../contracts/feedback';
import { anonymise } from '../core/feedback';

/**
 * POST /feedback/{code}/publish { question?, answer? }: an operator publishes an answered item on
 * the public page (GET /public/feedback). What is published is a copy of its own (FEEDBACK#<code> /
 * PUBLISHED) anonymised: the submitter's name, emails, phone numbers, ID numbers and dossier codes are
 * taken out, of the operator's wording too. Publishing again replaces the copy.
 */
export const route = defineRoute({
  method: 'POST',
  path: '/feedback/{code}/publish',
  summary: 'Operator: publish an answered feedback item (question and answer, anonymised) on the public page',
  operationId: 'publishFeedback',
  roles: ['operator'],
  access: { table: 'read-write' },
  params: FeedbackPath,
  body: PublishBody,
  responses: { 200: FeedbackView },
  errors: [...OFFICER_ERRORS, 404, 409],
  headers: [IDEMPOTENCY_HEADER],
  idempotency: once,
  handler: async ({ caller, params: { code }, body }) => {
    const f = await getFeedback(code);
    if (!f) throw notFound(`No feedback ${code}`);
    if (!f.answer || f.status !== 'answered') throw conflict(`Feedback ${code} is not answered yet: only an answer is published`);
    const names = f.name ? [f.name] : [];
    const at = now().toISOString();
    const published: PublishedFeedback = {
      code,
      kind: f.kind,
      question: anonymise(body.question ?? f.text, names),
      answer: anonymise(body.answer ?? f.answer.text, names),
      ...(f.answer.agency ? { agency: (await agencyNames()).get(f.answer.agency) } : {}),
      answeredAt: f.answer.at,
      publishedAt: at,
    };
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...feedbackKeys.published(code), ...published, GSI1PK: PUBLISHED_FEEDBACK, GSI1SK: `${at}#${code}` } }),
    );
    await updateIf({ Key: feedbackKeys.item(code), UpdateExpression: 'SET published = :p', ExpressionAttributeValues: { ':p': { at, by: caller.sub } } });
    logger.info('feedback published', { feedbackCode: code });
    return reply(200, feedbackView((await getFeedback(code))!, now()));
  },
});
