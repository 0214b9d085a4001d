import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { apiHandler } from '../commons/api';
import { documentClient, tableName } from '../commons/aws';
import { forgetCalendar } from '../commons/calendar';
import { now } from '../commons/clock';
import { badRequest, json, jsonBody, parse } from '../commons/http';
import { logger } from '../commons/powertools';
import { keys } from '../commons/store';
import { toLocalIso } from '../core/local-time';
import { validateCalendarYear } from '../core/calendar/working-time';
import { YearPath } from '../commons/params';

/**
 * PUT /calendars/{year} (operator): replace a year's holidays, days off and make-up Saturdays,
 * each entry citing its legal source. Handlers pick it up within a minute (their cache).
 */
export const handler = apiHandler('PUT /calendars/{year}', async (event, { caller }) => {
  const { year } = parse(YearPath, event.pathParameters, 'path');
  const checked = validateCalendarYear(jsonBody(event));
  if (!checked.ok) throw badRequest('Invalid calendar', checked.errors.map((e) => ({ ...e, field: e.field || 'body' })));
  if (checked.value.year !== year) throw badRequest('The body is for another year', [{ field: 'year', message: `Expected ${year}` }]);
  const updatedAt = now();
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.calendar(year), calendar: checked.value, updatedAt: updatedAt.toISOString(), updatedBy: caller.sub },
    }),
  );
  forgetCalendar();
  logger.info('calendar replaced', { year, entries: checked.value.entries.length });
  return json(200, { ...checked.value, origin: 'stored', updatedAt: toLocalIso(updatedAt), updatedBy: caller.sub });
});
