import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf } from '../../test/support/route-unit';
import { CODE, dossier, paymentEnv, paymentItem } from '../../test/support/fees';
import { createPayment, recordPaid } from '../commons/payments';
import { keys } from '../commons/store';
import { PaymentRecorded } from '../contracts/payments';
import { route } from './route';

vi.mock('../commons/payments', async (original) => ({ ...(await original<object>()), createPayment: vi.fn(), recordPaid: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const receipt = { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000007' };
const stored = (d: Record<string, unknown>) => db.on(GetCommand, { Key: keys.dossier(CODE) }).resolves({ Item: d });
const pay = (as = desk, body: unknown = { method: 'cash', amount: 200000 }) => invoke(route, { as, params: { code: CODE }, body });

describe('POST /dossiers/{code}/payments', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    stored(dossier());
    vi.mocked(createPayment).mockReset().mockResolvedValue(paymentItem() as never);
    vi.mocked(recordPaid).mockReset().mockResolvedValue({ outcome: 'recorded', payment: paymentItem({ state: 'paid', method: 'cash', paidAt: '2026-12-07T03:00:00.000Z', receipt }) as never });
  });

  it('records cash at the counter of the desk that received the dossier, with its receipt (201)', async () => {
    const answer = await pay();
    expect(answer.status).toBe(201);
    expect(PaymentRecorded.parse(answer.body)).toMatchObject({ dossierCode: CODE, outcome: 'recorded', method: 'cash', total: 200000, receipt });
    expect(vi.mocked(recordPaid).mock.calls[0]![1]).toMatchObject({ method: 'cash', by: 'desk-officer' });
  });

  it('refuses another branch\'s desk (403) and an agency\'s officer (403), recording nothing', async () => {
    expect((await pay({ sub: 'desk-cg', groups: ['desk', 'branch-CG'] })).status).toBe(403);
    stored(dossier({ branch: 'CG' }));
    expect((await pay()).status).toBe(403);
    expect((await pay(officerOf('STP'))).status).toBe(403);
    expect(recordPaid).not.toHaveBeenCalled();
  });

  it('refuses an amount that is not the total (422, naming amount) and a dossier with nothing to pay (409)', async () => {
    const short = await pay(desk, { method: 'cash', amount: 150000 });
    expect(short.status).toBe(422);
    expect(short.body.errors[0].field).toBe('amount');
    expect((await pay(desk, { method: 'cash', amount: 200000.5 })).status).toBe(400);
    stored(dossier({ status: 4 }));
    expect((await pay()).status).toBe(409);
    stored(dossier({ fees: { ...dossier().fees, paidAt: '2026-12-07T03:00:00.000Z' } }));
    expect((await pay()).status).toBe(409);
    expect(recordPaid).not.toHaveBeenCalled();
  });

  it('answers 404 for a dossier that does not exist', async () => {
    db.on(GetCommand, { Key: keys.dossier(CODE) }).resolves({});
    expect((await pay()).status).toBe(404);
  });
});
