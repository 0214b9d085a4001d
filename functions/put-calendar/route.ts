import { PutCommand } from '../commons/aws/dynamodb';
import * as z from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { forgetCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { badRequest } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { keys } from '../commons/store';
import { CalendarBody, CalendarYear } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import { validateCalendarYear } from '../core/calendar/working-time';
import { YearPath } from '../commons/params';

/**
 * A year's calendar as the operator sends it (documented as CalendarBody), refused with
 * validateCalendarYear's errors (`entries[2].date`; the body as a whole: `body`).
 */
export const Body = z.preprocess((input, ctx) => {
  const checked = validateCalendarYear(input);
  if (!checked.ok) for (const e of checked.errors) ctx.addIssue({ code: 'custom', path: [e.field || 'body'], message: e.message });
  return input;
}, CalendarBody);

/**
 * PUT /calendars/{year} (operator): replace a year's holidays, days off and make-up Saturdays,
 * each entry citing its legal source. Handlers pick it up within a minute (their cache).
 */
export const route = defineRoute({
  method: 'PUT',
  path: '/calendars/{year}',
  summary: "Replace a year's working calendar",
  operationId: 'putCalendar',
  roles: ['operator'],
  access: { table: ['GetItem', 'Query', 'PutItem'] },
  params: YearPath,
  body: Body,
  responses: { 200: CalendarYear },
  errors: OFFICER_ERRORS,
  handler: async ({ caller, params: { year }, body }) => {
    if (body.year !== year) throw badRequest('The body is for another year', [{ field: 'year', message: `Expected ${year}` }]);
    const updatedAt = now();
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.calendar(year), calendar: body, updatedAt: updatedAt.toISOString(), updatedBy: caller.sub },
      }),
    );
    forgetCalendar();
    logger.info('calendar replaced', { year, entries: body.entries.length });
    return reply(200, { ...body, origin: 'stored' as const, updatedAt: toLocalIso(updatedAt), updatedBy: caller.sub });
  },
});
