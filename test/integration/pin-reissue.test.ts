import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_CLIENT_ASKS } from '../../functions/core/pin-budget';
import { callFrom, clientAddress } from '../support/from';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/** A new PIN: reissued by the desk, or asked for by the citizen who lost it; and the gateway's per-client limit. */
describe('a new PIN', () => {
  let h: Harness;
  let db: DynamoDBClient;
  let desk: string;
  const receive = async (n: number) => {
    const res = await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: applicant(n), channel: 'counter' } });
    expect(res.status).toBe(201);
    return res.body as { code: string; lookupPin: string };
  };
  const look = (code: string, pin: string, from = clientAddress(1)) => callFrom(h.runtime.apiUrl, from, 'GET', `/public/dossiers/${code}`, { headers: { 'x-lookup-pin': pin } });
  const remind = (code: string, from = clientAddress(2)) =>
    callFrom(h.runtime.apiUrl, from, 'POST', `/api/public/dossiers/${code}/pin-reminder`, { body: {}, headers: { 'idempotency-key': uniqueKey() } });
  const pinLetters = async (n: number) => (await h.emailsTo(applicant(n).email)).filter((e) => e.subject.startsWith('Mã PIN tra cứu mới'));
  const pinIn = (e: { body: { text: string } }) => /: (\d{8})\n/.exec(e.body.text)![1]!;
  const tableText = async () => JSON.stringify((await db.send(new ScanCommand({ TableName: 'motcua' }))).Items);

  beforeAll(async () => {
    h = await startHarness({ resume: false, publicRateLimit: { capacity: 60, windowSeconds: 60 } });
    db = new DynamoDBClient({ endpoint: h.runtime.dynamoDbUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(async () => {
    db?.destroy();
    await h?.stop();
  });

  it('the desk reissues a PIN: emailed to the applicant, the old one stops working, the slow-down is lifted', async () => {
    const d = await receive(1);
    // someone has been guessing from many addresses: the dossier is slowed down
    await Promise.all(Array.from({ length: 20 }, (_, i) => look(d.code, '00000000', clientAddress(100 + i))));
    const res = await h.call('POST', `/dossiers/${d.code}/pin`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: {} });
    expect(res.status).toBe(202);
    expect(JSON.stringify(res.body)).not.toMatch(/\d{8}/);
    const letter = await eventually(async () => (await pinLetters(1))[0]);
    const pin = pinIn(letter);
    expect(pin).not.toBe(d.lookupPin);
    expect(letter.body.html).toContain(pin);
    // checked at once (404, not 429): the slow-down went with the old PIN
    expect((await look(d.code, d.lookupPin)).status).toBe(404);
    expect((await look(d.code, pin)).status).toBe(200);
    // the PIN is in the letter only: not in the table (the marker included), only its scrypt hash
    const table = await tableText();
    expect(table).not.toContain(pin);
    expect(table).toContain(`EMAIL#pin-reissued-1`);
    // other officers may not
    const stp = await h.token('stp-1', ['agency-STP']);
    expect((await h.call('POST', `/dossiers/${d.code}/pin`, { token: stp, body: {} })).status).toBe(403);
    expect((await h.call('POST', '/dossiers/TTHCC-261202-9999/pin', { token: desk, body: {} })).status).toBe(404);
  });

  it('"I lost my PIN": the same 202 for any code, a new PIN emailed when the dossier exists, at most one per ten minutes', async () => {
    const d = await receive(2);
    const real = await remind(d.code);
    const unknown = await remind('TTHCC-261202-9998');
    expect(real.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(real.body).toEqual(unknown.body);
    expect(real.headers['content-type']).toBe(unknown.headers['content-type']);
    const letter = await eventually(async () => (await pinLetters(2))[0]);
    const pin = pinIn(letter);
    expect((await look(d.code, d.lookupPin)).status).toBe(404);
    expect((await look(d.code, pin)).status).toBe(200);
    // again within ten minutes: the same answer, no new PIN, the emailed one still works
    expect((await remind(d.code, clientAddress(3))).status).toBe(202);
    await h.settled(); // the email queue is drained: a second letter would have been sent by now
    expect(await pinLetters(2)).toHaveLength(1);
    expect((await look(d.code, pin)).status).toBe(200);
    await h.advance('PT11M');
    expect((await remind(d.code, clientAddress(3))).status).toBe(202);
    await eventually(async () => (await pinLetters(2)).length === 2);
    expect(await tableText()).not.toContain(pin);
  });

  it('limits the reminders one client may ask, whatever the codes', async () => {
    const from = clientAddress(9);
    const statuses = [];
    for (let i = 0; i < REMINDER_CLIENT_ASKS + 2; i++) statuses.push((await remind(`TTHCC-261202-${String(9000 + i)}`, from)).status);
    expect(statuses).toEqual([...Array(REMINDER_CLIENT_ASKS).fill(202), 429, 429]);
    expect((await remind('TTHCC-261202-9100', clientAddress(10))).status).toBe(202);
  });

  it('the local gateway limits each client on the citizen’s routes: 429 problem+json with Retry-After', async () => {
    const from = clientAddress(20);
    const statuses = await Promise.all(Array.from({ length: 70 }, () => callFrom(h.runtime.apiUrl, from, 'GET', '/api/public/dossiers/TTHCC-261202-0001')));
    const refused = statuses.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(refused[0]!.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThan(0);
    // another client is not affected, nor an officers' route
    expect((await callFrom(h.runtime.apiUrl, clientAddress(21), 'GET', '/api/public/dossiers/TTHCC-261202-0001')).status).toBe(404);
    expect((await callFrom(h.runtime.apiUrl, from, 'GET', '/procedures', { token: desk })).status).toBe(200);
  });
});
