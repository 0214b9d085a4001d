import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CHECKS, FREE_CHECKS, maxChecksWithin } from '../../functions/core/pin-budget';
import { callFrom, clientAddress } from '../support/from';
import { applicant, startHarness, uniqueKey, type Harness } from '../support/local';

/**
 * PIN guessing against the real stand-ins, through the local gateway, from many client
 * addresses (127.0.x.y): a 404 is a PIN that was checked (and wrong), a 429 one that was not.
 * The figures are printed for the closing note.
 */
describe('PIN guessing', () => {
  let h: Harness;
  let desk: string;
  const receive = async (n: number) => {
    const res = await h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: applicant(n), channel: 'counter' } });
    expect(res.status).toBe(201);
    return res.body as { code: string; lookupPin: string };
  };
  const wrong = (pin: string) => (pin === '00000000' ? '11111111' : '00000000');
  const look = (from: string, code: string, pin?: string, token?: string) =>
    callFrom(h.runtime.apiUrl, from, 'GET', `/public/dossiers/${code}`, { token, headers: pin === undefined ? {} : { 'x-lookup-pin': pin } });

  /** `total` wrong PINs in bursts of `burst` (each burst at once); `from(i)` picks the i-th request's address. */
  async function guess(code: string, pin: string, total: number, burst: number, from: (i: number) => string) {
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 0; i < total; i += burst) {
      const batch = await Promise.all(Array.from({ length: burst }, (_, j) => look(from(i + j), code, wrong(pin))));
      statuses.push(...batch.map((r) => r.status));
    }
    return { checked: statuses.filter((s) => s === 404).length, refused: statuses.filter((s) => s === 429).length, ms: Date.now() - started, statuses };
  }

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(() => h?.stop());

  it('checks at most 5 of 100 wrong PINs sent by one client in bursts of 20; the owner elsewhere gets in', async () => {
    const d = await receive(1);
    const out = await guess(d.code, d.lookupPin, 100, 20, () => clientAddress(1));
    console.log(`one client, 100 wrong PINs in bursts of 20: ${out.checked} checked, ${out.refused} refused (429) in ${out.ms} ms`);
    expect(out.checked + out.refused).toBe(100);
    expect(out.checked).toBeLessThanOrEqual(CLIENT_CHECKS);
    expect((await look(clientAddress(2), d.code, d.lookupPin)).status).toBe(200);
  });

  it('checks at most the documented number of 100 wrong PINs sent by 100 clients in bursts of 20; the owner waits, never locked', async () => {
    const d = await receive(2);
    const out = await guess(d.code, d.lookupPin, 100, 20, (i) => clientAddress(100 + i));
    const bound = maxChecksWithin(out.ms + 1000);
    console.log(`100 clients, 100 wrong PINs in bursts of 20: ${out.checked} checked (bound ${bound} within ${out.ms} ms), ${out.refused} refused (429)`);
    expect(out.checked).toBeGreaterThanOrEqual(FREE_CHECKS);
    expect(out.checked).toBeLessThanOrEqual(bound);
    const owner = await look(clientAddress(3), d.code, d.lookupPin);
    if (owner.status === 429) {
      const wait = Number(owner.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(300);
      await h.advance(`PT${wait}S`);
      expect((await look(clientAddress(3), d.code, d.lookupPin)).status).toBe(200);
    } else expect(owner.status).toBe(200);
    // the right PIN lifted the slow-down: a wrong one is checked again at once
    expect((await look(clientAddress(4), d.code, wrong(d.lookupPin))).status).toBe(404);
  });

  it('a guesser taking every slot as the delay ends (4 addresses) does not keep the owner out: in within the 5-minute ceiling', async () => {
    const d = await receive(5);
    const guesser = (i: number) => clientAddress(500 + (i % 4));
    let sent = 0;
    for (; sent < FREE_CHECKS; sent++) expect((await look(guesser(sent), d.code, wrong(d.lookupPin))).status).toBe(404);
    let owner = await look(clientAddress(599), d.code, d.lookupPin);
    let waited = 0;
    const statuses = [owner.status];
    for (let round = 0; owner.status === 429 && round < 8; round++) {
      const wait = Number(owner.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      waited += wait;
      await h.advance(`PT${wait}S`);
      // the guesser's wrong PIN lands first, as the delay ends
      await look(guesser(sent++), d.code, wrong(d.lookupPin));
      owner = await look(clientAddress(599), d.code, d.lookupPin);
      statuses.push(owner.status);
    }
    console.log(`owner against a slot-taking guesser: ${statuses.join(' ')} after waiting ${waited} s`);
    expect(owner.status).toBe(200);
    expect(waited).toBeLessThanOrEqual(300);
  });

  it('50 wrong PINs cannot lock 10 owners out', async () => {
    const dossiers = [];
    for (let n = 0; n < 10; n++) dossiers.push(await receive(10 + n));
    const attacker = clientAddress(7);
    const sent = await Promise.all(dossiers.flatMap((d) => Array.from({ length: 5 }, () => look(attacker, d.code, wrong(d.lookupPin)))));
    expect(sent.map((r) => r.status).filter((s) => s !== 404)).toEqual([]);
    const owners = await Promise.all(dossiers.map((d, n) => look(clientAddress(20 + n), d.code, d.lookupPin)));
    expect(owners.map((r) => r.status)).toEqual(Array(10).fill(200));
    // the attacker has spent its own budget on each of them, nobody else's
    expect((await look(attacker, dossiers[0]!.code, wrong(dossiers[0]!.lookupPin))).status).toBe(429);
  });

  it('never counts an officer’s token without a PIN against the citizen', async () => {
    const d = await receive(30);
    const agency = await h.token('stp-1', ['agency-STP']);
    const from = clientAddress(31);
    for (let i = 0; i < 12; i++) {
      const token = i % 2 ? desk : agency;
      expect((await look(from, d.code, undefined, token)).status).toBe(404);
      expect((await look(from, d.code, 'not-a-pin', token)).status).toBe(404);
    }
    expect((await look(from, d.code, d.lookupPin)).status).toBe(200);
  });

  it('checks and counts the PIN of a replayed Idempotency-Key like a first request', async () => {
    const d = await receive(40);
    const key = uniqueKey();
    const withdraw = (from: string, pin: string) =>
      callFrom(h.runtime.apiUrl, from, 'POST', `/public/dossiers/${d.code}/withdraw`, { headers: { 'x-lookup-pin': pin, 'idempotency-key': key }, body: { reason: 'Không còn nhu cầu' } });
    const first = await withdraw(clientAddress(41), d.lookupPin);
    expect(first.status).toBe(202);
    const replays = [];
    for (let i = 0; i < CLIENT_CHECKS + 2; i++) replays.push((await withdraw(clientAddress(42), wrong(d.lookupPin))).status);
    expect(replays).toEqual([...Array(CLIENT_CHECKS).fill(404), 429, 429]);
    // the right PIN from the spent client is not even checked; from elsewhere it gets the first answer
    expect((await withdraw(clientAddress(42), d.lookupPin)).status).toBe(429);
    const again = await withdraw(clientAddress(43), d.lookupPin);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
  });
});
