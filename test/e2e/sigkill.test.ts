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


/**
 * `npm start` killed with SIGKILL mid-route and started again on the same data: every dossier
 * finishes and each email event reaches the mailbox exactly once. The mailbox runs in this test
 * process, so it outlives the runtime.
 */
describe('SIGKILL mid-route', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-kill-'));
  let mailbox: Server;
  let mailboxUrl: string;
  let port: number;
  let child: ChildProcess | undefined;

  const start = async () => {
    const started = await startRuntimeChild({ MOTCUA_DATA: dataDir, PORT: String(port), MAILBOX_URL: mailboxUrl });
    child = started.child;
    return started.out();
  };
  const { api, token } = runtimeClient(() => port);
  const emails = async () => ((await (await fetch(`${mailboxUrl}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] }).emails;

  beforeAll(async () => {
    mailbox = await sesServer({ host: '127.0.0.1', port: 0 });
    mailboxUrl = `http://127.0.0.1:${(mailbox.address() as AddressInfo).port}`;
    port = await freePort();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await new Promise<void>((ok) => mailbox.close(() => ok()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes every dossier and sends each email once', async () => {
    await start();
    await api('POST', '/_local/clock', { body: { set: '2026-12-03T08:30:00+07:00' } });
    const [desk, stp] = [await token('desk-1', 'desk'), await token('stp-1', 'agency-STP')];
    const people = [1, 2, 3].map((n) => ({ ...applicant(n), email: `kill.${n}.${process.pid}@example.vn` }));
    const codes: string[] = [];
    for (const who of people) {
      const res = await api('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: who, channel: 'counter' } });
      expect(res.status).toBe(201);
      codes.push(res.body.code);
    }
    await eventually(async () => (await api('GET', '/agencies/STP/tasks', { token: stp })).body.tasks.length === 3);
    // approve all three and kill at once, while the workflow is moving them to the next stage
    await Promise.all(codes.map((c) => api('POST', `/dossiers/${c}/steps/s1-stp/decision`, { token: stp, body: { outcome: 'approve' } })));
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));

    const banner = await start();
    expect(banner).toContain('Resumed');
    const catp = await token('catp-1', 'agency-CATP'); // the issuer key survived in the data folder
    await eventually(async () => (await api('GET', '/agencies/CATP/tasks', { token: catp })).body.tasks.length === 3, 30_000);
    for (const c of codes) expect((await api('POST', `/dossiers/${c}/steps/s2-catp/decision`, { token: catp, body: { outcome: 'approve' } })).status).toBe(202);
    await eventually(async () => (await api('GET', '/agencies/TTHCC/tasks', { token: desk })).body.tasks.length === 3, 30_000);
    for (const c of codes) expect((await api('POST', `/dossiers/${c}/steps/return/decision`, { token: desk, body: { outcome: 'approve' } })).status).toBe(202);

    for (const who of people) {
      const mine = await eventually(async () => {
        const list = (await emails()).filter((e) => e.destination.to.includes(who.email));
        return list.length >= 4 ? list : undefined;
      }, 30_000);
      await eventually(async () => (await api('GET', '/_local/settled')).body.settled, 30_000); // nothing left to send
      const subjects = (await emails()).filter((e) => e.destination.to.includes(who.email)).map((e) => e.subject.split(' / ')[0]!.replace(/TTHCC-\S+/, ''));
      expect(new Set(subjects).size).toBe(subjects.length); // each event once
      expect(subjects.length).toBe(4); // receipt, result ready, returned, rating invitation
      expect(mine.length).toBe(4);
    }
    for (const c of codes) expect((await api('GET', `/dossiers/${c}`, { token: desk })).body.status).toBe(10);
  });
});
