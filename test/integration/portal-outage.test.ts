import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox, type OutboxItem } from '../../functions/commons/outbox';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';

/**
 * Issue 22's "a portal outage of an hour loses nothing and duplicates nothing once it is back",
 * against the local portal (/_local/dvcqg) with the outbox's real backoff (OUTBOX_RETRY_SCALE 1)
 * on the local clock: the portal is down, dossiers receive facts during the hour, the clock moves
 * through the hour in 5-minute steps (each step waits for the poller to have retried what was
 * due), then the portal comes back: every event is accepted once, in order per dossier, with no
 * operator's resend (docs/outbox.md, "An hour's outage parks nothing").
 */
describe('an hour of national portal outage', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  const t: Record<string, string> = {};

  interface Call { service: string; status: number; body: Record<string, any> }
  const calls = async (code: string): Promise<Call[]> =>
    ((await h.call('GET', '/_local/dvcqg/calls')).body.calls as Call[]).filter((c) => c.body.MaHoSo === code);
  const accepted = async (code: string) => (await calls(code)).filter((c) => c.status === 200);
  const done = (e: OutboxItem) => e.portalState === 'sent' || e.portalState === 'skipped';

  /**
   * The poller has been over every dossier since the clock last moved: each one is either all
   * sent, or its first unsent event failed and waits for a retry time still to come (or is parked).
   */
  const passed = (codes: string[]) =>
    eventually(async () => {
      const now = new Date(h.runtime.clock.now()).toISOString();
      for (const code of codes) {
        const out = await listOutbox(code);
        const head = out.find((e) => !done(e));
        if (out.length === 0) return false;
        // (parked: nothing more happens to it without an operator; the assertions below say so)
        if (head && head.portalState !== 'parked' && !(head.portalState === 'pending' && head.portalAttempts > 0 && head.portalNextAt && head.portalNextAt > now)) return false;
      }
      return true;
    }, 60_000);

  beforeAll(async () => {
    // the real schedule (other files scale it down to milliseconds)
    process.env.OUTBOX_RETRY_SCALE = '1';
    h = await startHarness({ resume: true, outbox: true });
    s = scenario(h);
    await s.setClock('2026-12-02T08:00:00+07:00');
    t.desk = await h.token('desk-1', ['desk']);
    t.stp = await h.token('stp-1', ['agency-STP']);
  }, 60_000);
  afterAll(async () => h?.stop());

  it('parks nothing through the hour and, once the portal is back, sends every event once, in order per dossier', async () => {
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: true } });
    const a = (await s.receive(t.desk, 'TP-LLTP', applicant(1))).code;
    const b = (await s.receive(t.desk, 'TP-LLTP', applicant(2))).code;
    const codes = [a, b];
    await s.task('STP', t.stp, a);
    await passed(codes);

    // the hour, in 5-minute steps; facts keep coming: a decision at 20 min, a new dossier at 35 min
    for (let minute = 5; minute <= 60; minute += 5) {
      await h.advance('PT5M');
      if (minute === 20) {
        await s.decide(t.stp, a, 's1-stp', { outcome: 'approve' });
        await eventually(async () => (await listOutbox(a)).some((e) => e.event.kind === 'step-assigned' && e.event.stepId === 's2-catp'));
      }
      if (minute === 35) {
        const c = (await s.receive(t.desk, 'TP-LLTP', applicant(3))).code;
        codes.push(c);
        await eventually(async () => (await listOutbox(c)).length === 2);
      }
      await passed(codes);
    }

    // an hour on: the portal has accepted nothing, every dossier's first event is still pending
    // (retried on the local clock, not parked) and the events behind it wait, none lost
    for (const code of codes) {
      expect(await accepted(code)).toHaveLength(0);
      const out = await listOutbox(code);
      expect(out.map((e) => e.portalState)).not.toContain('parked');
      expect(out[0]).toMatchObject({ portalState: 'pending' });
      expect(out[0]!.portalAttempts).toBeLessThan(8);
      expect(out.slice(1).every((e) => e.portalAttempts === 0)).toBe(true);
    }
    expect((await listOutbox(a))[0]!.portalAttempts).toBeGreaterThanOrEqual(5); // backed off through the hour
    expect((await calls(a)).filter((c) => c.status === 503).length).toBeGreaterThanOrEqual(5);

    // back: no operator, only the clock; within the backoff's cap (30 min) everything has gone
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: false } });
    const allSent = async () => (await Promise.all(codes.map(async (c) => (await listOutbox(c)).every(done)))).every(Boolean);
    for (let minute = 5; minute <= 35 && !(await allSent()); minute += 5) {
      await h.advance('PT5M');
      await passed(codes);
    }
    expect(await allSent()).toBe(true);

    const expected: Record<string, [string, number][]> = {
      [a]: [['DongBoHoSoMC', 2], ['CapNhatTienDoHoSoMC', 4], ['CapNhatTienDoHoSoMC', 4], ['CapNhatTienDoHoSoMC', 4]], // received, to STP, STP decided, to CATP
      [b]: [['DongBoHoSoMC', 2], ['CapNhatTienDoHoSoMC', 4]],
      [codes[2]!]: [['DongBoHoSoMC', 2], ['CapNhatTienDoHoSoMC', 4]],
    };
    for (const code of codes) {
      const ok = await accepted(code);
      const out = await listOutbox(code);
      expect(ok.map((c) => [c.service, c.body.TrangThaiHoSo ?? c.body.TrangThai])).toEqual(expected[code]);
      // each event accepted once: as many accepted calls as events, each event sent at its one success
      expect(ok).toHaveLength(out.length);
      expect(out.every((e) => e.portalState === 'sent')).toBe(true);
      // in order: the progress lines' instants never go back
      const instants = ok.filter((c) => c.service === 'CapNhatTienDoHoSoMC').map((c) => String(c.body.ThoiDiemXuLy));
      expect([...instants].sort()).toEqual(instants);
    }
    // another pass sends nothing more
    await h.runtime.outbox.once();
    for (const code of codes) expect(await accepted(code)).toHaveLength(expected[code]!.length);
    expect(h.runtime.outbox.errors).toEqual([]);
  }, 240_000);
});
