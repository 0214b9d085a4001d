import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { pdfText } from '../../test/support/pdf-text';
import { CODE, dossier, paymentEnv, paymentItem } from '../../test/support/fees';
import { getPayment } from '../commons/payments';
import { keys } from '../commons/store';
import { route } from './route';

vi.mock('../commons/payments', async (original) => ({ ...(await original<object>()), getPayment: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const ID = 'P0123456789ABCDEF0123';
const receipt = { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000004' };
const get = (as = desk) => invoke(route, { as, params: { paymentId: ID } });

describe('GET /payments/{paymentId}/receipt', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    db.on(GetCommand, { Key: keys.dossier(CODE) }).resolves({ Item: dossier({ status: 2 }) });
    vi.mocked(getPayment).mockReset().mockResolvedValue(paymentItem({ state: 'paid', method: 'cash', paidAt: '2026-12-07T03:05:00.000Z', receipt }) as never);
  });

  it('gives the desk that took the payment, and operators, the receipt PDF', async () => {
    for (const as of [desk, operator]) {
      const answer = await get(as);
      expect(answer.status).toBe(200);
      const text = pdfText(Buffer.from(answer.body.base64, 'base64')).join('\n');
      for (const s of ['200.000 đ', '0000004', 'Nguyễn Thị Bình', 'Tiền mặt tại quầy']) expect(text).toContain(s);
    }
  });

  it('refuses another branch\'s desk and an agency\'s officer (403); an unknown payment 404', async () => {
    expect((await get({ sub: 'desk-cg', groups: ['desk', 'branch-CG'] })).status).toBe(403);
    expect((await get(officerOf('STP'))).status).toBe(403);
    vi.mocked(getPayment).mockResolvedValue(undefined);
    expect((await get()).status).toBe(404);
  });
});
