import { QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { applicantEmailPk } from '../commons/personal-data';
import { ApplicantExport } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const EMAIL = 'an.nguyen@example.vn';
const A = 'TTHCC-261201-0001';
const B = 'TTHCC-261202-0002';
const C = 'TTHCC-261203-0003';
const meta = (code: string, extra: Record<string, unknown> = {}) => ({
  PK: `DOSSIER#${code}`,
  SK: 'META',
  code,
  status: 4,
  applicant: { name: 'Nguyễn Văn An', email: 'An.Nguyen@example.vn ', idNumber: '001099012345' },
  receivedAt: '2026-12-01T02:00:00.000Z',
  pinHash: 'secret-hash',
  intakeKey: 'intake-key',
  GSI1PK: 'OPEN#3',
  ...extra,
});
const partitions: Record<string, Record<string, unknown>[]> = {
  [applicantEmailPk(EMAIL)]: [{ SK: A }, { SK: B }, { SK: C }, { SK: A }],
  [`DOSSIER#${A}`]: [
    meta(A),
    { PK: `DOSSIER#${A}`, SK: 'STEP#s1-stp', stepId: 's1-stp', state: 'pending', taskToken: 'token-1' },
    { PK: `DOSSIER#${A}`, SK: 'EMAIL#receipt', state: 'sent' },
  ],
  // anonymised since: no longer theirs to export
  [`DOSSIER#${B}`]: [meta(B, { anonymisedAt: '2026-12-05T00:00:00.000Z' })],
  // the lookup item outlived a change of address
  [`DOSSIER#${C}`]: [meta(C, { applicant: { email: 'someone.else@example.vn' } })],
};

describe('GET /ops/applicants/export', () => {
  beforeEach(() => {
    db.reset();
    db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: { ':pk': string } }) => ({ Items: partitions[input.ExpressionAttributeValues[':pk']] ?? [] }));
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { query: { email: EMAIL } })).status).toBe(401);
  });

  it('refuses the desk (403): exports are for operators', async () => {
    expect((await invoke(route, { as: desk, query: { email: EMAIL } })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('wants exactly one of email or idNumber (400, naming the missing one)', async () => {
    const neither = await invoke(route, { as: operator, query: {} });
    expect(neither.status).toBe(400);
    expect(neither.body.errors[0].field).toBe('email');
    const both = await invoke(route, { as: operator, query: { email: EMAIL, idNumber: '001099012345' } });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe('idNumber');
  });

  it('names a malformed email or an unknown parameter (400)', async () => {
    const bad = await invoke(route, { as: operator, query: { email: 'not-an-address' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('email');
    expect((await invoke(route, { as: operator, query: { email: EMAIL, name: 'An' } })).status).toBe(400);
    expect(db.calls()).toHaveLength(0);
  });

  it("exports the applicant's own dossiers, never a secret, and is not cached (200)", async () => {
    const answer = await invoke(route, { as: operator, query: { email: EMAIL } });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const body = ApplicantExport.parse(answer.body);
    expect(body.query).toEqual({ email: EMAIL });
    expect(body.dossiers).toHaveLength(1);
    const [record] = answer.body.dossiers;
    expect(record.dossier).toMatchObject({ code: A, receivedAt: '2026-12-01T09:00:00+07:00' });
    expect(record.steps).toEqual([{ stepId: 's1-stp', state: 'pending' }]);
    expect(record.emails).toEqual([{ eventKey: 'receipt', state: 'sent' }]);
    for (const secret of ['secret-hash', 'intake-key', 'token-1', 'GSI1PK']) expect(JSON.stringify(answer.body)).not.toContain(secret);
    // every partition is read strongly consistent, the lookup item's first
    const reads = db.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(reads[0]!.ExpressionAttributeValues).toEqual({ ':pk': applicantEmailPk(EMAIL) });
    expect(reads.every((q) => q.ConsistentRead)).toBe(true);
  });
});
