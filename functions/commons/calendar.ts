import { QueryCommand } from './aws/dynamodb';
import { WorkingCalendar, loadBundledCalendarYears, type CalendarYear } from '../core/calendar/working-time';
import { documentClient, tableName } from './aws';

const TTL_MS = 60_000;
let cached: { at: number; calendar: WorkingCalendar } | undefined;

/**
 * The working calendar: the years operators stored in DynamoDB (CALENDAR / YEAR#yyyy) over the
 * years shipped with the code. Cached for a minute per Lambda instance.
 */
export async function workingCalendar(): Promise<WorkingCalendar> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.calendar;
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': 'CALENDAR' },
    }),
  );
  const years = new Map<number, CalendarYear>(loadBundledCalendarYears().map((y) => [y.year, y]));
  for (const item of out.Items ?? []) {
    const y = item.calendar as CalendarYear;
    years.set(y.year, y);
  }
  cached = { at: Date.now(), calendar: new WorkingCalendar([...years.values()]) };
  return cached.calendar;
}

export function forgetCalendar(): void {
  cached = undefined;
}
