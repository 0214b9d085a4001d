import { DynamoDBDocumentClient, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf } from '../../test/support/route-unit';
import { ProcedureList } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const version = (version: number, effectiveFrom: string, legalHours = 40) => ({
  PK: 'CATALOGUE',
  SK: `PROCEDURE#TP-LLTP#${String(version).padStart(4, '0')}`,
  code: 'TP-LLTP',
  version,
  effectiveFrom,
  name: { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Judicial record certificate' },
  field: { vi: 'Lý lịch tư pháp', en: 'Judicial records' },
  legalHours,
  receivingAgency: 'TTHCC',
  stages: [{ steps: [{ stepId: 's1-stp', agency: 'STP', name: { vi: 'Tra cứu', en: 'Search' }, budgetHours: 24 }] }, { steps: [{ stepId: 'return', agency: 'TTHCC', name: { vi: 'Trả', en: 'Return' }, budgetHours: 4 }] }],
});

describe('GET /procedures', () => {
  beforeEach(() => {
    db.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T03:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('answers 401 to a caller who is not signed in, reading nothing', async () => {
    expect((await invoke(route)).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('answers any officer with the version in force today, its stages numbered and its route hours', async () => {
    db.on(QueryCommand).resolves({ Items: [version(1, '2025-07-01', 80), version(2, '2026-12-01', 40), version(3, '2027-01-01', 24)] });
    for (const as of [desk, officerOf('STP')]) {
      const answer = await invoke(route, { as });
      expect(answer.status).toBe(200);
      const { procedures } = ProcedureList.parse(answer.body);
      expect(procedures).toHaveLength(1);
      // version 3 is not in force yet; version 2 replaced version 1
      expect(procedures[0]).toMatchObject({ code: 'TP-LLTP', version: 2, legalHours: 40, routeHours: 28 });
      expect(procedures[0]!.stages.map((s) => s.stage)).toEqual([1, 2]);
    }
  });
});
