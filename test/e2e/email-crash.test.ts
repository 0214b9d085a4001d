import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sesModule from 'aws-ses-v2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runtimeClient, startRuntimeChild } from '../support/child-runtime';
import { applicant, eventually, uniqueKey } from '../support/local';

const sesServer = ((sesModule as unknown as { default?: unknown }).default ?? sesModule) as (c: { host: string; port: number }) => Promise<Server>;

const DOSSIERS = 20;
/** The sender's claim lease in this test (the SES call is aborted after 10 s, well inside it). */
const LEASE_SECONDS = 20;

/**
 * Issue 11's second email probe: the runtime is killed (SIGKILL) 250 ms after the desk approved
 * 20 `return` steps, while their "returned" and rating emails are being queued and sent, then
 * started again on the same data. Every email arrives, and at most one duplicate per email: only
 * an email SES accepted whose message id the killed sender had not yet recorded can go twice.
 */
describe('SIGKILL while emails are sent', () => {
  let dataDir = '';
  let mailbox: Server;
  let mailboxUrl: string;
  let port: number;
  let child: ChildProcess | undefined;

  const start = async () => {
    const started = await startRuntimeChild({ MOTCUA_DATA: dataDir, PORT: String(port), MAILBOX_URL: mailboxUrl, EMAIL_LEASE_SECONDS: String(LEASE_SECONDS) });
    child = started.child;
  };
  const { api, token } = runtimeClient(() => port);
  type Mail = { subject: string; destination: { to: string[] } };
  const emails = async () => ((await (await fetch(`${mailboxUrl}/store`)).json()) as { emails: Mail[] }).emails;
  const kind = (e: Mail) => e.subject.split(' / ')[0]!.replace(/TTHCC-\S+/, '').trim();

  beforeAll(async () => {
    mailbox = await sesServer({ host: '127.0.0.1', port: 0 });
    mailboxUrl = `http://127.0.0.1:${(mailbox.address() as AddressInfo).port}`;
    port = await freePort();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await new Promise<void>((ok) => mailbox.close(() => ok()));
  });

  /** `when`: after the approvals, wait for this before the kill. */
  const probe = (name: string, when: (sentSoFar: () => Promise<number>) => Promise<unknown>) => it(name, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-email-kill-'));
    await fetch(`${mailboxUrl}/clear-store`, { method: 'POST' }).catch(() => undefined);
    const before = (await emails()).length;
    await start();
    await api('POST', '/_local/clock', { body: { set: '2026-12-03T08:30:00+07:00' } });
    const [desk, sdl] = [await token('desk-1', 'desk'), await token('sdl-1', 'agency-SDL')];
    const tag = name.length % 2 ? 'a' : 'b';
    const people = Array.from({ length: DOSSIERS }, (_, i) => ({ ...applicant(i), email: `crash.${tag}${i}.${process.pid}@example.vn` }));
    const mine = async () => (await emails()).slice(before);
    const codes: string[] = [];
    for (const who of people) {
      const res = await api('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'DL-LHND', applicant: who, channel: 'counter' } });
      expect(res.status).toBe(201);
      codes.push(res.body.code);
    }
    await eventually(async () => (await api('GET', '/agencies/SDL/tasks', { token: sdl })).body.tasks.length === DOSSIERS, 60_000);
    for (const c of codes) expect((await api('POST', `/dossiers/${c}/steps/s1-sdl/decision`, { token: sdl, body: { outcome: 'approve' } })).status).toBe(202);
    await eventually(async () => (await api('GET', '/agencies/TTHCC/tasks', { token: desk })).body.tasks.length === DOSSIERS, 60_000);
    // every email so far (receipt, result ready) is out before the probe
    await eventually(async () => (await mine()).length === 2 * DOSSIERS, 60_000);

    await Promise.all(codes.map((c) => api('POST', `/dossiers/${c}/steps/return/decision`, { token: desk, body: { outcome: 'approve' } })));
    await when(async () => (await mine()).length - 2 * DOSSIERS);
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const atKill = (await mine()).length - 2 * DOSSIERS;

    await start();
    // returned + rating invitation for each dossier: all of them arrive
    const all = await eventually(async () => {
      const list = (await mine()).filter((e) => !/Giấy tiếp nhận|đã có kết quả/.test(e.subject));
      const distinct = new Set(list.map((e) => `${e.destination.to[0]} ${kind(e)}`));
      return distinct.size === 2 * DOSSIERS ? list : undefined;
    }, 150_000);
    // anything still waiting on a stale claim (its message delayed to the lease's end) has gone: nothing is left to do
    await eventually(async () => (await api('GET', '/_local/settled')).body.settled, (LEASE_SECONDS + 60) * 1000);
    const after = (await mine()).filter((e) => !/Giấy tiếp nhận|đã có kết quả/.test(e.subject));
    const copies = new Map<string, number>();
    for (const e of after) copies.set(`${e.destination.to[0]} ${kind(e)}`, (copies.get(`${e.destination.to[0]} ${kind(e)}`) ?? 0) + 1);
    const duplicates = [...copies.values()].filter((n) => n > 1).length;
    console.log(
      `email crash probe (${name}): ${DOSSIERS} returns approved, killed with ${atKill} of ${2 * DOSSIERS} emails sent; ` +
        `after the restart ${after.length} emails for ${copies.size} distinct (address, letter): ${duplicates} with a duplicate, max ${Math.max(...copies.values())} copies`,
    );
    expect(all.length).toBeGreaterThanOrEqual(2 * DOSSIERS);
    expect(copies.size).toBe(2 * DOSSIERS);
    expect(Math.max(...copies.values())).toBeLessThanOrEqual(2);
    for (const c of codes) expect((await api('GET', `/dossiers/${c}`, { token: desk })).body.status).toBe(10);
    // the receipt and result-ready emails sent before the probe were not sent again
    expect((await mine()).filter((e) => /Giấy tiếp nhận/.test(e.subject))).toHaveLength(DOSSIERS);
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }, 300_000);

  probe('killed 250 ms after 20 return approvals', () => new Promise((r) => setTimeout(r, 250)));
  // the same, with the kill in the middle of the sending: once the first of these emails has arrived
  probe('killed as the first of these emails arrives', (sent) => eventually(async () => (await sent()) >= 1, 60_000).catch(() => undefined));
});
