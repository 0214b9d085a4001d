import { listPublished } from '../commons/feedback-store';
import { defineRoute, reply } from '../commons/route';
import { PublicQuery, PublishedList } from '../contracts/feedback';
import { matches } from '../core/feedback';
import { toLocalIso } from '../core/local-time';

export const DEFAULT_PAGE = 50;

/**
 * GET /public/feedback?q=: the published questions and answers, newest first; `q` finds every word
 * in the question or the answer, with or without diacritics. Only the anonymised copies are read
 * (FEEDBACK#<code> / PUBLISHED): nothing here names anyone.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/public/feedback',
  summary: 'Citizen: the published answers to feedback, searchable with or without diacritics',
  operationId: 'publicSearchFeedback',
  roles: ['public'],
  access: { table: 'read' },
  query: PublicQuery,
  responses: { 200: PublishedList },
  errors: [],
  handler: async ({ query }) => {
    const all = await listPublished();
    const found = query.q?.trim() ? all.filter((p) => matches(query.q!, p.question, p.answer)) : all;
    const items = found.slice(0, query.limit ?? DEFAULT_PAGE).map((p) => ({
      code: p.code,
      kind: p.kind,
      question: p.question,
      answer: p.answer,
      ...(p.agency ? { agency: p.agency } : {}),
      answeredAt: toLocalIso(p.answeredAt),
      publishedAt: toLocalIso(p.publishedAt),
    }));
    return reply(200, { items });
  },
});
