/** Fixtures of the fee and payment routes' unit tests (functions/*pay*). */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';

export const CODE = 'TTHCC-261207-0001';
export const profile = { ...JSON.parse(readFileSync(new URL('../../config/hanoi/centre.json', import.meta.url), 'utf8')), portalUrl: 'https://motcua.example.gov.vn' };
export const HUB_SECRET = 'unit-hub-secret';

/** The environment the payment routes read: the centre, the queue, the hub's secret by name. */
export function paymentEnv() {
  vi.stubEnv('CENTRE_PROFILE', JSON.stringify(profile));
  vi.stubEnv('EMAIL_QUEUE_URL', 'https://sqs.local/000000000000/emails');
  vi.stubEnv('PAYHUB_SECRET_NAME', 'unit/payhub');
  vi.stubEnv('LOCAL_SECRETS', JSON.stringify({ 'unit/payhub': HUB_SECRET }));
  vi.stubEnv('PAYHUB_URL', 'https://hub.example/pay');
}

export const fees = { due: 'submission' as const, lines: [{ code: 'LLTP-01', kind: 'phi' as const, name: { vi: 'Phí', en: 'Charge' }, amount: 200000 }], total: 200000, currency: 'VND' as const, since: '2026-12-07T02:00:00.000Z' };

export const dossier = (over: Record<string, unknown> = {}) => ({
  PK: `DOSSIER#${CODE}`,
  SK: 'META',
  code: CODE,
  procedure: { code: 'TP-LLTP', version: 1, receivingAgency: 'TTHCC', stages: [], name: { vi: 'LLTP', en: 'Judicial record' } },
  status: 6,
  channel: 'counter',
  applicant: { name: 'Nguyễn Thị Bình', email: 'binh@example.vn', phone: '0912345678', idNumber: '001099012345' },
  receivedAt: '2026-12-07T02:00:00.000Z',
  appointmentAt: '2026-12-14T02:00:00.000Z',
  stageIndex: 0,
  extensions: {},
  pauses: {},
  fees,
  ...over,
});

export const paymentItem = (over: Record<string, unknown> = {}) => ({
  id: 'P0123456789ABCDEF0123',
  dossierCode: CODE,
  procedureCode: 'TP-LLTP',
  unit: 'TTHCC',
  lines: fees.lines,
  total: 200000,
  currency: 'VND',
  method: 'online',
  state: 'pending',
  createdAt: '2026-12-07T03:00:00.000Z',
  payerName: 'Nguyễn Thị Bình',
  ...over,
});
