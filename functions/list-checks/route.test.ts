import { QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { OnlineChecks } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const NOW = '2026-12-07T03:00:00.000Z'; // Monday 10:00 in Hà Nội
const procedure = { code: 'TP-LLTP', name: { vi: 'Lý lịch tư pháp', en: 'Criminal record' }, receivingAgency: 'TTHCC', stages: [] };
const waiting = (code: string, checkDueAt: string, extra: Record<string, unknown> = {}) => ({
  code,
  status: 1,
  procedure,
  applicant: { name: 'Nguyễn Văn An', email: 'an@example.vn', idNumber: '001099012345', phone: '0912345678' },
  online: { level: 'partly', submittedAt: '2026-12-04T02:00:00.000Z', checkDueAt, citizenRef: 'citizen:x', answers: { secret: 'no' } },
  ...extra,
});
const queues: Record<string, Record<string, unknown>[]> = {
  'CHECK#TTHCC': [
    waiting('TTHCC-261204-0001', '2026-12-04T09:00:00.000Z'), // lapsed: Friday 16:00
    waiting('TTHCC-261207-0002', '2026-12-07T06:00:00.000Z'), // 13:00 today: 2 working hours (lunch 12-13 excluded: 10-12)
    waiting('TTHCC-261207-0003', '2026-12-07T05:00:00.000Z', { online: { level: 'fully', submittedAt: NOW, checkDueAt: '2026-12-07T05:00:00.000Z', completions: [{ askedAt: NOW, by: 'o', missing: ['a'], reason: 'b' }] } }),
    waiting('TTHCC-261207-0004', '2026-12-07T05:00:00.000Z', { status: 2 }),
  ],
  'CHECK#BDH': [waiting('BDH-261207-0001', '2026-12-08T02:00:00.000Z', { branch: 'BDH' })],
};

describe('GET /checks', () => {
  beforeAll(() => setClockSource(() => Date.parse(NOW)));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    db.reset();
    db.on(QueryCommand).callsFake((input: { IndexName?: string; ExpressionAttributeValues: Record<string, string> }) => {
      const pk = input.ExpressionAttributeValues[':pk'];
      if (pk === 'CATALOGUE') return { Items: [{ SK: 'AGENCY#TTHCC', code: 'TTHCC', kind: 'desk', name: {}, email: 'tthcc@example.vn' }, { SK: 'AGENCY#STP', code: 'STP', kind: 'department' }] };
      return { Items: queues[pk] ?? [] };
    });
  });

  it('answers 401 when not signed in and refuses an agency officer (403)', async () => {
    expect((await invoke(route, {})).status).toBe(401);
    expect((await invoke(route, { as: officerOf('STP') })).status).toBe(403);
  });

  it("lists the main desk's online dossiers waiting for the check, soonest due first, with the working hours left and no personal data beyond the name", async () => {
    const answer = await invoke(route, { as: desk });
    expect(answer.status).toBe(200);
    const { checks } = OnlineChecks.parse(answer.body);
    expect(checks.map((c) => c.code)).toEqual(['TTHCC-261204-0001', 'TTHCC-261207-0003', 'TTHCC-261207-0002']);
    expect(checks[0]).toMatchObject({ lapsed: true, completionAsked: false, checkDueAt: '2026-12-04T16:00:00+07:00' });
    expect(checks[0]!.workingHoursLeft).toBeLessThan(0);
    expect(checks[1]).toMatchObject({ completionAsked: true, workingHoursLeft: null, lapsed: false, level: 'fully' });
    expect(checks[2]).toMatchObject({ workingHoursLeft: 2, lapsed: false, applicantName: 'Nguyễn Văn An', procedure: { code: 'TP-LLTP' } });
    const text = JSON.stringify(answer.body);
    for (const secret of ['an@example.vn', '001099012345', '0912345678', 'citizen:x', 'secret']) expect(text).not.toContain(secret);
  });

  it("a branch officer sees their branch's queue only", async () => {
    const answer = await invoke(route, { as: { sub: 'b', groups: ['desk', 'branch-BDH'] } });
    expect(answer.body.checks.map((c: { code: string }) => c.code)).toEqual(['BDH-261207-0001']);
    expect(answer.body.checks[0].branch).toBe('BDH');
  });
});
