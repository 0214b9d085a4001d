import type { ReceiptInput } from '../../functions/commons/receipt-pdf';

/** A paid online payment's receipt as the routes build it: the receipt's unit test and the bundled-receipt test print it. */
export const receiptInput: ReceiptInput = {
  payment: {
    id: 'P0123456789ABCDEF0123',
    dossierCode: 'TTHCC-261207-0001',
    procedureCode: 'TP-LLTP',
    unit: 'TTHCC',
    lines: [{ code: 'LLTP-01', kind: 'phi', name: { vi: 'Phí cung cấp thông tin lý lịch tư pháp', en: 'Charge for judicial-record information' }, amount: 200000 }],
    total: 200000,
    currency: 'VND',
    method: 'online',
    state: 'paid',
    createdAt: '2026-12-07T03:00:00.000Z',
    paidAt: '2026-12-07T03:05:00.000Z',
    payerName: 'Nguyễn Thị Bình',
    receipt: { invoiceTemplateNo: '01BLP0-001', invoiceIssueNo: 'TTHCC/26E', invoiceNo: '0000007' },
  },
  centre: { name: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public Administration Service Centre' }, address: { vi: 'Số 1 phố Tràng Tiền, Hoàn Kiếm', en: '1 Trang Tien' } },
  procedureName: { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Judicial record certificate' },
};
