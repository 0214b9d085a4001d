import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, startHarness, uniqueKey, type Harness } from '../support/local';

/** Operators keep the working calendar as data: GET/PUT /calendars/{year}. */
describe('the working calendar API', () => {
  let h: Harness;
  let operator: string;
  let desk: string;
  const year2028 = {
    year: 2028,
    status: 'awaiting-notice',
    entries: [
      { date: '2028-01-01', kind: 'holiday', name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, source: 'Bộ luật Lao động 2019, Điều 112' },
      { date: '2028-01-03', kind: 'day-off', name: { vi: 'Nghỉ bù Tết Dương lịch', en: "New Year's Day (compensatory)" }, source: 'Bộ luật Lao động 2019, Điều 111(3)' },
    ],
  };

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    operator = await h.token('op-1', ['operator']);
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(() => h?.stop());

  it('reads a seeded year with its sources', async () => {
    const res = await h.call('GET', '/calendars/2026', { token: operator });
    expect(res.status).toBe(200);
    const tet = res.body.entries.find((e: { date: string }) => e.date === '2026-02-17');
    expect(tet).toMatchObject({ kind: 'holiday' });
    expect(tet.source).toMatch(/\S/);
    expect((await h.call('GET', '/calendars/2031', { token: operator })).status).toBe(404);
  });

  it('refuses an invalid calendar, naming the field, and writes nothing', async () => {
    const bad = { ...year2028, entries: [{ ...year2028.entries[0], date: '2028-02-30' }, { ...year2028.entries[1], source: '' }] };
    const res = await h.call('PUT', '/calendars/2028', { token: operator, body: bad });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['entries[0].date', 'entries[1].source']));
    const wrongYear = await h.call('PUT', '/calendars/2029', { token: operator, body: year2028 });
    expect(wrongYear.body.errors[0].field).toBe('year');
    expect((await h.call('GET', '/calendars/2028', { token: operator })).status).toBe(404);
  });

  it('fails loudly for a year with no calendar, and counts once the operator supplies it', async () => {
    await h.call('POST', '/_local/clock', { body: { set: '2027-12-31T16:00:00+07:00' } }); // Friday after the cut-off
    const body = { procedureCode: 'DL-LHND', applicant: applicant(1), channel: 'counter' };
    const refused = await h.call('POST', '/dossiers', { token: desk, body, headers: { 'idempotency-key': uniqueKey() } });
    expect(refused.status).toBe(503);
    expect(refused.body.detail).toContain('2028');

    const put = await h.call('PUT', '/calendars/2028', { token: operator, body: year2028 });
    expect(put.status).toBe(200);
    expect(put.body.updatedBy).toBe('op-1');
    const received = await h.call('POST', '/dossiers', { token: desk, body, headers: { 'idempotency-key': uniqueKey() } });
    expect(received.status).toBe(201);
    // counting starts Tue 4/1/2028 08:00 (1/1 holiday, 3/1 day off); 72 h + 4 h return = 9.5 working days → Mon 17/1 12:00
    expect(received.body.appointmentAt).toBe('2028-01-17T12:00:00+07:00');
  });
});
