import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { hubSettlements } from '../commons/payment-hub';
import { paymentsOn, type PaydayItem } from '../commons/payments';
import { Reconciliation } from '../contracts/payments';
import { reconcile, route } from './route';

vi.mock('../commons/payments', () => ({ paymentsOn: vi.fn() }));
vi.mock('../commons/payment-hub', () => ({ hubSettlements: vi.fn() }));

const receipt = { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000001' };
const paid = (paymentId: string, total: number, method: PaydayItem['method'] = 'online', extra: Partial<PaydayItem> = {}): PaydayItem => ({
  paymentId, dossierCode: 'TTHCC-261207-0001', procedureCode: 'TP-LLTP', unit: 'TTHCC', method, total, lines: [], receipt, paidAt: '2026-12-07T03:00:00.000Z', ...extra,
});
const settled = (paymentId: string, amount: number) => ({ paymentId, amount, hubRef: `HUB-${paymentId}`, paidAt: '2026-12-07T03:00:00.000Z' });

describe('GET /payments/reconciliation', () => {
  beforeEach(() => {
    vi.mocked(paymentsOn).mockReset().mockResolvedValue([paid('P1', 200000), paid('P2', 3000000, 'cash')]);
    vi.mocked(hubSettlements).mockReset().mockResolvedValue([settled('P1', 200000)]);
  });

  it('balances a day where the hub settled exactly what was recorded online (counter money is not the hub\'s)', async () => {
    const answer = await invoke(route, { as: operator, query: { date: '2026-12-07' } });
    expect(answer.status).toBe(200);
    expect(Reconciliation.parse(answer.body)).toEqual({ date: '2026-12-07', platform: { count: 1, total: 200000 }, hub: { count: 1, total: 200000 }, balanced: true, mismatches: [] });
  });

  it('lists what only one side knows, amounts that differ, and payments flagged on arrival', () => {
    const r = reconcile(
      [settled('P1', 200000), settled('P4', 75000), settled('P5', 200000)],
      [paid('P1', 200000), paid('P3', 200000), paid('P5', 100000), paid('P6', 200000, 'online', { reconcile: 'dossier-moved-on' }), paid('P2', 5, 'cash')],
    );
    expect(r.mismatches).toEqual([
      { paymentId: 'P4', kind: 'hub-only', hubAmount: 75000 },
      { paymentId: 'P5', kind: 'amount-differs', hubAmount: 200000, platformAmount: 100000 },
      { paymentId: 'P3', kind: 'platform-only', platformAmount: 200000 },
      { paymentId: 'P6', kind: 'platform-only', platformAmount: 200000 },
      { paymentId: 'P6', kind: 'flagged', platformAmount: 200000, note: 'dossier-moved-on' },
    ]);
    expect(r.hub).toEqual({ count: 3, total: 475000 });
    expect(r.platform).toEqual({ count: 4, total: 700000 });
  });

  it('is the operators\': a desk officer is refused (403), and a bad date named (400)', async () => {
    expect((await invoke(route, { as: desk, query: { date: '2026-12-07' } })).status).toBe(403);
    const bad = await invoke(route, { as: operator, query: { date: '7/12/2026' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('date');
    expect(hubSettlements).not.toHaveBeenCalled();
  });
});
