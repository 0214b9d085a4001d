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

  const codeIn = (e: { body: { text: string } }) => /(?:Mã xác nhận|Confirmation code): ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(e.body.text)![1]!;
  const confirm = (code: string, confirmation: string, from = clientAddress(4)) =>
    callFrom(h.runtime.apiUrl, from, 'POST', `/api/public/dossiers/${code}/pin-reminder`, { body: { confirmation }, headers: { 'idempotency-key': uniqueKey() } });

  it('"I lost my PIN": a stranger’s reminder cancels nothing — the old PIN works until the letter’s one-time code sets the new one', async () => {
    const d = await receive(2);
    const real = await remind(d.code);
    const unknown = await remind('TTHCC-261202-9998');
    expect(real.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(real.body).toEqual(unknown.body);
    expect(real.headers['content-type']).toBe(unknown.headers['content-type']);
    const letter = await eventually(async () => (await pinLetters(2))[0]);
    const pin = pinIn(letter);
    const code = codeIn(letter);
    // the link carries the code in the fragment, never in a query a server would log
    expect(letter.body.html).toContain(`/c/${d.code}#confirm-pin=${code}`);
    expect(letter.body.html).not.toMatch(/\?[^"]*confirm/);
    // nothing changed yet: the PIN the citizen holds works, the letter's does not
    expect((await look(d.code, d.lookupPin)).status).toBe(200);
    expect((await look(d.code, pin)).status).toBe(404);
    // a wrong code and an unknown dossier: the same 400 naming the field
    const wrong = await confirm(d.code, 'AAAAA-AAAAA');
    const nowhere = await confirm('TTHCC-261202-9998', code);
    expect(wrong.status).toBe(400);
    expect(nowhere.status).toBe(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(['confirmation']);
    expect({ ...nowhere.body, instance: undefined }).toEqual({ ...wrong.body, instance: undefined });
    // the right code, typed in lower case without the dash: the new PIN replaces the old one
    const ok = await confirm(d.code, code.replace('-', '').toLowerCase());
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toMatch(/\d{8}/);
    expect((await look(d.code, d.lookupPin)).status).toBe(404);
    expect((await look(d.code, pin)).status).toBe(200);
    expect((await confirm(d.code, code)).status).toBe(400); // used
    // neither the PIN nor the code in the table (the marker included): the letter went through the queue, with its event key
    const table = await tableText();
    expect(table).not.toContain(pin);
    expect(table).not.toContain(code.replace('-', ''));
    expect(table).not.toContain(code);
    const marker = JSON.parse(table).find((i: { SK?: { S: string }; PK?: { S: string } }) => i.PK?.S === `DOSSIER#${d.code}` && i.SK?.S.startsWith('EMAIL#pin-reissued-'));
    expect(marker.eventKey.S).toMatch(/^pin-reissued-\d+$/);
    expect(marker.state.S).toBe('sent');
  });

  it('one pending reminder at a time, at most 3 letters a day per dossier: a mailbox cannot be flooded', async () => {
    const d = await receive(3);
    expect((await remind(d.code)).status).toBe(202);
    await eventually(async () => (await pinLetters(3)).length === 1);
    // again within ten minutes: the same answer, no new letter
    expect((await remind(d.code, clientAddress(3))).status).toBe(202);
    await h.settled(); // the email queue is drained: another letter would have been sent by now
    expect(await pinLetters(3)).toHaveLength(1);
    for (let n = 2; n <= 4; n++) {
      await h.advance('PT11M');
      expect((await remind(d.code, clientAddress(10 + n))).status).toBe(202);
      // the third of the day is the last: the fourth is answered the same, and sends nothing
      await eventually(async () => (await pinLetters(3)).length === Math.min(n, 3));
    }
    await h.settled(); // the email queue is drained: another letter would have been sent by now
    expect(await pinLetters(3)).toHaveLength(3);
    // a newer letter overtakes the older one: only the last code works, and the old PIN still does until then
    const letters = (await pinLetters(3)).sort((a, b) => a.at - b.at);
    expect((await confirm(d.code, codeIn(letters[0]!))).status).toBe(400);
    expect((await look(d.code, d.lookupPin)).status).toBe(200);
    expect((await confirm(d.code, codeIn(letters[2]!))).status).toBe(200);
    expect((await look(d.code, pinIn(letters[2]!))).status).toBe(200);
  });

  it('a throttled SES loses no reminder: every letter arrives through the queue, each code works', async () => {
    await h.call('POST', '/_local/faults', { body: { service: 'ses', rate: 1, match: 'outbound-emails' } });
    try {
      const ds: { code: string; lookupPin: string }[] = [];
      for (let n = 0; n < 5; n++) ds.push(await receive(60 + n));
      await Promise.all(ds.map((d, n) => remind(d.code, clientAddress(60 + n))));
      const letters = await eventually(async () => {
        const all = await Promise.all(ds.map((_, n) => pinLetters(60 + n)));
        return all.every((l) => l.length === 1) ? all.map((l) => l[0]!) : undefined;
      }, 60_000);
      for (const [n, d] of ds.entries()) {
        expect((await confirm(d.code, codeIn(letters[n]!), clientAddress(70 + n))).status).toBe(200);
        expect((await look(d.code, pinIn(letters[n]!))).status).toBe(200);
      }
    } finally {
      await h.call('DELETE', '/_local/faults');
    }
  });

  it('operators cannot re-send a PIN letter: 409 with the reason', async () => {
    const d = await receive(5);
    expect((await h.call('POST', `/dossiers/${d.code}/pin`, { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: {} })).status).toBe(202);
    await eventually(async () => (await pinLetters(5))[0]);
    const op = await h.token('op-1', ['operator']);
    const res = await h.call('POST', `/ops/emails/${d.code}~pin-reissued-1/resend`, { token: op, headers: { 'idempotency-key': uniqueKey() } });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/PIN letter is never sent again/);
    await h.settled(); // the email queue is drained: another letter would have been sent by now
    expect(await pinLetters(5)).toHaveLength(1);
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
