import { DynamoDBDocumentClient, GetCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { citizenSessionKey, invoke, sessionItem } from '../../test/support/route-unit';
import { pdfText } from '../../test/support/pdf-text';
import { CODE, dossier, paymentEnv, paymentItem } from '../../test/support/fees';
import { getPayment } from '../commons/payments';
import { keys } from '../commons/store';
import { ReceiptPdfFile } from '../contracts/payments';
import type { Citizen } from '../core/citizen';
import { route } from './route';

vi.mock('../commons/payments', async (original) => ({ ...(await original<object>()), getPayment: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const binh: Citizen = { identityNumber: '001099012345', name: 'Nguyễn Thị Bình' };
const duc: Citizen = { identityNumber: '001203004567', name: 'Trần Văn Đức' };
const ID = 'P0123456789ABCDEF0123';
const receipt = { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000003' };
const as = (c: Citizen) => {
  db.on(GetCommand, { Key: citizenSessionKey() }).resolves({ Item: sessionItem(c) });
  return { citizen: c };
};
const get = (c: Citizen | undefined, paymentId = ID) => invoke(route, { ...(c ? { as: as(c) } : {}), params: { code: CODE, paymentId } });

describe('GET /public/me/dossiers/{code}/payments/{paymentId}/receipt', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    db.on(GetCommand, { Key: keys.dossier(CODE) }).resolves({ Item: dossier({ status: 2 }) });
    vi.mocked(getPayment).mockReset().mockResolvedValue(paymentItem({ state: 'paid', paidAt: '2026-12-07T03:05:00.000Z', receipt }) as never);
  });

  it('answers the signed-in citizen the receipt of their dossier as a PDF: the amount, the number, the payer', async () => {
    const answer = await get(binh);
    expect(answer.status).toBe(200);
    expect(answer.headers?.['cache-control']).toBe('no-store');
    const file = ReceiptPdfFile.parse(answer.body);
    expect(file.filename).toBe('bien-lai-TTHCC-26E-0000003.pdf');
    const text = pdfText(Buffer.from(file.base64, 'base64')).join('\n');
    for (const s of ['200.000 đ', '0000003', 'Nguyễn Thị Bình']) expect(text).toContain(s);
  });

  it('answers another citizen the same 404 as for no dossier, and no session 401: the file is never made', async () => {
    expect((await get(duc)).status).toBe(404);
    expect((await get(undefined)).status).toBe(401);
    expect(getPayment).not.toHaveBeenCalled();
  });

  it('refuses another dossier\'s payment, a payment not paid and an unknown one (404); a malformed id (400)', async () => {
    vi.mocked(getPayment).mockResolvedValue(paymentItem({ state: 'paid', receipt, dossierCode: 'TTHCC-261207-0002' }) as never);
    expect((await get(binh)).status).toBe(404);
    vi.mocked(getPayment).mockResolvedValue(paymentItem({ state: 'pending' }) as never);
    expect((await get(binh)).status).toBe(404);
    vi.mocked(getPayment).mockResolvedValue(undefined);
    expect((await get(binh)).status).toBe(404);
    expect((await get(binh, 'not-an-id')).status).toBe(400);
  });
});
