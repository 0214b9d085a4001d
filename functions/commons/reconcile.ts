import { GetCommand, PutCommand } from './aws/dynamodb';
import { maDonVi, portalCall, portalDate, type NationalPortalConfig } from '../core/dvcqg';
import { localDate } from '../core/local-time';
import { documentClient, tableName } from './aws';
import { now } from './clock';
import { nationalPortalConfig, readPortalDossier } from './dvcqg-client';
import { outboxPartition } from './outbox';
import { queryOpen } from './open-index';

/**
 * The daily reconciliation with the national portal (docs/national-portal.md): each open dossier
 * that the portal has accepted at least one call of is read back (`TraCuuHoSo`) and compared with
 * what was last sent — the status (the last accepted event's), the appointment (NgayHenTra of the
 * last accepted DongBoHoSoMC) — or found missing. The result is kept per local day
 * (`SYNC#RECONCILIATION / <yyyy-mm-dd>`; a second run of the day replaces it) and shown at
 * GET /ops/sync/reconciliation and in the console. Codes, statuses and dates only: no personal data.
 */
export interface Difference {
  code: string;
  /** The portal's code of the dossier (the centre's, or the one it pushed). */
  maHoSo: string;
  kind: 'missing' | 'status' | 'appointment';
  ours?: string | number;
  theirs?: string | number;
}

export interface Reconciliation {
  date: string;
  at: string;
  /** Dossiers read back. */
  checked: number;
  differences: Difference[];
  /** Dossiers the portal could not be asked about (its error), to read again next run. */
  errors: { code: string; error: string }[];
}

const resultKey = (date: string) => ({ PK: 'SYNC#RECONCILIATION', SK: date });

type Reader = typeof readPortalDossier;

/** What the portal should hold of one dossier (undefined: nothing was accepted yet). */
export async function expectedOnPortal(cfg: NationalPortalConfig, code: string) {
  const { dossier, steps, events } = await outboxPartition(code);
  if (!dossier) return undefined;
  const sent = events.filter((e) => e.portalState === 'sent');
  if (!sent.length) return undefined;
  const status = sent.at(-1)!.event.status;
  const lastSync = [...sent].reverse().map((e) => portalCall(cfg, e.event, dossier, steps)).find((c) => c?.service === 'DongBoHoSoMC');
  return {
    maHoSo: dossier.online?.nationalPortal?.code ?? code,
    madonvi: maDonVi(cfg, dossier.branch ?? dossier.procedure.receivingAgency),
    status,
    appointment: lastSync ? String(lastSync.body.NgayHenTra ?? '') : portalDate(dossier.appointmentAt),
  };
}

/** Read every open synced dossier back from the portal and record the differences of the day. */
export async function reconcile(at: Date = now(), read: Reader = readPortalDossier): Promise<Reconciliation | undefined> {
  const cfg = nationalPortalConfig();
  if (!cfg) return undefined;
  const codes = [...new Set((await queryOpen()).map((i) => String(i.PK).slice('DOSSIER#'.length)))].sort();
  const result: Reconciliation = { date: localDate(at), at: at.toISOString(), checked: 0, differences: [], errors: [] };
  for (const code of codes) {
    const expected = await expectedOnPortal(cfg, code);
    if (!expected) continue;
    let theirs: Record<string, unknown> | undefined;
    try {
      theirs = await read(cfg, expected.maHoSo, expected.madonvi);
    } catch (e) {
      result.errors.push({ code, error: (e as Error).message.slice(0, 300) });
      continue;
    }
    result.checked += 1;
    const base = { code, maHoSo: expected.maHoSo };
    if (!theirs) {
      result.differences.push({ ...base, kind: 'missing', ours: expected.status });
      continue;
    }
    const status = Number(theirs.TrangThaiHoSo);
    if (status !== expected.status) result.differences.push({ ...base, kind: 'status', ours: expected.status, ...(Number.isFinite(status) ? { theirs: status } : {}) });
    const appointment = String(theirs.NgayHenTra ?? '');
    if (expected.appointment && appointment !== expected.appointment) result.differences.push({ ...base, kind: 'appointment', ours: expected.appointment, theirs: appointment });
  }
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...resultKey(result.date), ...result } }));
  return result;
}

/** A day's reconciliation, if it ran. */
export async function getReconciliation(date: string): Promise<Reconciliation | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: resultKey(date), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { PK: _pk, SK: _sk, ...r } = out.Item;
  return r as Reconciliation;
}
