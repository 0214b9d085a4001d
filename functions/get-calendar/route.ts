import { notFound } from '../commons/http';
import { YearPath } from '../commons/params';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { getItem, keys } from '../commons/store';
import { CalendarYear } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import { loadBundledCalendarYears, type CalendarYear as Year } from '../core/calendar/working-time';

/** GET /calendars/{year} (operator, desk, agencies): the stored calendar, else the one shipped with the code. */
export const route = defineRoute({
  method: 'GET',
  path: '/calendars/{year}',
  summary: "A year's working calendar",
  operationId: 'getCalendar',
  roles: ['operator', 'desk', 'agency'],
  access: { table: 'read' },
  params: YearPath,
  responses: { 200: CalendarYear },
  errors: [...OFFICER_ERRORS, 404],
  handler: async ({ params: { year } }) => {
    const stored = await getItem(keys.calendar(year));
    if (stored) {
      return reply(200, {
        ...(stored.calendar as Year),
        origin: 'stored' as const,
        updatedAt: stored.updatedAt ? toLocalIso(stored.updatedAt as string) : undefined,
        updatedBy: stored.updatedBy as string | undefined,
      });
    }
    const bundled = loadBundledCalendarYears().find((y) => y.year === year);
    if (!bundled) throw notFound(`No working calendar for ${year}: an operator must PUT /calendars/${year}`);
    return reply(200, { ...bundled, origin: 'bundled' as const });
  },
});
