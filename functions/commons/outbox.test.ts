import { readFileSync } from 'node:fs';
import { DynamoDBDocumentClient } from './aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTable } from '../../test/support/fake-table';
import { hanoiProcedures as procedures } from '../../test/support/centre';
import { assignedStep } from '../core/dossier';
import type { PortalCall } from '../core/dvcqg';
import { PortalError } from './dvcqg-client';
import { deliver, listOutbox, relay } from './outbox';

const db = mockClient(DynamoDBDocumentClient);
const CODE = 'TTHCC-261207-0001';
const lltp = procedures.find((p) => p.code === 'TP-LLTP')!;
const AT = new Date('2026-12-07T02:00:00.000Z');
let table: FakeTable;

function seed() {
  table.put({
    PK: `DOSSIER#${CODE}`, SK: 'META', code: CODE, procedure: lltp, status: 4, channel: 'counter', applicant: { name: 'Nguyễn Thị Bình', email: 'b@example.vn' },
    documents: [], receivedAt: AT.toISOString(), appointmentAt: '2026-12-17T10:00:00.000Z', stageIndex: 0, extensions: {}, pauses: {}, pinHash: 'x', receivedBy: 'desk-1',
  });
  table.put({ PK: `DOSSIER#${CODE}`, SK: 'STEP#s1-stp', ...assignedStep({ code: CODE, stepId: 's1-stp', stageIndex: 0, agency: 'STP', atDesk: false, name: lltp.stages[0]!.steps[0]!.name, budgetHours: 24, assignedAt: AT.toISOString(), dueAt: null }) });
}

describe('the outbox', () => {
  beforeEach(() => {
    db.reset();
    table = new FakeTable().serve(db);
    vi.stubEnv('NATIONAL_PORTAL', readFileSync('config/hanoi/national-portal.json', 'utf8'));
    vi.stubEnv('OUTBOX_RETRY_SCALE', '1');
    vi.stubEnv('TABLE_NAME', 'motcua');
    seed();
  });
  afterEach(() => vi.unstubAllEnvs());

  it('records each event once, however often and however concurrently it relays', async () => {
    expect(await relay(CODE, AT)).toBe(2);
    expect(await relay(CODE, AT)).toBe(0);
    await Promise.all([relay(CODE, AT), relay(CODE, AT)]);
    const out = await listOutbox(CODE);
    expect(out.map((e) => [e.seq, e.event.kind, e.portalState])).toEqual([[1, 'received', 'pending'], [2, 'step-assigned', 'pending']]);
  });

  it('sends in order, holds the dossier behind a failure until its retry time, then sends the rest once', async () => {
    await relay(CODE, AT);
    const sent: PortalCall[] = [];
    let failures = 2;
    const send = async (_cfg: unknown, call: PortalCall) => {
      if (failures-- > 0) throw new PortalError('HTTP 503');
      sent.push(call);
    };
    expect(await deliver(CODE, AT, send)).toMatchObject({ sent: 0, failed: 1 });
    // before its retry time nothing is sent, the second event waits behind the first
    expect(await deliver(CODE, new Date(AT.getTime() + 1000), send)).toMatchObject({ sent: 0, waiting: 1 });
    expect(await deliver(CODE, new Date(AT.getTime() + 60_000), send)).toMatchObject({ failed: 1 });
    expect(await deliver(CODE, new Date(AT.getTime() + 180_000), send)).toMatchObject({ sent: 2 });
    expect(sent.map((c) => c.service)).toEqual(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
    expect((await listOutbox(CODE)).map((e) => [e.portalState, e.portalAttempts])).toEqual([['sent', 3], ['sent', 1]]);
    expect(await deliver(CODE, new Date(AT.getTime() + 240_000), send)).toMatchObject({ sent: 0 });
    expect(sent).toHaveLength(2);
  });

  it('carries an hour\'s outage with the default attempts: nothing parked, and the portal\'s return is noticed within the backoff\'s cap', async () => {
    await relay(CODE, AT);
    let down = true;
    const sent: string[] = [];
    const send = async (_cfg: unknown, call: PortalCall) => {
      if (down) throw new PortalError('HTTP 503');
      sent.push(call.service);
    };
    // the poller passes every minute through the hour (on AWS the schedule runs every 2 minutes)
    for (let m = 0; m <= 60; m++) await deliver(CODE, new Date(AT.getTime() + m * 60_000), send);
    const [first] = await listOutbox(CODE);
    expect(first).toMatchObject({ portalState: 'pending' });
    expect(first!.portalAttempts).toBeLessThan(8);
    // back after the hour: sent at its next retry, at most the cap (30 min) later
    down = false;
    let m = 61;
    while (sent.length === 0 && m <= 61 + 30) await deliver(CODE, new Date(AT.getTime() + m++ * 60_000), send);
    expect(sent).toEqual(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
    expect((await listOutbox(CODE)).map((e) => e.portalState)).toEqual(['sent', 'sent']);
  });

  it('parks an event after its attempts, lists it for operators, and holds the dossier’s next events behind it until resent', async () => {
    vi.stubEnv('NATIONAL_PORTAL', JSON.stringify({ ...JSON.parse(readFileSync('config/hanoi/national-portal.json', 'utf8')), maxAttempts: 2 }));
    await relay(CODE, AT);
    const send = async (_cfg: unknown, call: PortalCall) => {
      if (call.service === 'DongBoHoSoMC') throw new PortalError('HTTP 503');
    };
    await deliver(CODE, AT, send);
    expect(await deliver(CODE, new Date(AT.getTime() + 3600_000), send)).toMatchObject({ parked: 1, sent: 0 });
    const [first, second] = await listOutbox(CODE);
    expect(first).toMatchObject({ portalState: 'parked', portalAttempts: 2, portalError: 'HTTP 503' });
    expect(table.get({ PK: `DOSSIER#${CODE}`, SK: `EVENT#${CODE}/received` })).toMatchObject({ GSI1PK: 'SYNC#parked' });
    // the portal is back: still nothing goes past the parked event (a progress before its dossier)
    expect(await deliver(CODE, new Date(AT.getTime() + 7200_000), async () => {})).toMatchObject({ sent: 0 });
    expect((await listOutbox(CODE))[1]!.portalState).toBe('pending');
    expect(second!.portalState).toBe('pending');
  });

  it('sends the same event again (never a different one) when the process died after the portal accepted it', async () => {
    await relay(CODE, AT);
    const seen: string[] = [];
    let crash = true;
    const send = async (_cfg: unknown, call: PortalCall) => {
      seen.push(`${call.service}:${String(call.body.TrangThaiHoSo ?? call.body.TrangThai)}`);
      if (crash) {
        crash = false;
        throw new Error('the process died before marking it sent');
      }
    };
    await deliver(CODE, AT, send);
    await deliver(CODE, new Date(AT.getTime() + 60_000), send);
    expect(seen).toEqual(['DongBoHoSoMC:2', 'DongBoHoSoMC:2', 'CapNhatTienDoHoSoMC:4']);
  });

  it('records but sends nothing when the centre is not connected', async () => {
    vi.stubEnv('NATIONAL_PORTAL', '');
    await relay(CODE, AT);
    const send = vi.fn();
    expect(await deliver(CODE, AT, send)).toMatchObject({ sent: 0 });
    expect(send).not.toHaveBeenCalled();
    expect((await listOutbox(CODE)).map((e) => e.portalState)).toEqual(['off', 'off']);
  });
});
