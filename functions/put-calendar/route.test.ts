import { PutCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { CalendarYear } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const params = { year: '2028' };
const tet = { date: '2028-01-26', kind: 'holiday', name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' }, source: 'Bộ luật Lao động 2019, Điều 112' };
const calendar = { year: 2028, status: 'announced', entries: [tet] };

describe('PUT /calendars/{year}', () => {
  beforeEach(() => {
    db.reset();
    db.on(PutCommand).resolves({});
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params, body: calendar })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses the desk (403): the calendar is the operators’', async () => {
    expect((await invoke(route, { as: desk, params, body: calendar })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the year of the path when it is not canonical (400)', async () => {
    const answer = await invoke(route, { as: operator, params: { year: '02028' }, body: calendar });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('year');
  });

  it('names each wrong entry as the calendar rules do (400), and writes nothing', async () => {
    const body = { ...calendar, entries: [tet, { ...tet, date: '2028-02-30', source: ' ' }] };
    const answer = await invoke(route, { as: operator, params, body });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['entries[1].date', 'entries[1].source']);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses a body that is not an object, naming the body (400)', async () => {
    const answer = await invoke(route, { as: operator, params, body: [calendar], headers: { 'accept-language': 'en' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'body', code: 'invalid', label: 'Request body', message: 'expected an object' }]);
    // Vietnamese by default: the same field and code, the words in Vietnamese
    const vi = await invoke(route, { as: operator, params, body: [calendar] });
    expect(vi.body.errors).toEqual([{ field: 'body', code: 'invalid', label: 'Nội dung gửi lên', message: 'Giá trị không hợp lệ' }]);
  });

  it('refuses a calendar for another year than the path (400)', async () => {
    const answer = await invoke(route, { as: operator, params: { year: '2027' }, body: calendar, headers: { 'accept-language': 'en' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'year', code: 'invalid', label: 'Year', message: 'Expected 2027' }]);
    expect(db.calls()).toHaveLength(0);
  });

  it('replaces the year in one write and answers it as stored (200)', async () => {
    const answer = await invoke(route, { as: operator, params, body: calendar });
    expect(answer.status).toBe(200);
    expect(CalendarYear.parse(answer.body)).toMatchObject({ ...calendar, origin: 'stored', updatedBy: 'operator-1' });
    const put = db.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.Item).toMatchObject({ PK: 'CALENDAR', SK: 'YEAR#2028', calendar, updatedBy: 'operator-1' });
    expect(put.ConditionExpression).toBeUndefined(); // a replacement: the last word wins
  });
});
