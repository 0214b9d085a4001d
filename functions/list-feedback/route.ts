import { agenciesOf } from '../commons/access';
import { now } from '../commons/clock';
import { ALL_FEEDBACK, feedbackOfAgency, feedbackSummary } from '../commons/feedback-store';
import { forbidden } from '../commons/http';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { queryAll } from '../commons/store';
import { FeedbackList, ListQuery } from '../contracts/feedback';
import { feedbackFlags, type Feedback } from '../core/feedback';

export const DEFAULT_PAGE = 50;

async function everything(): Promise<Feedback[]> {
  const items = await queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': ALL_FEEDBACK }, ScanIndexForward: false });
  return items as unknown as Feedback[];
}

/**
 * GET /feedback?status=&late=&warning=&agency=&kind=&channel=&limit=&cursor=: newest first. The desk
 * and operators see every item; an agency's officers the items assigned to their agency. The
 * filters apply to the whole list, then a page (`nextCursor` names where the next one starts).
 */
export const route = defineRoute({
  method: 'GET',
  path: '/feedback',
  summary: 'Feedback items, newest first, filtered (status, late, warning, agency, kind, channel), a page at a time',
  operationId: 'listFeedback',
  roles: ['desk', 'operator', 'agency'],
  access: { table: 'read' },
  query: ListQuery,
  responses: { 200: FeedbackList },
  errors: OFFICER_ERRORS,
  handler: async ({ caller, query }) => {
    const staff = caller.groups.includes('desk') || caller.groups.includes('operator');
    const mine = agenciesOf(caller);
    if (!staff && query.agency && !mine.includes(query.agency)) throw forbidden(`Only officers of ${query.agency} see its feedback`);
    const agencies = staff ? undefined : query.agency ? [query.agency] : mine;
    const all = agencies ? (await Promise.all(agencies.map(feedbackOfAgency))).flat() : await everything();
    const at = now();
    const key = (f: Feedback) => `${f.receivedAt}#${f.code}`;
    const wanted = all
      .filter((f) => (query.status ? f.status === query.status : true))
      .filter((f) => (query.agency ? f.assignedTo === query.agency : true))
      .filter((f) => (query.kind ? f.kind === query.kind : true))
      .filter((f) => (query.channel ? f.channel === query.channel : true))
      .filter((f) => (query.late === undefined ? true : feedbackFlags(f, at).late === query.late))
      .filter((f) => (query.warning === undefined ? true : feedbackFlags(f, at).warning === query.warning))
      .sort((a, b) => key(b).localeCompare(key(a)))
      .filter((f) => (query.cursor ? key(f) < query.cursor : true));
    const limit = query.limit ?? DEFAULT_PAGE;
    const page = wanted.slice(0, limit);
    const more = wanted.length > limit;
    return reply(200, { items: page.map((f) => feedbackSummary(f, at)), ...(more ? { nextCursor: Buffer.from(key(page.at(-1)!)).toString('base64url') } : {}) });
  },
});
