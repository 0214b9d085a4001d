import { apiHandler } from '../commons/api';
import { json, notFound, parse } from '../commons/http';
import { YearPath } from '../commons/params';
import { getItem, keys } from '../commons/store';
import { toLocalIso } from '../core/local-time';
import { loadBundledCalendarYears, type CalendarYear } from '../core/calendar/working-time';

/** GET /calendars/{year} (operator): the stored calendar, else the one shipped with the code. */
export const handler = apiHandler('GET /calendars/{year}', async (event) => {
  const { year } = parse(YearPath, event.pathParameters, 'path');
  const stored = await getItem(keys.calendar(year));
  if (stored) {
    return json(200, { ...(stored.calendar as CalendarYear), origin: 'stored', updatedAt: stored.updatedAt ? toLocalIso(stored.updatedAt as string) : undefined, updatedBy: stored.updatedBy });
  }
  const bundled = loadBundledCalendarYears().find((y) => y.year === year);
  if (!bundled) throw notFound(`No working calendar for ${year}: an operator must PUT /calendars/${year}`);
  return json(200, { ...bundled, origin: 'bundled' });
});
