import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../test/support/route-unit';
import { pdfText } from '../../test/support/pdf-text';
import { CODE, dossier, paymentEnv, paymentItem } from '../../test/support/fees';
import { notFound } from '../commons/http';
import { dossierForCitizen } from '../commons/lookup';
import { getPayment } from '../commons/payments';
import { ReceiptPdfFile } from '../contracts/payments';
import { route } from './route';

vi.mock('../commons/lookup', () => ({ dossierForCitizen: vi.fn() }));
vi.mock('../commons/payments', async (original) => ({ ...(await original<object>()), getPayment: vi.fn() }));

const db = mockClient(DynamoDBDocumentClient);
const PIN = '20261207';
const ID = 'P0123456789ABCDEF0123';
const receipt = { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000003' };
const get = (pin = PIN, paymentId = ID) => invoke(route, { params: { code: CODE, paymentId }, headers: { 'x-lookup-pin': pin } });

describe('GET /public/dossiers/{code}/payments/{paymentId}/receipt', () => {
  beforeEach(() => {
    db.reset();
    db.resolves({});
    paymentEnv();
    vi.mocked(dossierForCitizen).mockReset().mockImplementation(async (event) => {
      if (event.headers?.['x-lookup-pin'] !== PIN) throw notFound('No dossier with this code and PIN');
      return dossier({ status: 2 }) as never;
    });
    vi.mocked(getPayment).mockReset().mockResolvedValue(paymentItem({ state: 'paid', paidAt: '2026-12-07T03:05:00.000Z', receipt }) as never);
  });

  it('answers the receipt as a PDF: the amount, the number, the payer', async () => {
    const answer = await get();
    expect(answer.status).toBe(200);
    const file = ReceiptPdfFile.parse(answer.body);
    expect(file.filename).toBe('bien-lai-TTHCC-26E-0000003.pdf');
    const text = pdfText(Buffer.from(file.base64, 'base64')).join('\n');
    for (const s of ['200.000 đ', '0000003', 'Nguyễn Thị Bình']) expect(text).toContain(s);
  });

  it('refuses a wrong PIN, another dossier\'s payment and a payment not paid (404)', async () => {
    expect((await get('00000000')).status).toBe(404);
    vi.mocked(getPayment).mockResolvedValue(paymentItem({ state: 'paid', receipt, dossierCode: 'TTHCC-261207-0002' }) as never);
    expect((await get()).status).toBe(404);
    vi.mocked(getPayment).mockResolvedValue(paymentItem({ state: 'pending' }) as never);
    expect((await get()).status).toBe(404);
    vi.mocked(getPayment).mockResolvedValue(undefined);
    expect((await get()).status).toBe(404);
    expect((await get(PIN, 'not-an-id')).status).toBe(400);
  });
});
