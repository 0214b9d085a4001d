import { DynamoDBDocumentClient, UpdateCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { CODE, HUB_SECRET, paymentEnv, paymentItem } from '../../test/support/fees';
import { canonicalConfirmation, sign } from '../commons/payment-hub';
import { getPayment, recordPaid } from '../commons/payments';
import { logger } from '../commons/powertools';
import { ConfirmationAnswer } from '../contracts/payments';
import { route } from './route';

vi.mock('../commons/payments', async (original) => ({ ...(await original<object>()), getPayment: vi.fn(), recordPaid: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const ID = 'P0123456789ABCDEF0123';
const fields = { paymentId: ID, dossierCode: CODE, amount: 200000, currency: 'VND', status: 'paid' as const, hubRef: 'HUB-1', paidAt: '2026-12-07T03:05:00.000Z' };
const signed = (f: typeof fields, secret = HUB_SECRET) => ({ ...f, signature: sign(secret, canonicalConfirmation(f)) });

describe('POST /public/payments/confirm', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    vi.mocked(getPayment).mockReset().mockResolvedValue(paymentItem() as never);
    vi.mocked(recordPaid).mockReset().mockResolvedValue({ outcome: 'recorded', payment: paymentItem({ state: 'paid' }) as never });
  });

  it('records a confirmation signed by the hub, with the amount, currency and dossier of the request', async () => {
    const answer = await invoke(route, { body: signed(fields) });
    expect(answer.status).toBe(200);
    expect(ConfirmationAnswer.parse(answer.body)).toEqual({ paymentId: ID, outcome: 'recorded' });
    expect(recordPaid).toHaveBeenCalledWith(ID, { method: 'online', at: fields.paidAt, hubRef: 'HUB-1' });
  });

  it('answers a repeated confirmation as a duplicate (recordPaid records it once)', async () => {
    vi.mocked(recordPaid).mockResolvedValue({ outcome: 'duplicate', payment: paymentItem({ state: 'paid' }) as never });
    expect((await invoke(route, { body: signed(fields) })).body).toEqual({ paymentId: ID, outcome: 'duplicate' });
  });

  it('refuses a tampered or forged confirmation (401), logging ids only, recording nothing', async () => {
    const warn = vi.spyOn(logger, 'warn');
    const tampered = { ...signed(fields), amount: 1 };
    expect((await invoke(route, { body: tampered })).status).toBe(401);
    expect((await invoke(route, { body: signed(fields, 'not-the-hub') })).status).toBe(401);
    expect((await invoke(route, { body: { ...fields, signature: 'x' } })).status).toBe(401);
    expect(recordPaid).not.toHaveBeenCalled();
    expect(getPayment).not.toHaveBeenCalled();
    expect(JSON.stringify(warn.mock.calls)).not.toContain('Nguyễn');
  });

  it('refuses an unknown payment (404) and a mismatched amount, currency or dossier (422), recording nothing', async () => {
    vi.mocked(getPayment).mockResolvedValueOnce(undefined);
    expect((await invoke(route, { body: signed(fields) })).status).toBe(404);
    expect((await invoke(route, { body: signed({ ...fields, amount: 100000 }) })).status).toBe(422);
    expect((await invoke(route, { body: signed({ ...fields, currency: 'USD' }) })).status).toBe(422);
    expect((await invoke(route, { body: signed({ ...fields, dossierCode: 'TTHCC-261207-0002' }) })).status).toBe(422);
    expect(recordPaid).not.toHaveBeenCalled();
  });

  it('a cancelled or failed payment is marked so (the dossier stays in status 6, paying again possible)', async () => {
    const answer = await invoke(route, { body: signed({ ...fields, status: 'cancelled' } as never) });
    expect(answer.body).toEqual({ paymentId: ID, outcome: 'cancelled' });
    expect(db.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({ ConditionExpression: '#state = :pending', ExpressionAttributeValues: { ':s': 'cancelled' } });
    expect(recordPaid).not.toHaveBeenCalled();
  });

  it('passes on the flag of a confirmation that came after the dossier moved on', async () => {
    vi.mocked(recordPaid).mockResolvedValue({ outcome: 'recorded', payment: paymentItem({ state: 'paid' }) as never, flagged: 'dossier-moved-on' });
    expect((await invoke(route, { body: signed(fields) })).body).toEqual({ paymentId: ID, outcome: 'recorded', reconcile: 'dossier-moved-on' });
  });
});
