import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { CalendarYear } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const stored2031 = {
  PK: 'CALENDAR',
  SK: 'YEAR#2031',
  calendar: {
    year: 2031,
    status: 'announced',
    entries: [{ date: '2031-01-01', kind: 'holiday', name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, source: 'Bộ luật Lao động 2019, Điều 112' }],
  },
  updatedAt: '2026-12-07T02:00:00.000Z',
  updatedBy: 'operator-1',
};

describe('GET /calendars/{year}', () => {
  beforeEach(() => db.reset());

  it('answers 401 to a caller who is not signed in', async () => {
    const answer = await invoke(route, { params: { year: '2026' } });
    expect(answer.status).toBe(401);
  });

  it('refuses a signed-in caller with none of the roles (403)', async () => {
    const answer = await invoke(route, { as: { sub: 'someone', groups: [] }, params: { year: '2026' } });
    expect(answer.status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses an agency system (403): the route has no scopes', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-stp', SK: 'AGENCY' } }).resolves({ Item: { agency: 'STP' } });
    const answer = await invoke(route, { as: { clientId: 'client-stp', scopes: ['motcua/tasks.read'] }, params: { year: '2026' } });
    expect(answer.status).toBe(403);
  });

  it.each(['02026', '0x7EA', '1999', '26'])('answers 400 naming the year for /calendars/%s (one resource, one name)', async (year) => {
    const answer = await invoke(route, { as: operator, params: { year } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('year');
    expect(db.calls()).toHaveLength(0);
  });

  it('answers the stored calendar with who stored it and when, in local time (200)', async () => {
    db.on(GetCommand).resolves({ Item: stored2031 });
    const answer = await invoke(route, { as: desk, params: { year: '2031' } });
    expect(answer.status).toBe(200);
    expect(CalendarYear.parse(answer.body)).toMatchObject({ year: 2031, status: 'announced', origin: 'stored', updatedAt: '2026-12-07T09:00:00+07:00', updatedBy: 'operator-1' });
    expect(db.commandCalls(GetCommand)[0]!.args[0].input.Key).toEqual({ PK: 'CALENDAR', SK: 'YEAR#2031' });
  });

  it('falls back to the calendar shipped with the code when none is stored (200, bundled)', async () => {
    db.on(GetCommand).resolves({});
    const answer = await invoke(route, { as: officerOf('STP'), params: { year: '2026' } });
    expect(answer.status).toBe(200);
    const body = CalendarYear.parse(answer.body);
    expect(body).toMatchObject({ year: 2026, origin: 'bundled' });
    expect(body.entries.length).toBeGreaterThan(0);
    expect(body.updatedAt).toBeUndefined();
  });

  it('answers 404, telling the operator to PUT it, for a year neither stored nor shipped', async () => {
    db.on(GetCommand).resolves({});
    const answer = await invoke(route, { as: operator, params: { year: '2040' } });
    expect(answer.status).toBe(404);
    expect(answer.body.detail).toContain('PUT /calendars/2040');
  });
});
