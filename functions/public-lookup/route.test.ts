import { BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, QueryCommand, UpdateCommand, type UpdateCommandInput } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { hashPin } from '../commons/pin';
import { CitizenView } from '../contracts/responses';
import { route } from './route';

/**
 * These tests run the real citizen's check (functions/commons/lookup.ts, pin-guard.ts, the scrypt
 * hash) against the mocked table: the guard's counters are conditional UpdateItems, the dossier
 * and its guard one BatchGetItem.
 */
const db = mockClient(DynamoDBDocumentClient);

const CODE = 'TTHCC-261207-0001';
const PIN = '20261207';
const TABLE = 'motcua-unit';
const params = { code: CODE };
const withPin = (pin: string) => ({ 'x-lookup-pin': pin });

const procedure = {
  code: 'CAP-PHEP-XD',
  version: 1,
  effectiveFrom: '2026-01-01',
  name: { vi: 'Cấp giấy phép xây dựng', en: 'Building permit' },
  field: { vi: 'Xây dựng', en: 'Construction' },
  legalHours: 40,
  receivingAgency: 'TTHCC',
  stages: [{ steps: [{ stepId: 's1-xd', agency: 'XD', hours: 32 }] }, { steps: [{ stepId: 'return', agency: 'TTHCC', hours: 8 }] }],
};
let pinHash: string;
const meta = (over: Record<string, unknown> = {}) => ({
  PK: `DOSSIER#${CODE}`,
  SK: 'META',
  code: CODE,
  procedure,
  status: 4,
  channel: 'counter',
  applicant: { name: 'Nguyễn Văn A', email: 'a@example.vn' },
  documents: [],
  receivedAt: '2026-12-07T02:00:00.000Z',
  appointmentAt: '2026-12-14T02:00:00.000Z',
  stageIndex: 0,
  extensions: {},
  pauses: {},
  pinHash,
  receivedBy: 'desk-officer',
  ...over,
});

/** The table as the lookup reads it: the dossier (and its guard) by BatchGet, its partition, the catalogue. */
function stored(dossier: Record<string, unknown> | undefined, partition: Record<string, unknown>[] = []) {
  db.on(BatchGetCommand).resolves({ Responses: { [TABLE]: dossier ? [dossier] : [] } });
  db.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => {
    const pk = input.ExpressionAttributeValues[':pk'];
    if (pk === `DOSSIER#${CODE}`) return { Items: dossier ? [dossier, ...partition] : [] };
    if (pk === 'CATALOGUE') return { Items: [{ PK: 'CATALOGUE', SK: 'AGENCY#XD', code: 'XD', name: { vi: 'Sở Xây dựng', en: 'Department of Construction' } }] };
    return { Items: [] };
  });
}

const updates = () => db.commandCalls(UpdateCommand).map((c) => c.args[0].input as UpdateCommandInput);
const guardCounted = () => updates().some((u) => u.Key?.SK === 'PINGUARD' && u.UpdateExpression?.startsWith('ADD checks'));

describe('GET /public/dossiers/{code}', () => {
  beforeAll(async () => {
    pinHash = await hashPin(PIN);
  });
  beforeEach(() => {
    db.reset();
    // every counter of the guard has budget left (its conditional update holds)
    db.on(UpdateCommand).resolves({});
    db.on(DeleteCommand).resolves({});
  });

  it('refuses a wrong PIN with 404, counts the attempt, and reads nothing of the dossier', async () => {
    stored(meta());
    const answer = await invoke(route, { params, headers: withPin('11111111') });
    expect(answer.status).toBe(404);
    expect(answer.body.detail).toBe('No dossier with this code and PIN');
    expect(guardCounted()).toBe(true);
    expect(updates().some((u) => String(u.Key?.SK).startsWith('PINCLIENT#') && u.ConditionExpression === 'attribute_not_exists(n) OR n < :max')).toBe(true);
    // not forgiven, and the dossier's partition was never read
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('answers an unknown code exactly as a wrong PIN (the same 404, the guard counted alike)', async () => {
    stored(undefined);
    const unknown = await invoke(route, { params, headers: withPin(PIN) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('No dossier with this code and PIN');
    expect(guardCounted()).toBe(true);
  });

  it('never counts a missing or malformed PIN against anyone (its writes are refused by their own condition)', async () => {
    stored(meta());
    for (const headers of [{}, withPin('1234')]) {
      db.resetHistory();
      const answer = await invoke(route, { params, headers });
      expect(answer.status).toBe(404);
      expect(updates()).toHaveLength(2);
      expect(updates().every((u) => u.ConditionExpression === 'attribute_not_exists(PK) AND attribute_exists(PK)')).toBe(true);
    }
  });

  it('admits the right PIN: the dossier as the citizen sees it (200), the slow-down lifted', async () => {
    stored(meta());
    const answer = await invoke(route, { params, headers: withPin(PIN) });
    expect(answer.status).toBe(200);
    const view = CitizenView.parse(answer.body);
    expect(view).toMatchObject({ code: CODE, status: 4, receivedAt: '2026-12-07T09:00:00+07:00', canWithdraw: true, canRate: false, supplement: null, rating: null });
    expect(view.collection?.from).toBe('2026-12-14T09:00:00+07:00');
    expect(answer.headers['cache-control']).toBe('no-store');
    // forgiven: the guard reset, this client's attempts deleted
    expect(updates().some((u) => u.Key?.SK === 'PINGUARD' && u.UpdateExpression === 'SET checks = :zero, nextCheckAt = :zero')).toBe(true);
    expect(String(db.commandCalls(DeleteCommand)[0]!.args[0].input.Key?.SK)).toMatch(/^PINCLIENT#/);
    // nothing the citizen need not see
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain('desk-officer');
  });

  it('answers 429 with Retry-After once this client spent its attempts, even with the right PIN', async () => {
    stored(meta());
    const spent = Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
    db.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
      if (String(input.Key?.SK).startsWith('PINCLIENT#')) throw spent;
      return {};
    });
    const answer = await invoke(route, { params, headers: withPin(PIN) });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('names the code when it is not a dossier code (400), before any PIN is checked', async () => {
    const answer = await invoke(route, { params: { code: 'not-a-code' }, headers: withPin(PIN) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('code');
    expect(db.calls()).toHaveLength(0);
  });

  it('shows an open supplement request with every open step\'s missing items and the agency\'s name', async () => {
    const pauses = {
      's1-xd-1': { stepId: 's1-xd', round: 1, agency: 'XD', from: '2026-12-08T03:00:00.000Z', missing: ['Bản vẽ'], reason: 'Thiếu bản vẽ.' },
      's1-xd-0': { stepId: 's1-xd', round: 0, agency: 'XD', from: '2026-12-07T03:00:00.000Z', to: '2026-12-07T04:00:00.000Z', missing: ['Cũ'], reason: 'Đã xong.' },
    };
    stored(meta({ status: 5, pauses }));
    const answer = await invoke(route, { params, headers: withPin(PIN) });
    expect(answer.status).toBe(200);
    const view = CitizenView.parse(answer.body);
    expect(view.supplement).toEqual({ requestedAt: '2026-12-08T10:00:00+07:00', agency: { vi: 'Sở Xây dựng', en: 'Department of Construction' }, missing: ['Bản vẽ'], reason: 'Thiếu bản vẽ.' });
    expect(view.canWithdraw).toBe(true);
    expect(view.collection).toBeNull();
    expect(view.history.map((h) => h.event)).toEqual(['received', 'supplement-requested', 'supplement-received', 'supplement-requested']);
  });

  it("lists the citizen's files but not a result no decision attached, nor who uploaded", async () => {
    const file = (id: string, over: Record<string, unknown>) => ({
      PK: `DOSSIER#${CODE}`, SK: `DOCUMENT#${id}`, documentId: id, dossierCode: CODE, name: `${id}.pdf`, contentType: 'application/pdf', size: 10,
      sha256: 'x'.repeat(43) + '=', purpose: 'dossier', stage: 'intake', by: 'desk-officer', kind: 'desk', objectKey: `dossiers/${CODE}/${id}`,
      uploadedAt: '2026-12-07T02:00:00.000Z', recordedAt: '2026-12-07T02:00:00.000Z', ...over,
    });
    const handedIn = 'a'.repeat(32);
    const stray = 'b'.repeat(32);
    stored(meta({ status: 10, returnedAt: '2026-12-10T08:00:00.000Z', rating: { score: 5, at: '2026-12-10T09:00:00.000Z' } }), [
      file(handedIn, {}),
      file(stray, { purpose: 'result', stage: 'result', kind: 'agency', agency: 'XD', by: 'officer-xd' }),
    ]);
    const answer = await invoke(route, { params, headers: withPin(PIN) });
    const view = CitizenView.parse(answer.body);
    expect(view.documents.map((d) => d.documentId)).toEqual([handedIn]);
    expect(answer.body.documents[0]).not.toHaveProperty('uploadedBy');
    expect(view).toMatchObject({ status: 10, canRate: false, canWithdraw: false, rating: { score: 5, at: '2026-12-10T16:00:00+07:00' }, returnedAt: '2026-12-10T15:00:00+07:00' });
  });
});
