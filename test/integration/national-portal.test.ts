import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../functions/commons/webhooks';
import { listOutbox } from '../../functions/commons/outbox';
import { applicant, eventually, scenario, startHarness, uniqueKey, type Harness } from '../support/local';
import { applyOnline, citizenToken, judicialRecordAnswers } from '../support/online';

/**
 * The sync with the National Public Service Portal (docs/national-portal.md) against its local
 * stand-in (/_local/dvcqg): a dossier's life reaches it as the right calls in order, an outage
 * loses and duplicates nothing, and a poller killed between a fact and its call sends it after.
 */
describe('the national portal sync', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  const t: Record<string, string> = {};

  interface Call { n: number; service: string; status: number; body: Record<string, any> }
  const calls = async (code: string): Promise<Call[]> =>
    ((await h.call('GET', '/_local/dvcqg/calls')).body.calls as Call[]).filter((c) => c.body.MaHoSo === code);
  const accepted = async (code: string) => (await calls(code)).filter((c) => c.status === 200);
  /** Every event of the dossier sent (or had nothing to send), none waiting. */
  const allSent = (code: string, last?: string) =>
    eventually(async () => {
      const out = await listOutbox(code);
      return out.length > 0 && (!last || out.some((e) => e.event.kind === last)) && out.every((e) => e.portalState === 'sent' || e.portalState === 'skipped') && out;
    });

  beforeAll(async () => {
    h = await startHarness({ resume: true, outbox: true, retryScale: 0.001 });
    s = scenario(h);
    await s.setClock('2026-12-01T09:00:00+07:00');
    t.desk = await h.token('desk-1', ['desk']);
    t.stp = await h.token('stp-1', ['agency-STP']);
    t.catp = await h.token('catp-1', ['agency-CATP']);
  }, 60_000);
  afterAll(async () => h?.stop());

  it('sends a whole life (receipt, supplement, apology, decisions, return) in order with the national status codes and Vietnam-time dates', async () => {
    const d = await s.receive(t.desk, 'TP-LLTP', applicant(1));
    await s.task('STP', t.stp, d.code);
    await s.decide(t.stp, d.code, 's1-stp', { outcome: 'request-supplement', missing: ['Bản sao CCCD'], reason: 'Thiếu giấy tờ' });
    await s.status(t.desk, d.code, 5);
    expect((await h.call('POST', `/dossiers/${d.code}/supplement`, { token: t.desk, body: { documents: [{ name: 'Bản sao CCCD', ref: 'desk://scan/1' }] } })).status).toBe(202);
    await s.status(t.desk, d.code, 4);
    await s.task('STP', t.stp, d.code);
    await s.decide(t.stp, d.code, 's1-stp', { outcome: 'approve' });
    await s.task('CATP', t.catp, d.code, 's2-catp');
    expect((await h.call('POST', `/dossiers/${d.code}/steps/s2-catp/delay`, { token: t.catp, body: { reason: 'Chờ kết quả xác minh', newDueAt: '2026-12-10T17:00:00+07:00' } })).status).toBe(202);
    await eventually(async () => (await s.dossier(t.desk, d.code)).apologies?.length > 0 || (await listOutbox(d.code)).some((e) => e.event.kind === 'apology'));
    await eventually(async () => {
      const r = await h.call('POST', `/dossiers/${d.code}/steps/s2-catp/decision`, { token: t.catp, body: { outcome: 'approve' } });
      return r.status === 202;
    });
    await s.task('TTHCC', t.desk, d.code, 'return');
    await s.decide(t.desk, d.code, 'return', { outcome: 'approve' });
    await s.status(t.desk, d.code, 10);
    const out = await allSent(d.code, 'returned');

    const got = (await accepted(d.code)).map((c) => [c.service, c.body.TrangThaiHoSo ?? c.body.TrangThai]);
    if (process.env.DEBUG_SYNC) console.log(JSON.stringify(out.map((e) => [e.seq, e.event.kind, e.event.status, e.event.at])), JSON.stringify(got));
    expect(got).toEqual([
      ['DongBoHoSoMC', 2], // received
      ['CapNhatTienDoHoSoMC', 4], // handed to STP
      ['DongBoHoSoMC', 5], // supplement asked
      ['DongBoHoSoMC', 4], // supplement answered
      ['CapNhatTienDoHoSoMC', 4], // STP decided
      ['CapNhatTienDoHoSoMC', 4], // handed to CATP
      ['DongBoHoSoMC', 4], // apology, new appointment
      ['CapNhatTienDoHoSoMC', 4], // CATP decided
      ['CapNhatTienDoHoSoMC', 4], // handed to the desk's return
      ['DongBoHoSoMC', 9], // result ready
      ['CapNhatTienDoHoSoMC', 9], // the desk hands it back
      ['DongBoHoSoMC', 10], // returned
    ]);
    const [first] = await accepted(d.code);
    expect(first!.body).toMatchObject({ MaTTHC: '2.000488', ChuHoSo: applicant(1).name, NgayTiepNhan: '20261201090000', HinhThuc: 0, madonvi: '000.00.00.H26' });
    expect(JSON.stringify(first!.body)).not.toContain(applicant(1).email);
    const apology = out.find((e) => e.event.kind === 'apology')!;
    const apologyCall = (await accepted(d.code))[6]!;
    expect(apologyCall.body.NgayHenTra).toMatch(/^\d{14}$/);
    expect(apologyCall.body.NgayHenTra).not.toBe(first!.body.NgayHenTra);
    expect(apology.event.newAppointmentAt).toBeDefined();
    const last = (await accepted(d.code)).at(-1)!;
    expect(last.body.DanhSachHoSoBoSung).toHaveLength(1);
    // the portal reads it back
    const back = await h.call('GET', `/_local/dvcqg/dossiers/${d.code}`);
    expect(back.body.sync.TrangThaiHoSo).toBe(10);
  }, 120_000);

  it('retries a portal that fails twice, then sends each call once', async () => {
    // the dossier is received while the portal is down, then the portal fails twice more and recovers
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: true } });
    const d = await s.receive(t.desk, 'TP-LLTP', applicant(2));
    await eventually(async () => (await calls(d.code)).some((c) => c.status === 503));
    const before = (await calls(d.code)).length;
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: false, fail: 2 } });
    const out = await allSent(d.code);
    const all = await calls(d.code);
    const ok = all.filter((c) => c.status === 200);
    expect(ok.map((c) => c.service)).toEqual(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
    expect(ok).toHaveLength(out.length);
    // every refused call was retried, and only the refused ones
    expect(out[0]!.portalAttempts - 1 + out[1]!.portalAttempts - 1).toBe(all.length - ok.length);
    expect(all.length - ok.length).toBeGreaterThanOrEqual(before);
  }, 60_000);

  it('parks a call that keeps failing, shows it to operators, resends it on their word', async () => {
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: true } });
    const d = await s.receive(t.desk, 'TP-LLTP', applicant(3));
    const op = await h.token('operator-1', ['operator']);
    const parked = await eventually(async () => {
      const r = await h.call('GET', '/ops/sync?state=parked', { token: op });
      return r.body.events?.find((e: { code: string }) => e.code === d.code);
    }, 60_000); // 8 attempts span 91 min × the test's 0.001 scale: 5.5 s of real time at least
    expect(parked).toMatchObject({ kind: 'received', attempts: 8 });
    expect(parked.error).toContain('503');
    // the dossier's next event waits behind it (order per dossier)
    expect((await accepted(d.code))).toHaveLength(0);
    await h.call('POST', '/_local/dvcqg/faults', { body: { down: false } });
    const retried = await h.call('POST', `/ops/sync/${parked.id}/retry`, { token: op, headers: { 'idempotency-key': `retry-${d.code}` } });
    expect(retried.status).toBe(202);
    await allSent(d.code);
    expect((await accepted(d.code)).map((c) => c.service)).toEqual(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
  }, 60_000);

  it('loses nothing when the poller is killed between the fact and the call: a new one sends it, once', async () => {
    await h.runtime.outbox.stop();
    const d = await s.receive(t.desk, 'TP-LLTP', applicant(4));
    await s.task('STP', t.stp, d.code);
    await s.decide(t.stp, d.code, 's1-stp', { outcome: 'approve' });
    await s.task('CATP', t.catp, d.code, 's2-catp');
    // nothing recorded nor sent while it is down (it is the only sender)
    expect(await listOutbox(d.code)).toHaveLength(0);
    expect(await calls(d.code)).toHaveLength(0);
    h.runtime.outbox.start();
    const out = await allSent(d.code);
    expect(out.map((e) => e.event.kind)).toEqual(['received', 'step-assigned', 'step-decided', 'step-assigned']);
    expect((await accepted(d.code)).map((c) => c.service)).toEqual(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC', 'CapNhatTienDoHoSoMC', 'CapNhatTienDoHoSoMC']);
    // another pass finds nothing new to send
    await h.runtime.outbox.once();
    expect(await accepted(d.code)).toHaveLength(4);
  }, 60_000);

  it('POSTs the events of an agency’s steps to its webhook, signed, retried through a receiver that fails twice; a tampered message does not verify', async () => {
    const received: { id: string; timestamp: string; signature: string; body: string }[] = [];
    let failures = 2;
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (failures > 0) {
          failures -= 1;
          res.writeHead(500).end();
          return;
        }
        received.push({ id: String(req.headers['webhook-id']), timestamp: String(req.headers['webhook-timestamp']), signature: String(req.headers['webhook-signature']), body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/motcua`;
      // another agency may not subscribe for STP
      expect((await h.call('POST', '/agencies/STP/webhooks', { token: t.catp, headers: { 'idempotency-key': `wh-catp-${Date.now()}` }, body: { url } })).status).toBe(403);
      const created = await h.call('POST', '/agencies/STP/webhooks', { token: t.stp, headers: { 'idempotency-key': `wh-stp-${Date.now()}` }, body: { url } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const { id, secret } = created.body as { id: string; secret: string };
      expect(secret).toMatch(/^whsec_/);

      const d = await s.receive(t.desk, 'TP-LLTP', applicant(5));
      await s.task('STP', t.stp, d.code);
      await s.decide(t.stp, d.code, 's1-stp', { outcome: 'approve' });
      const mine = () => received.filter((r) => JSON.parse(r.body).data.code === d.code);
      await eventually(async () => mine().length === 2);
      expect(mine().map((r) => JSON.parse(r.body).type)).toEqual(['dossier.step-assigned', 'dossier.step-decided']);
      for (const r of mine()) {
        // the receiver's check: HMAC-SHA256 over id.timestamp.body with the secret it was given
        expect(r.signature).toBe(sign(secret, r.id, Number(r.timestamp), r.body));
        const tampered = r.body.replace('"status":4', '"status":9');
        expect(sign(secret, r.id, Number(r.timestamp), tampered)).not.toBe(r.signature);
        // codes, statuses, instants, step ids: no personal data
        expect(r.body).not.toContain(applicant(5).name);
        expect(r.body).not.toContain(applicant(5).email);
        expect(JSON.parse(r.body).data).toMatchObject({ code: d.code, agency: 'STP', stepId: 's1-stp' });
      }
      // each event once (the two failures were retries, not duplicates), all in the delivery log
      expect(new Set(mine().map((r) => r.id)).size).toBe(2);
      const log = await h.call('GET', `/agencies/STP/webhooks/${id}/deliveries`, { token: t.stp });
      expect(log.status).toBe(200);
      const ofThis = (log.body.deliveries as { code: string; ok: boolean; httpStatus?: number }[]).filter((x) => x.code === d.code);
      expect(ofThis.filter((x) => x.ok)).toHaveLength(2);
      expect(ofThis.filter((x) => !x.ok).map((x) => x.httpStatus)).toEqual([500, 500]);
      expect((await h.call('GET', `/agencies/STP/webhooks/${id}/deliveries`, { token: t.catp })).status).toBe(403);
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  }, 60_000);

  it('sends an online application as submitted (status 1), then received once the desk has checked it', async () => {
    const citizen = await citizenToken(h, 91);
    const applied = await applyOnline(h, citizen);
    await eventually(async () => (await accepted(applied.code)).length === 1);
    const [submitted] = await accepted(applied.code);
    // the submission is the official receipt time (Decree 45/2020 art. 11): NgayTiepNhan is set already
    expect(submitted!.body).toMatchObject({ TrangThaiHoSo: 1, HinhThuc: 1, isUpdating: false, MaTTHC: '2.000488' });
    expect(submitted!.body.NgayTiepNhan).toMatch(/^\d{14}$/);
    expect((await h.call('POST', `/dossiers/${applied.code}/check`, { token: t.desk, headers: { 'idempotency-key': uniqueKey() }, body: { outcome: 'receive' } })).status).toBe(200);
    await eventually(async () => (await accepted(applied.code)).some((c) => c.body.TrangThaiHoSo === 2));
    const received = (await accepted(applied.code)).find((c) => c.body.TrangThaiHoSo === 2)!;
    expect(received.body).toMatchObject({ isUpdating: true, HinhThuc: 1 });
    expect(received.body.NgayTiepNhan).toMatch(/^\d{14}$/);
    expect(h.runtime.outbox.errors).toEqual([]);
  }, 60_000);

  it('receives a dossier the national portal pushes into the desk\'s check, once however often it is pushed, and refuses an unmapped procedure or unit naming the field', async () => {
    const message = {
      MaHoSo: 'G22.H26-261201-0042',
      MaTTHC: '2.000488',
      MaDonVi: '000.00.00.H26',
      ChuHoSo: { HoVaTen: 'Trần Văn Bình', SoDinhDanh: '001099077777', ThuDienTu: 'binh@example.com' },
      TruongThongTin: judicialRecordAnswers('Trần Văn Bình', '001099077777'),
      TaiLieuNop: [{ TepDinhKemId: 'dvcqg-file-1', TenTepDinhKem: 'CCCD.pdf' }],
    };
    const first = await h.call('POST', '/_local/dvcqg/push', { body: message });
    expect(first.body.status, JSON.stringify(first.body)).toBe(201);
    const { code } = first.body.body as { code: string };
    expect(first.body.body).toMatchObject({ MaHoSo: message.MaHoSo, status: 1, duplicate: false });
    // pushed again (the portal's retry): the same dossier
    const again = await h.call('POST', '/_local/dvcqg/push', { body: message });
    expect(again.body).toMatchObject({ status: 200, body: { code, duplicate: true } });
    // in the main desk's check queue, as a citizen's own submission
    const checks = await h.call('GET', '/checks', { token: t.desk });
    expect((checks.body.checks as { code: string }[]).filter((c) => c.code === code)).toHaveLength(1);
    const dossier = await s.dossier(t.desk, code);
    expect(dossier).toMatchObject({ status: 1, channel: 'online' });
    // unmapped codes: refused naming the field; a forged signature: 401
    const badProc = await h.call('POST', '/_local/dvcqg/push', { body: { ...message, MaHoSo: 'G22.H26-261201-0043', MaTTHC: '9.999999' } });
    expect(badProc.body.status).toBe(422);
    expect(badProc.body.body.errors[0].field).toBe('MaTTHC');
    const badUnit = await h.call('POST', '/_local/dvcqg/push', { body: { ...message, MaHoSo: 'G22.H26-261201-0044', MaDonVi: '000.00.21.H26' } });
    expect(badUnit.body.status).toBe(422);
    expect(badUnit.body.body.errors[0].field).toBe('MaDonVi');
    expect((await h.call('POST', '/_local/dvcqg/push', { body: { ...message, MaHoSo: 'G22.H26-261201-0045', signature: 'bad' } })).body.status).toBe(401);
    // synced back under the portal's own code, as an update of what it has
    const back = await eventually(async () => (await accepted(message.MaHoSo)).find((c) => c.body.TrangThaiHoSo === 1));
    expect(back.body).toMatchObject({ isUpdating: true, HinhThuc: 1, MaTTHC: '2.000488' });
    expect(await calls(code)).toHaveLength(0);
    // the desk receives it: status 2 reaches the portal under its code
    expect((await h.call('POST', `/dossiers/${code}/check`, { token: t.desk, headers: { 'idempotency-key': uniqueKey() }, body: { outcome: 'receive' } })).status).toBe(200);
    await eventually(async () => (await accepted(message.MaHoSo)).some((c) => c.body.TrangThaiHoSo === 2));
  }, 60_000);

  it('reconciles: reads each open synced dossier back and lists the ones the portal lost or holds otherwise', async () => {
    const op = await h.token('operator-1', ['operator']);
    const same = await s.receive(t.desk, 'TP-LLTP', applicant(6));
    const changed = await s.receive(t.desk, 'TP-LLTP', applicant(7));
    const lost = await s.receive(t.desk, 'TP-LLTP', applicant(8));
    for (const d of [same, changed, lost]) await allSent(d.code);
    // the portal's records drift: one's status, another forgotten
    expect((await h.call('PATCH', `/_local/dvcqg/dossiers/${changed.code}`, { body: { TrangThaiHoSo: 9 } })).status).toBe(200);
    await h.call('DELETE', `/_local/dvcqg/dossiers/${lost.code}`);
    const run = await h.call('POST', '/ops/sync/reconciliation', { token: op, headers: { 'idempotency-key': uniqueKey() } });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const mine = (r: { differences: { code: string }[] }) => r.differences.filter((x) => [same.code, changed.code, lost.code].includes(x.code));
    const expectedStatus = (await listOutbox(changed.code)).filter((e) => e.portalState === 'sent').at(-1)!.event.status;
    expect(mine(run.body)).toEqual([
      { code: changed.code, maHoSo: changed.code, kind: 'status', ours: expectedStatus, theirs: 9 },
      { code: lost.code, maHoSo: lost.code, kind: 'missing', ours: expect.any(Number) },
    ]);
    expect(run.body.checked).toBeGreaterThanOrEqual(3);
    // kept for the day, and shown on the connection's status
    const day = await h.call('GET', `/ops/sync/reconciliation?date=${run.body.date}`, { token: op });
    expect(mine(day.body)).toEqual(mine(run.body));
    expect((await h.call('GET', `/ops/sync/reconciliation?date=${run.body.date}`, { token: t.desk })).status).toBe(403);
    const status = await h.call('GET', '/ops/sync/status', { token: op });
    expect(status.body).toMatchObject({ connected: true, reconciliation: { date: run.body.date } });
    expect(status.body.lastSentAt).toMatch(/\+07:00$/);
    expect(JSON.stringify(run.body)).not.toContain(applicant(7).name);
  }, 60_000);

  it('disables a subscription whose receiver keeps failing, re-enables it (what came meanwhile goes out), replays a failed event, lists and deletes it; another agency refused', async () => {
    process.env.WEBHOOK_MAX_ATTEMPTS = '3';
    const got: { id: string; code: string }[] = [];
    let up = false;
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (!up) return void res.writeHead(503).end();
        got.push({ id: String(req.headers['webhook-id']), code: JSON.parse(body).data.code });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catp`;
      const created = await h.call('POST', '/agencies/CATP/webhooks', { token: t.catp, headers: { 'idempotency-key': uniqueKey() }, body: { url, events: ['step-assigned'] } });
      expect(created.status).toBe(201);
      const { id } = created.body as { id: string };
      const list = async () => (await h.call('GET', '/agencies/CATP/webhooks', { token: t.catp })).body.webhooks.find((w: { id: string }) => w.id === id);
      const d = await s.receive(t.desk, 'TP-LLTP', applicant(9));
      await s.task('STP', t.stp, d.code);
      await s.decide(t.stp, d.code, 's1-stp', { outcome: 'approve' });
      await s.task('CATP', t.catp, d.code, 's2-catp');
      // three refusals: the event fails for this subscription and the subscription is disabled
      const disabled = await eventually(async () => ((await list())?.state === 'disabled' ? await list() : undefined));
      expect(disabled.disabledReason).toContain('after 3 attempts');
      expect(JSON.stringify(await h.call('GET', '/agencies/CATP/webhooks', { token: t.catp }))).not.toContain('whsec_');
      expect((await h.call('GET', '/agencies/CATP/webhooks', { token: t.stp })).status).toBe(403);
      // a second dossier reaches CATP while it is disabled; the receiver comes back; the agency re-enables
      const d2 = await s.receive(t.desk, 'TP-LLTP', applicant(10));
      await s.task('STP', t.stp, d2.code);
      await s.decide(t.stp, d2.code, 's1-stp', { outcome: 'approve' });
      await s.task('CATP', t.catp, d2.code, 's2-catp');
      up = true;
      expect((await h.call('PATCH', `/agencies/CATP/webhooks/${id}`, { token: t.stp, body: { enabled: true } })).status).toBe(403);
      const enabled = await h.call('PATCH', `/agencies/CATP/webhooks/${id}`, { token: t.catp, body: { enabled: true } });
      expect(enabled.body).toMatchObject({ state: 'enabled' });
      await eventually(async () => got.some((g) => g.code === d2.code));
      // the failed event of the first is replayed on the agency's word: delivered, its id unchanged
      const failed = (await listOutbox(d.code)).find((e) => e.event.kind === 'step-assigned' && e.event.agency === 'CATP')!;
      expect((await h.call('POST', `/agencies/CATP/webhooks/${id}/replay`, { token: t.stp, headers: { 'idempotency-key': uniqueKey() }, body: { code: d.code, seq: failed.seq } })).status).toBe(403);
      const replayed = await h.call('POST', `/agencies/CATP/webhooks/${id}/replay`, { token: t.catp, headers: { 'idempotency-key': uniqueKey() }, body: { code: d.code, seq: failed.seq } });
      expect(replayed.status, JSON.stringify(replayed.body)).toBe(202);
      await eventually(async () => got.some((g) => g.code === d.code));
      expect(got.filter((g) => g.code === d.code).map((g) => g.id)).toEqual([failed.event.id]);
      expect(got.filter((g) => g.code === d2.code)).toHaveLength(1);
      // deleted: gone from the list; deleting again is 404
      expect((await h.call('DELETE', `/agencies/CATP/webhooks/${id}`, { token: t.stp })).status).toBe(403);
      expect((await h.call('DELETE', `/agencies/CATP/webhooks/${id}`, { token: t.catp })).status).toBe(200);
      expect(await list()).toBeUndefined();
      expect((await h.call('DELETE', `/agencies/CATP/webhooks/${id}`, { token: t.catp })).status).toBe(404);
    } finally {
      delete process.env.WEBHOOK_MAX_ATTEMPTS;
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  }, 120_000);

  it('sends the fee lines (DanhSachLePhi) with the obligation (status 6), and the payment as the dossier moving on', async () => {
    const res = await h.call('POST', '/dossiers', { token: t.desk, headers: { 'idempotency-key': uniqueKey() }, body: { procedureCode: 'TP-LLTP', applicant: applicant(11), channel: 'counter', fees: 'later' } });
    expect(res.status).toBe(201);
    const { code, lookupPin } = res.body as { code: string; lookupPin: string };
    const asked = await eventually(async () => (await accepted(code)).find((c) => c.body.TrangThaiHoSo === 6));
    expect(asked.body.DanhSachLePhi).toEqual([expect.objectContaining({ MaPhiLePhi: 'LLTP-01', SoTien: 200000, DaThanhToan: 0 })]);
    const started = await h.call('POST', `/public/dossiers/${code}/payments`, { body: {}, headers: { 'x-lookup-pin': lookupPin, 'idempotency-key': uniqueKey() } });
    expect(started.status).toBe(201);
    expect((await h.call('POST', `/_local/payhub/payments/${started.body.paymentId}/pay`)).status).toBe(200);
    const paid = await eventually(async () => (await listOutbox(code)).find((e) => e.event.kind === 'fee-paid' && e.portalState === 'sent'));
    const after = (await accepted(code)).filter((c) => c.service === 'DongBoHoSoMC').at(-1)!;
    expect(after.body.TrangThaiHoSo).toBe(paid.event.status);
    expect(after.body.DanhSachLePhi).toEqual([expect.objectContaining({ MaPhiLePhi: 'LLTP-01', DaThanhToan: 1 })]);
  }, 60_000);

  it('backfills: the events of a dossier that no relay saw are recorded once by the operator\'s backfill, then sent in order', async () => {
    const op = await h.token('operator-1', ['operator']);
    await h.runtime.outbox.stop();
    let d: { code: string };
    try {
      // as if received before the sync was deployed: facts, no events
      d = await s.receive(t.desk, 'TP-LLTP', applicant(12));
      await s.task('STP', t.stp, d.code);
      expect(await listOutbox(d.code)).toHaveLength(0);
      expect((await h.call('POST', '/ops/sync/backfill', { token: t.desk, headers: { 'idempotency-key': uniqueKey() }, body: {} })).status).toBe(403);
      const first = await h.call('POST', '/ops/sync/backfill', { token: op, headers: { 'idempotency-key': uniqueKey() }, body: {} });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toMatchObject({ scope: 'open' });
      expect((await listOutbox(d.code)).map((e) => [e.event.kind, e.portalState, e.backfill])).toEqual([['received', 'pending', true], ['step-assigned', 'pending', true]]);
      // again, and by the period it was received in: nothing recorded twice
      const day = String((await h.call('GET', '/_local/clock')).body.now).slice(0, 10);
      const again = await h.call('POST', '/ops/sync/backfill', { token: op, headers: { 'idempotency-key': uniqueKey() }, body: { from: day, to: day } });
      expect(again.body).toMatchObject({ scope: 'period' });
      expect(again.body.dossiers).toBeGreaterThanOrEqual(1);
      expect(await listOutbox(d.code)).toHaveLength(2);
      const bad = await h.call('POST', '/ops/sync/backfill', { token: op, headers: { 'idempotency-key': uniqueKey() }, body: { from: day } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('to');
    } finally {
      h.runtime.outbox.start();
    }
    // the sender sends them as any others: in order, each once
    await allSent(d.code, 'step-assigned');
    expect((await accepted(d.code)).map((c) => c.service)).toEqual(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
  }, 60_000);
});
