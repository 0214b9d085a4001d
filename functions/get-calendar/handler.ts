import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { apiHandler } from '../commons/api';
import { documentClient, tableName } from '../commons/aws';
import { json, notFound, parse } from '../commons/http';
import { YearPath } from '../commons/params';
import { keys } from '../commons/store';
import { toLocalIso } from '../commons/time';
import { loadBundledCalendarYears, type CalendarYear } from '../core/calendar/working-time';

/** GET /calendars/{year} (operator): the stored calendar, else the one shipped with the code. */
export const handler = apiHandler('GET /calendars/{year}', async (event) => {
  const { year } = parse(YearPath, event.pathParameters, 'path');
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.calendar(year), ConsistentRead: true }));
  if (out.Item) {
    return json(200, { ...(out.Item.calendar as CalendarYear), origin: 'stored', updatedAt: out.Item.updatedAt ? toLocalIso(out.Item.updatedAt as string) : undefined, updatedBy: out.Item.updatedBy });
  }
  const bundled = loadBundledCalendarYears().find((y) => y.year === year);
  if (!bundled) throw notFound(`No working calendar for ${year}: an operator must PUT /calendars/${year}`);
  return json(200, { ...bundled, origin: 'bundled' });
});
