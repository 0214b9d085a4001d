import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { CODE, HUB_SECRET, paymentEnv } from '../../test/support/fees';
import { canonicalRefundConfirmation, sign } from '../commons/payment-hub';
import { completeRefund, failRefund, getRefund } from '../commons/refunds';
import { logger } from '../commons/powertools';
import { RefundConfirmationAnswer } from '../contracts/payments';
import { route } from './route';

vi.mock('../commons/refunds', async (original) => ({ ...(await original<object>()), getRefund: vi.fn(), completeRefund: vi.fn(), failRefund: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const RID = 'R0123456789ABCDEF0123';
const PID = 'P0123456789ABCDEF0123';
const fields = { refundId: RID, paymentId: PID, amount: 200000, currency: 'VND', status: 'refunded' as const, hubRef: 'HUBR-1', refundedAt: '2026-12-07T05:00:00.000Z' };
const signed = (f: typeof fields | Omit<typeof fields, 'status'> & { status: 'failed' }, secret = HUB_SECRET) => ({ ...f, signature: sign(secret, canonicalRefundConfirmation(f)) });
const refund = (over: Record<string, unknown> = {}) => ({
  id: RID, paymentId: PID, dossierCode: CODE, procedureCode: 'TP-LLTP', unit: 'TTHCC', method: 'online', amount: 200000, currency: 'VND', ground: 'withdrawn', reason: 'x',
  state: 'requested', requestedAt: '2026-12-07T04:00:00.000Z', requestedBy: 'operator-1', ...over,
});

describe('POST /public/payments/refund-confirm', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    vi.mocked(getRefund).mockReset().mockResolvedValue(refund() as never);
    vi.mocked(completeRefund).mockReset().mockResolvedValue(refund({ state: 'refunded' }) as never);
    vi.mocked(failRefund).mockReset();
  });

  it('records a refund the hub confirms, signed, with the payment and amount asked', async () => {
    const answer = await invoke(route, { body: signed(fields) });
    expect(answer.status).toBe(200);
    expect(RefundConfirmationAnswer.parse(answer.body)).toEqual({ refundId: RID, outcome: 'refunded' });
    expect(completeRefund).toHaveBeenCalledWith(RID, { at: fields.refundedAt, hubRef: 'HUBR-1' });
  });

  it('answers a repeated confirmation as a duplicate', async () => {
    vi.mocked(getRefund).mockResolvedValue(refund({ state: 'refunded' }) as never);
    expect((await invoke(route, { body: signed(fields) })).body).toEqual({ refundId: RID, outcome: 'duplicate' });
  });

  it('refuses a tampered or forged confirmation (401), logging ids only, recording nothing', async () => {
    const warn = vi.spyOn(logger, 'warn');
    expect((await invoke(route, { body: { ...signed(fields), amount: 1 } })).status).toBe(401);
    expect((await invoke(route, { body: signed(fields, 'not-the-hub') })).status).toBe(401);
    expect(JSON.stringify(warn.mock.calls)).not.toMatch(/Nguyễn|@/);
    expect(completeRefund).not.toHaveBeenCalled();
  });

  it('refuses an unknown refund (404), another payment or amount (422) and a counter refund (422)', async () => {
    expect((await invoke(route, { body: signed({ ...fields, amount: 150000 }) })).status).toBe(422);
    expect((await invoke(route, { body: signed({ ...fields, paymentId: 'P9999999999ABCDEF0123' }) })).status).toBe(422);
    vi.mocked(getRefund).mockResolvedValue(refund({ method: 'cash' }) as never);
    expect((await invoke(route, { body: signed(fields) })).status).toBe(422);
    vi.mocked(getRefund).mockResolvedValue(undefined);
    expect((await invoke(route, { body: signed(fields) })).status).toBe(404);
    expect(completeRefund).not.toHaveBeenCalled();
  });

  it('a refund the hub could not make is failed (it may be asked again)', async () => {
    const answer = await invoke(route, { body: signed({ ...fields, status: 'failed' }) });
    expect(answer.body).toEqual({ refundId: RID, outcome: 'failed' });
    expect(failRefund).toHaveBeenCalledWith(RID);
  });
});
