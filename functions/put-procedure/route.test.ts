import { PutCommand, QueryCommand, DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { ProcedureVersion } from '../contracts/responses';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const TODAY = '2026-12-02';
const params = { code: 'SXD-GPXD' };
const agencies = [
  { PK: 'CATALOGUE', SK: 'AGENCY#TTHCC', code: 'TTHCC', kind: 'desk', name: { vi: 'Trung tâm', en: 'Centre' }, email: 'tthcc@example.gov.vn' },
  { PK: 'CATALOGUE', SK: 'AGENCY#SXD', code: 'SXD', kind: 'department', name: { vi: 'Sở Xây dựng', en: 'Construction' }, email: 'sxd@example.gov.vn' },
];
const step = (stepId: string, agency: string, budgetHours: number) => ({ stepId, agency, name: { vi: `Bước ${stepId}`, en: `Step ${stepId}` }, budgetHours });
const fresh = (overrides: Record<string, unknown> = {}) => ({
  effectiveFrom: TODAY,
  name: { vi: 'Cấp giấy phép xây dựng', en: 'Construction permit' },
  field: { vi: 'Xây dựng', en: 'Construction' },
  legalHours: 56,
  receivingAgency: 'TTHCC',
  stages: [{ steps: [step('s1-sxd', 'SXD', 24)] }, { steps: [step('return', 'TTHCC', 4)] }],
  ...overrides,
});

/** The catalogue as stored: agencies, and the versions of the procedure already published. */
function catalogue(versions: Record<string, unknown>[] = []) {
  db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: { ':p': string } }) => ({
    Items: input.ExpressionAttributeValues[':p'] === 'AGENCY#' ? agencies : versions,
  }));
}

describe('PUT /procedures/{code}', () => {
  beforeAll(() => setClockSource(() => Date.parse(`${TODAY}T02:00:00Z`)));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    db.reset();
    db.on(PutCommand).resolves({});
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { params, body: fresh() })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses the desk (403): publishing is for operators', async () => {
    expect((await invoke(route, { as: desk, params, body: fresh() })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('names the code of the path when it is not a procedure code (400)', async () => {
    const answer = await invoke(route, { as: operator, params: { code: 'sxd-gpxd' }, body: fresh() });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['code']);
  });

  it('names each wrong field as the procedure rules do: unknown keys one by one, steps by index (400)', async () => {
    const keys = await invoke(route, { as: operator, params, body: fresh({ code: 'SXD-GPXD', version: 3 }), headers: { 'accept-language': 'en' } });
    expect(keys.status).toBe(400);
    expect(keys.body.errors.map((e: { field: string }) => e.field)).toEqual(['code', 'version']);
    expect(keys.body.errors[0].message).toContain('not a field of a procedure');
    const unnamed = { stepId: 's1-sxd', agency: 'SXD', budgetHours: 8 };
    const steps = await invoke(route, { as: operator, params, body: fresh({ stages: [{ steps: [unnamed] }, { steps: [step('return', 'TTHCC', 4)] }] }) });
    expect(steps.status).toBe(400);
    expect(steps.body.errors.map((e: { field: string }) => e.field)).toEqual(['stages[0].steps[0].name']);
    expect(db.calls()).toHaveLength(0);
  });

  it("refuses a bad online form with the catalogue's own rules, naming the field (400)", async () => {
    const field = (name: string, extra: Record<string, unknown> = {}) => ({ name, label: { vi: 'Họ và tên', en: 'Full name' }, type: 'text', ...extra });
    const online = { level: 'fully', form: [field('hoTen'), field('hoTen'), field('soDinhDanh', { pattern: '[0-9', patternHint: { vi: '12 số', en: '12 digits' } })], documents: [] };
    const answer = await invoke(route, { as: operator, params, body: fresh({ online }) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['online.form[1].name', 'online.form[2].pattern']);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses a route the catalogue cannot run (unknown agency), and a date in the past (400)', async () => {
    catalogue();
    const unknown = await invoke(route, { as: operator, params, body: fresh({ stages: [{ steps: [step('s1-xx', 'XX', 8)] }, { steps: [step('return', 'TTHCC', 4)] }] }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['stages[0].steps[0].agency']);
    const past = await invoke(route, { as: operator, params, body: fresh({ effectiveFrom: '2026-12-01' }) });
    expect(past.status).toBe(400);
    expect(past.body.errors.map((e: { field: string }) => e.field)).toEqual(['effectiveFrom']);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('publishes the next version with a conditional write (201)', async () => {
    catalogue([{ PK: 'CATALOGUE', SK: 'PROCEDURE#SXD-GPXD#0001', code: 'SXD-GPXD', version: 1, ...fresh({ legalHours: 64, effectiveFrom: '2026-01-01' }) }]);
    const answer = await invoke(route, { as: operator, params, body: fresh() });
    expect(answer.status).toBe(201);
    expect(ProcedureVersion.parse(answer.body)).toMatchObject({ code: 'SXD-GPXD', version: 2, effectiveFrom: TODAY, routeHours: 28, publishedBy: 'operator-1' });
    const put = db.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(put.Item).toMatchObject({ PK: 'CATALOGUE', SK: 'PROCEDURE#SXD-GPXD#0002', version: 2, legalHours: 56 });
    // the versions are read strongly consistent, so the next number is right
    const versions = db.commandCalls(QueryCommand).map((c) => c.args[0].input).find((q) => q.ExpressionAttributeValues?.[':p'] === 'PROCEDURE#SXD-GPXD#');
    expect(versions?.ConsistentRead).toBe(true);
  });

  it('answers a repeat of the latest publication with that version (200), writing nothing', async () => {
    catalogue([{ PK: 'CATALOGUE', SK: 'PROCEDURE#SXD-GPXD#0001', code: 'SXD-GPXD', version: 1, ...fresh() }]);
    const answer = await invoke(route, { as: operator, params, body: fresh() });
    expect(answer.status).toBe(200);
    expect(ProcedureVersion.parse(answer.body)).toMatchObject({ version: 1 });
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 409 with Retry-After when the same version was published at the same moment', async () => {
    catalogue();
    db.on(PutCommand).rejects(Object.assign(new Error('condition'), { name: 'ConditionalCheckFailedException' }));
    const answer = await invoke(route, { as: operator, params, body: fresh() });
    expect(answer.status).toBe(409);
    expect(answer.headers['retry-after']).toBe('1');
  });
});
