import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { paymentsOn, type PaydayItem } from '../commons/payments';
import { PaymentList } from '../contracts/payments';
import { daysBetween, route } from './route';

vi.mock('../commons/payments', () => ({ paymentsOn: vi.fn() }));

const receipt = { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000001' };
const item = (over: Partial<PaydayItem>): PaydayItem => ({
  paymentId: 'P1',
  dossierCode: 'TTHCC-261207-0001',
  procedureCode: 'TP-LLTP',
  unit: 'TTHCC',
  method: 'online',
  total: 200000,
  lines: [{ code: 'LLTP-01', kind: 'phi', amount: 200000 }],
  receipt,
  paidAt: '2026-12-07T03:00:00.000Z',
  ...over,
});
const day: Record<string, PaydayItem[]> = {
  '2026-12-07': [item({}), item({ paymentId: 'P2', method: 'cash', procedureCode: 'DL-LHND', total: 3000000 })],
  '2026-12-08': [item({ paymentId: 'P3', branch: 'CG', unit: 'CG', dossierCode: 'CG-261208-0001', paidAt: '2026-12-08T03:00:00.000Z' })],
};

describe('GET /payments', () => {
  beforeEach(() => vi.mocked(paymentsOn).mockReset().mockImplementation(async (d) => day[d] ?? []));

  it('lists an operator every payment of the days with totals per day, method and procedure (integer đồng)', async () => {
    const answer = await invoke(route, { as: operator, query: { from: '2026-12-07', to: '2026-12-08' } });
    expect(answer.status).toBe(200);
    const list = PaymentList.parse(answer.body);
    expect(list.total).toBe(3400000);
    expect(list.byDay).toEqual({ '2026-12-07': { count: 2, total: 3200000 }, '2026-12-08': { count: 1, total: 200000 } });
    expect(list.byMethod).toEqual({ online: { count: 2, total: 400000 }, cash: { count: 1, total: 3000000 } });
    expect(list.byProcedure['TP-LLTP']).toEqual({ count: 2, total: 400000 });
    expect(list.payments[0]!.paidAt).toBe('2026-12-07T10:00:00+07:00');
  });

  it('lists a desk officer only its own desk\'s payments (the main desk, or its branch)', async () => {
    const main = await invoke(route, { as: desk, query: { from: '2026-12-07', to: '2026-12-08' } });
    expect(main.body.payments.map((p: { paymentId: string }) => p.paymentId)).toEqual(['P1', 'P2']);
    const branch = await invoke(route, { as: { sub: 'desk-cg', groups: ['desk', 'branch-CG'] }, query: { from: '2026-12-07', to: '2026-12-08' } });
    expect(branch.body.payments.map((p: { paymentId: string }) => p.paymentId)).toEqual(['P3']);
    expect(branch.body.total).toBe(200000);
  });

  it('refuses an agency\'s officer (403) and a range backwards or over 31 days (400, naming to)', async () => {
    expect((await invoke(route, { as: officerOf('STP'), query: { from: '2026-12-07', to: '2026-12-07' } })).status).toBe(403);
    const back = await invoke(route, { as: operator, query: { from: '2026-12-08', to: '2026-12-07' } });
    expect(back.status).toBe(400);
    expect(back.body.errors[0].field).toBe('to');
    expect((await invoke(route, { as: operator, query: { from: '2026-01-01', to: '2026-03-01' } })).status).toBe(400);
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});
