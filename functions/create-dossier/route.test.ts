import { ConditionalCheckFailedException, DeleteItemCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '../commons/aws/dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openIndexKeys } from '../commons/open-index';
import { searchItems } from '../commons/search-index';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { setClockSource } from '../commons/clock';
import { verifyPin } from '../commons/pin';
import { Received } from '../contracts/responses';
import { hanoi } from '../../test/support/centre';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
/** The idempotency records (Powertools' persistence layer uses the plain client). */
const records = mockClient(DynamoDBClient);

const name = { vi: 'Thủ tục', en: 'Procedure' };
const procedure = {
  PK: 'CATALOGUE', SK: 'PROCEDURE#DL-LHND#0001', code: 'DL-LHND', version: 1, effectiveFrom: '2026-01-01', name, field: name, legalHours: 32, receivingAgency: 'TTHCC',
  stages: [{ steps: [{ stepId: 's1-ca', agency: 'CA', name, budgetHours: 24 }] }, { steps: [{ stepId: 's2-tthcc', agency: 'TTHCC', name, budgetHours: 8 }] }],
};
const body = { procedureCode: 'DL-LHND', applicant: { name: 'Nguyễn Văn An', email: 'an@example.com', phone: '0912345678' }, channel: 'counter', documents: [{ name: 'Tờ khai', ref: 'desk://1' }] };
const key = (n: number) => ({ 'idempotency-key': `intake-key-${n}` });
const CODE = 'TTHCC-261207-0001';
/** The search index items put (BatchWriteItem, 25 a request), in order. */
const indexPuts = () =>
  db.commandCalls(BatchWriteCommand).flatMap((c) => Object.values(c.args[0].input.RequestItems!).flat().map((r) => r.PutRequest?.Item).filter((i) => i !== undefined));
const dossierPut = () => db.commandCalls(PutCommand).find((c) => c.args[0].input.Item?.SK === 'META');

function catalogue() {
  // nothing else stored: no draft, no settled request, no dossier; writes succeed
  db.on(GetCommand).resolves({});
  db.on(PutCommand).resolves({});
  db.on(BatchWriteCommand).resolves({});
  db.on(UpdateCommand).resolves({});
  db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'CATALOGUE', ':p': 'PROCEDURE#DL-LHND#' } }).resolves({ Items: [procedure] });
  db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'CATALOGUE', ':p': 'PROCEDURE#NO-SUCH#' } }).resolves({ Items: [] });
  db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'CALENDAR' } }).resolves({ Items: [] });
  db.on(QueryCommand, { ExpressionAttributeValues: { ':s': 'SEARCH#' } }).resolves({ Items: [] });
  // the day's counter gives number 1
  db.on(UpdateCommand, { Key: { PK: 'COUNTER#TTHCC#261207', SK: 'COUNTER' }, ConditionExpression: 'attribute_not_exists(#slot)' }).resolves({ Attributes: { seq: 1 } });
}

describe('POST /dossiers', () => {
  // Mon 7/12/2026 09:00 local
  beforeAll(() => setClockSource(() => Date.parse('2026-12-07T02:00:00.000Z')));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    db.reset();
    records.reset();
    records.on(PutItemCommand).resolves({});
    records.on(UpdateItemCommand).resolves({});
    records.on(DeleteItemCommand).resolves({});
    catalogue();
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { body, headers: key(1) })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses agency officers and operators (403): receiving is for the desk', async () => {
    expect((await invoke(route, { as: officerOf('CA'), body, headers: key(1) })).status).toBe(403);
    expect((await invoke(route, { as: operator, body, headers: key(1) })).status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses any agency system: the route has no scopes (403)', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    expect((await invoke(route, { as: { clientId: 'client-ca', scopes: ['motcua/dossiers.read'] }, body, headers: key(1) })).status).toBe(403);
  });

  it('requires the Idempotency-Key (400 naming the header), writing nothing', async () => {
    const answer = await invoke(route, { as: desk, body, headers: { 'accept-language': 'en' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'Idempotency-Key', code: 'required', message: 'Required' }]);
    // Vietnamese by default, as every field error
    const vi = await invoke(route, { as: desk, body });
    expect(vi.body.errors).toEqual([{ field: 'Idempotency-Key', code: 'required', message: 'Chưa nhập thông tin này' }]);
    expect(db.calls()).toHaveLength(0);
    expect(records.calls()).toHaveLength(0);
  });

  it.each([
    ['a bad email', { ...body, applicant: { ...body.applicant, email: 'not-an-email' } }, 'applicant.email'],
    ['a bad channel', { ...body, channel: 'fax' }, 'channel'],
    // an unknown key is named by itself (issue 20, 3)
    ['an unknown field', { ...body, extra: 1 }, 'extra'],
  ])('names the wrong field for %s (400)', async (_, sent, field) => {
    const answer = await invoke(route, { as: desk, body: sent, headers: key(2) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(db.calls()).toHaveLength(0);
  });

  it('answers 422 for a procedure not in force, and for a draft that does not exist, before a number is reserved', async () => {
    const unknown = await invoke(route, { as: desk, body: { ...body, procedureCode: 'NO-SUCH' }, headers: key(3) });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('procedureCode');
    const draft = await invoke(route, { as: desk, body: { ...body, documents: [{ draftId: '0123456789abcdef0123456789abcdef' }] }, headers: { ...key(4), 'accept-language': 'en' } });
    expect(draft.status).toBe(422);
    expect(draft.body.errors).toEqual([{ field: 'documents.0.draftId', code: 'invalid', label: 'Uploaded file', message: 'No such draft (or it expired)' }]);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
    // a refusal leaves no idempotency record: the request can be corrected and sent again
    expect(records.commandCalls(DeleteItemCommand)).toHaveLength(2);
  });

  it('writes the dossier once (conditional put, open, in the logbook) with only the hash of the PIN it shows once (201)', async () => {
    const answer = await invoke(route, { as: desk, body, headers: key(5) });
    expect(answer.status).toBe(201);
    const received = Received.parse(answer.body);
    expect(received).toMatchObject({ code: CODE, status: 2, receivedAt: '2026-12-07T09:00:00+07:00' });
    expect(received.lookupPin).toMatch(/^\d{8}$/);
    const put = dossierPut()!.args[0].input;
    expect(put.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(put.Item).toMatchObject({ PK: `DOSSIER#${CODE}`, SK: 'META', ...openIndexKeys(CODE), GSI2PK: 'LOG#TTHCC#2026-12', status: 2, channel: 'counter', receivedBy: 'desk-officer', documents: body.documents });
    expect(await verifyPin(received.lookupPin, put.Item!.pinHash as string)).toBe(true);
    // the PIN in clear is nowhere: not in the table, not in the idempotency record
    const written = JSON.stringify([db.calls().map((c) => c.args[0].input), records.calls().map((c) => c.args[0].input)]);
    expect(written).not.toContain(`"${received.lookupPin}"`);
    // the applicant's lookup items, and the number settled on the request's own item
    expect(db.commandCalls(PutCommand).map((c) => String(c.args[0].input.Item!.PK))).toEqual(expect.arrayContaining([expect.stringMatching(/^APPLICANT#/), expect.stringMatching(/^INTAKE#/)]));
    // the search index, written before the dossier (a crash between leaves an index finding nothing), its keys hashed
    // in one BatchWriteItem (≤ 25 items), not a PutItem each
    const index = indexPuts();
    expect(db.commandCalls(BatchWriteCommand)).toHaveLength(1);
    expect(db.commandCalls(PutCommand).filter((c) => String(c.args[0].input.Item!.SK).startsWith('SEARCH#'))).toHaveLength(0);
    expect(index.map((i) => i.SK).sort()).toEqual(searchItems({ code: CODE, receivedAt: put.Item!.receivedAt as string, applicant: body.applicant }).map((i) => i.SK).sort());
    const order = db.calls().map((c) => (c.args[0].input instanceof Object && 'RequestItems' in c.args[0].input ? 'INDEX' : ((c.args[0].input as { Item?: { SK?: string } }).Item?.SK ?? '')));
    expect(order.lastIndexOf('INDEX')).toBeLessThan(order.indexOf('META'));
    expect(JSON.stringify(index)).not.toMatch(new RegExp(body.applicant.name.split(' ')[0]!, 'i'));
  });

  it('answers a replayed key with the first answer and a new PIN, whose hash replaces the first (201)', async () => {
    const first = await invoke(route, { as: desk, body, headers: key(6) });
    const saved = records.commandCalls(UpdateItemCommand)[0]!.args[0].input;
    const values = saved.ExpressionAttributeValues!;
    const put = records.commandCalls(PutItemCommand)[0]!.args[0].input;
    // the record the first request left, as the conditional put of the retry finds it
    const record = { ...put.Item, status: values[':status'], expiresAt: values[':expiry'], data: values[':response_data'], validation: values[':validation_key'] };
    records.on(PutItemCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {}, Item: record as never }));
    db.resetHistory();
    const again = await invoke(route, { as: desk, body, headers: key(6) });
    expect(again.status).toBe(201);
    const { lookupPin: pin1, ...rest1 } = first.body;
    const { lookupPin: pin2, ...rest2 } = again.body;
    expect(rest2).toEqual(rest1);
    expect(pin2).toMatch(/^\d{8}$/);
    expect(dossierPut()).toBeUndefined(); // nothing received twice
    const setPin = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(setPin).toMatchObject({ Key: { PK: `DOSSIER#${CODE}`, SK: 'META' }, UpdateExpression: 'SET pinHash = :h', ConditionExpression: 'intakeKey = :k' });
    expect(await verifyPin(pin2, setPin.ExpressionAttributeValues![':h'] as string)).toBe(true);
    expect(JSON.stringify(record)).not.toContain(`"${pin1}"`);
  });

  it('answers a retry after a crash that followed the write with that dossier, not a second one', async () => {
    // the dossier of this request is already there: the conditional put fails
    db.on(PutCommand, { ConditionExpression: 'attribute_not_exists(PK)' }).callsFake((input: { Item: Record<string, unknown> }) => {
      if (input.Item.SK !== 'META') return {};
      db.on(GetCommand, { Key: { PK: `DOSSIER#${CODE}`, SK: 'META' } }).resolves({ Item: { ...input.Item, pinHash: 'scrypt$old$hash' } });
      throw new ConditionalCheckFailedException({ message: 'exists', $metadata: {} });
    });
    const answer = await invoke(route, { as: desk, body, headers: key(7) });
    expect(answer.status).toBe(201);
    expect(Received.parse(answer.body)).toMatchObject({ code: CODE, status: 2 });
    // the PIN of the first attempt was never shown: the dossier gets the hash of this one
    const setPin = db.commandCalls(UpdateCommand).find((c) => c.args[0].input.UpdateExpression === 'SET pinHash = :h')!.args[0].input;
    expect(setPin).toMatchObject({ Key: { PK: `DOSSIER#${CODE}`, SK: 'META' }, ConditionExpression: 'intakeKey = :k' });
    expect(setPin.ExpressionAttributeValues![':h']).toMatch(/^scrypt\$/);
    expect(db.commandCalls(PutCommand).filter((c) => c.args[0].input.Item?.SK === 'META')).toHaveLength(1);
    // the index is written again from the dossier stored (its receipt time orders the results)
    const stored = db.commandCalls(PutCommand).find((c) => c.args[0].input.Item?.SK === 'META')!.args[0].input.Item!;
    const last = indexPuts().at(-1)!;
    expect(last.GSI1SK).toBe(`${stored.receivedAt}#${CODE}`);
  });
  describe('at a branch desk (group branch-<CODE> beside desk)', () => {
    // the branches are read from the table, where the catalogue loader wrote them
    beforeEach(() => {
      for (const b of hanoi.profile.branches ?? []) db.on(GetCommand, { Key: { PK: 'CATALOGUE', SK: `BRANCH#${b.code}` } }).resolves({ Item: { PK: 'CATALOGUE', SK: `BRANCH#${b.code}`, ...b } });
    });
    const branchDesk = (code: string) => ({ sub: `desk-${code.toLowerCase()}`, groups: ['desk', `branch-${code}`] });

    it("numbers the dossier with the branch's prefix and its own day counter, and records the branch", async () => {
      db.on(UpdateCommand, { Key: { PK: 'COUNTER#BDH#261207', SK: 'COUNTER' }, ConditionExpression: 'attribute_not_exists(#slot)' }).resolves({ Attributes: { seq: 7 } });
      const answer = await invoke(route, { as: branchDesk('BDH'), body, headers: key(20) });
      expect(answer.status).toBe(201);
      expect(answer.body.code).toBe('BDH-261207-0007');
      expect(dossierPut()!.args[0].input.Item).toMatchObject({ PK: 'DOSSIER#BDH-261207-0007', branch: 'BDH', GSI2PK: 'LOG#TTHCC#2026-12' });
      const counters = db.commandCalls(UpdateCommand).map((c) => c.args[0].input.Key?.PK).filter((k) => String(k).startsWith('COUNTER#'));
      expect(new Set(counters)).toEqual(new Set(['COUNTER#BDH#261207']));
    });

    it('leaves the main desk as it was: its prefix, its counter, no branch', async () => {
      const answer = await invoke(route, { as: desk, body, headers: key(21) });
      expect(answer.body.code).toBe(CODE);
      expect(dossierPut()!.args[0].input.Item).not.toHaveProperty('branch');
    });

    it('refuses a branch the centre does not have, and an officer of two branches (403), writing nothing', async () => {
      expect((await invoke(route, { as: branchDesk('XYZ'), body, headers: key(22) })).status).toBe(403);
      expect((await invoke(route, { as: { sub: 'two', groups: ['desk', 'branch-BDH', 'branch-CGY'] }, body, headers: key(23) })).status).toBe(403);
      expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
      expect(dossierPut()).toBeUndefined();
    });
  });
});
