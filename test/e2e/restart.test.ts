import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/** Stop the local runtime mid-route and start it again on the same data: the dossier carries on. */
describe('a restart mid-route', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-restart-'));
  let h: Harness | undefined;
  afterAll(async () => {
    await h?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes the open dossier from DynamoDB and finishes it, keeping the clock', async () => {
    h = await startHarness({ dataDir });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-03T08:30:00+07:00' } });
    const desk = await h.token('desk-1', ['desk']);
    const who = applicant(1);
    const { body } = await h.call('POST', '/dossiers', {
      token: desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'TP-LLTP', applicant: who, channel: 'counter' },
    });
    const stp = await h.token('stp-1', ['agency-STP']);
    await eventually(async () => (await h!.call('GET', '/agencies/STP/tasks', { token: stp })).body.tasks?.length);
    expect((await h.call('POST', `/dossiers/${body.code}/steps/s1-stp/decision`, { token: stp, body: { outcome: 'approve' } })).status).toBe(202);
    const catp = await h.token('catp-1', ['agency-CATP']);
    await eventually(async () => (await h!.call('GET', '/agencies/CATP/tasks', { token: catp })).body.tasks?.length);
    await h.stop();

    h = await startHarness({ dataDir });
    expect(h.runtime.resumed).toContain(body.code);
    expect(h.runtime.seeded).toBe(false);
    const clock = await h.call('GET', '/_local/clock');
    expect(Date.parse(clock.body.now)).toBeGreaterThanOrEqual(Date.parse('2026-12-03T08:30:00+07:00'));
    // the token issued before the restart is still valid: the issuer key is kept in the data folder
    const decided = await h.call('POST', `/dossiers/${body.code}/steps/s2-catp/decision`, { token: catp, body: { outcome: 'approve' } });
    expect(decided.status).toBe(202);
    await eventually(async () => (await h!.emailsTo(who.email)).find((e) => e.subject.includes('đã có kết quả')));
    const dossier = await h.call('GET', `/dossiers/${body.code}`, { token: desk });
    expect(dossier.body.status).toBe(9);
    const receipts = (await h.emailsTo(who.email)).filter((e) => e.subject.includes('Giấy tiếp nhận'));
    expect(receipts.length).toBe(1); // the resumed execution did not send the receipt again
  });
});
