import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { CODE, dossier, paymentEnv, paymentItem } from '../../test/support/fees';
import { getPayment } from '../commons/payments';
import { startRefund } from '../commons/refunds';
import { keys } from '../commons/store';
import { RefundAnswer } from '../contracts/payments';
import { route } from './route';

vi.mock('../commons/payments', async (original) => ({ ...(await original<object>()), getPayment: vi.fn() }));
vi.mock('../commons/refunds', async (original) => ({ ...(await original<object>()), startRefund: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const ID = 'P0123456789ABCDEF0123';
const withdrawn = { stop: { kind: 'withdrawn', at: '2026-12-07T04:00:00.000Z', reason: 'citizen' }, status: 7 };
const stored = (d: Record<string, unknown>, steps: Record<string, unknown>[] = []) => {
  db.on(GetCommand, { Key: keys.dossier(CODE) }).resolves({ Item: d });
  db.on(QueryCommand).resolves({ Items: [d, ...steps.map((s) => ({ PK: `DOSSIER#${CODE}`, SK: `STEP#${s.stepId}`, ...s }))] });
};
const refund = (as = operator, body: unknown = { reason: 'Hồ sơ đã rút trước khi xử lý' }) => invoke(route, { as, params: { paymentId: ID }, body });
const requested = (over: Record<string, unknown> = {}) => ({
  id: 'R0123456789ABCDEF0123', paymentId: ID, dossierCode: CODE, procedureCode: 'TP-LLTP', unit: 'TTHCC', method: 'online', amount: 200000, currency: 'VND',
  ground: 'withdrawn', reason: 'x', state: 'requested', requestedAt: '2026-12-07T05:00:00.000Z', requestedBy: 'operator-1', ...over,
});

describe('POST /payments/{paymentId}/refund', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    stored(dossier(withdrawn));
    vi.mocked(getPayment).mockReset().mockResolvedValue(paymentItem({ state: 'paid', paidAt: '2026-12-07T03:00:00.000Z' }) as never);
    vi.mocked(startRefund).mockReset().mockResolvedValue(requested() as never);
  });

  it('asks the hub to refund an online payment of a dossier withdrawn before processing (202, requested), the whole amount', async () => {
    const answer = await refund();
    expect(answer.status).toBe(202);
    expect(RefundAnswer.parse(answer.body)).toMatchObject({ refundId: 'R0123456789ABCDEF0123', state: 'requested', amount: 200000, ground: 'withdrawn' });
    expect(vi.mocked(startRefund).mock.calls[0]![1]).toMatchObject({ amount: 200000, ground: 'withdrawn', by: 'operator-1', reason: 'Hồ sơ đã rút trước khi xử lý' });
  });

  it('records cash handed back at the desk that took it (201); an operator cannot hand back cash (403)', async () => {
    vi.mocked(getPayment).mockResolvedValue(paymentItem({ state: 'paid', method: 'cash' }) as never);
    vi.mocked(startRefund).mockResolvedValue(requested({ method: 'cash', state: 'refunded', refundedAt: '2026-12-07T05:00:00.000Z' }) as never);
    const answer = await refund(desk);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ state: 'refunded', refundedAt: '2026-12-07T12:00:00+07:00' });
    expect((await refund(operator)).status).toBe(403);
  });

  it('refuses another branch\'s desk and an agency\'s officer (403), refunding nothing', async () => {
    expect((await refund({ sub: 'desk-cg', groups: ['desk', 'branch-CG'] })).status).toBe(403);
    expect((await refund(officerOf('STP'))).status).toBe(403);
    expect(startRefund).not.toHaveBeenCalled();
  });

  it('never refunds more than was paid (422 naming amount), nor a fee still owed or one whose processing began (409)', async () => {
    const more = await refund(operator, { reason: 'Hồ sơ đã rút', amount: 200001 });
    expect(more.status).toBe(422);
    expect(more.body.errors[0].field).toBe('amount');
    stored(dossier({ status: 4 }));
    expect((await refund()).status).toBe(409);
    stored(dossier({ ...withdrawn }), [{ stepId: 's1', history: [{ outcome: 'approve', at: '2026-12-07T03:30:00.000Z' }] }]);
    const begun = await refund();
    expect(begun.status).toBe(409);
    expect(begun.body.detail).toContain('s1');
    vi.mocked(getPayment).mockResolvedValue(paymentItem({ state: 'pending' }) as never);
    expect((await refund()).status).toBe(409);
    expect(startRefund).not.toHaveBeenCalled();
  });

  it('refunds money that came when nothing was owed (a late confirmation flagged), even for a dossier still in progress', async () => {
    stored(dossier({ status: 4 }));
    vi.mocked(getPayment).mockResolvedValue(paymentItem({ state: 'paid', reconcile: 'already-paid' }) as never);
    expect((await refund()).status).toBe(202);
    expect(vi.mocked(startRefund).mock.calls[0]![1]).toMatchObject({ ground: 'paid-twice' });
  });

  it('answers 404 for an unknown payment and 400 for a reason too short', async () => {
    expect((await refund(operator, { reason: 'no' })).status).toBe(400);
    vi.mocked(getPayment).mockResolvedValue(undefined);
    expect((await refund()).status).toBe(404);
  });
});
