import { DynamoDBDocumentClient, PutCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { CODE, dossier, paymentEnv } from '../../test/support/fees';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { requestHubPayment } from '../commons/payment-hub';
import { PaymentStarted } from '../contracts/payments';
import { route } from './route';

vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));
vi.mock('../commons/payment-hub', async (original) => ({ ...(await original<object>()), requestHubPayment: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const PIN = '20261207';
const headers = { 'x-lookup-pin': PIN };
let current = dossier();

describe('POST /public/dossiers/{code}/payments', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    current = dossier();
    vi.mocked(requestHubPayment).mockReset().mockResolvedValue({ payUrl: 'https://hub.example/pay/P1' });
    vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
      if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
      return current as never;
    });
  });

  it('answers the hub\'s page for the open obligation; the hub is given the payer\'s name and nothing else personal', async () => {
    const answer = await invoke(route, { params: { code: CODE }, headers, body: {} });
    expect(answer.status).toBe(201);
    expect(PaymentStarted.parse(answer.body)).toMatchObject({ dossierCode: CODE, total: 200000, currency: 'VND', payUrl: 'https://hub.example/pay/P1' });
    const sent = JSON.stringify(vi.mocked(requestHubPayment).mock.calls[0]![0]);
    expect(sent).toContain('Nguyễn Thị Bình');
    for (const personal of ['binh@example.vn', '0912345678', '001099012345']) expect(sent).not.toContain(personal);
    expect(vi.mocked(requestHubPayment).mock.calls[0]![0].returnUrl).toBe(`https://motcua.example.gov.vn/c/${CODE}?payment=${answer.body.paymentId}`);
    // the pending payment is written before the hub is asked
    expect(db.commandCalls(PutCommand)[0]!.args[0].input.Item).toMatchObject({ state: 'pending', total: 200000, method: 'online' });
  });

  it('refuses a wrong PIN with 404, asking the hub nothing', async () => {
    const answer = await invoke(route, { params: { code: CODE }, headers: { ...headers, 'x-lookup-pin': '11111111' }, body: {} });
    expect(answer.status).toBe(404);
    expect(requestHubPayment).not.toHaveBeenCalled();
  });

  it('answers 409 when there is nothing to pay (not in status 6, or paid)', async () => {
    current = dossier({ status: 4 });
    expect((await invoke(route, { params: { code: CODE }, headers, body: {} })).status).toBe(409);
    current = dossier({ fees: { ...dossier().fees, paidAt: '2026-12-07T03:00:00.000Z' } });
    expect((await invoke(route, { params: { code: CODE }, headers, body: {} })).status).toBe(409);
    expect(requestHubPayment).not.toHaveBeenCalled();
  });
});
