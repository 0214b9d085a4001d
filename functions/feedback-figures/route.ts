import { now } from '../commons/clock';
import { feedbackBetween } from '../commons/feedback-store';
import { badRequest } from '../commons/http';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { FeedbackFiguresAnswer, FiguresQuery } from '../contracts/feedback';
import { feedbackFigures, feedbackFlags } from '../core/feedback';

/** A local day's first instant (UTC ISO), +07:00. */
const startOf = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();

/**
 * GET /feedback/figures?from=&to= (local dates, both included, at most 366 days): the items received,
 * by channel, kind, agency and month; answered on time and late, still open and late. The console
 * exports them as CSV.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/feedback/figures',
  summary: 'Feedback figures: by channel, kind, agency and month; on time and late',
  operationId: 'feedbackFigures',
  roles: ['desk', 'operator'],
  access: { table: 'read' },
  query: FiguresQuery,
  responses: { 200: FeedbackFiguresAnswer },
  errors: OFFICER_ERRORS,
  handler: async ({ query: { from, to } }) => {
    const a = startOf(from);
    const b = new Date(Date.parse(startOf(to)) + 86400_000 - 1).toISOString();
    if (Number.isNaN(Date.parse(a)) || Number.isNaN(Date.parse(b))) throw badRequest('Not a date', [{ field: Number.isNaN(Date.parse(a)) ? 'from' : 'to', message: 'a date YYYY-MM-DD' }]);
    if (b < a) throw badRequest('The period ends before it starts', [{ field: 'to', message: 'on or after from' }]);
    if (Date.parse(b) - Date.parse(a) > 366 * 86400_000) throw badRequest('At most a year at a time', [{ field: 'to', message: 'at most 366 days after from' }]);
    const items = await feedbackBetween(a, b);
    const at = now();
    const counted = items.filter((f) => f.status !== 'merged');
    return reply(200, { from, to, total: counted.length, late: counted.filter((f) => feedbackFlags(f, at).late).length, rows: feedbackFigures(items, at) });
  },
});
