import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { citizenSessionKey, invoke, sessionItem } from '../../test/support/route-unit';
import { CODE, dossier, paymentEnv } from '../../test/support/fees';
import { requestHubPayment } from '../commons/payment-hub';
import { keys } from '../commons/store';
import type { Citizen } from '../core/citizen';
import { route } from './route';

vi.mock('../commons/payment-hub', async (original) => ({ ...(await original<object>()), requestHubPayment: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const binh: Citizen = { identityNumber: '001099012345', name: 'Nguyễn Thị Bình' };
const duc: Citizen = { identityNumber: '001203004567', name: 'Trần Văn Đức' };
const as = (c: Citizen) => {
  db.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: sessionItem(c) });
  return { citizen: c };
};

describe('POST /public/me/dossiers/{code}/payments', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    db.on(GetCommand, { Key: keys.dossier(CODE) }).resolves({ Item: dossier() });
    vi.mocked(requestHubPayment).mockReset().mockResolvedValue({ payUrl: 'https://hub.example/pay/P1' });
  });

  it('answers the hub\'s page for the signed-in citizen\'s own dossier; the return is the portal\'s dossier page', async () => {
    const answer = await invoke(route, { as: as(binh), params: { code: CODE }, body: {} });
    expect(answer.status).toBe(201);
    expect(answer.body.payUrl).toBe('https://hub.example/pay/P1');
    expect(vi.mocked(requestHubPayment).mock.calls[0]![0].returnUrl).toMatch(new RegExp(`/dvc/my/${CODE}\\?payment=P[0-9A-F]{20}$`));
  });

  it('answers another citizen the same 404 as for no dossier; no session is 401', async () => {
    expect((await invoke(route, { as: as(duc), params: { code: CODE }, body: {} })).status).toBe(404);
    expect((await invoke(route, { params: { code: CODE }, body: {} })).status).toBe(401);
    expect(requestHubPayment).not.toHaveBeenCalled();
  });
});
