import { readFileSync } from 'node:fs';
import { pdfPage, readTrueType, wrap, type TextLine, type TrueType } from './pdf';
import type { Payment } from './payments';
import { getRefund, refundIdOf, type Refund } from './refunds';
import { formatDong } from '../core/fees';
import { toLocalIso } from '../core/local-time';
import type { Text } from '../core/model';

/**
 * The electronic receipt of one payment as a PDF (A4, Vietnamese first, English after each
 * label): the centre, the receipt's template, series and number, the dossier and procedure, the
 * payer, the fee lines, the total, how and when it was paid, and a refund when one was made.
 * Made from what the platform recorded, on demand (nothing stored); the font is DejaVu Sans cut
 * down to Vietnamese (./receipt-font.ttf), embedded.
 */
let font: TrueType | undefined;
/**
 * The font is a file beside this module, read at the first receipt: not base64 in the bundle (49 KB
 * that every cold start of the API functions parsed for the few requests that print a receipt).
 * From source it is functions/commons/receipt-font.ttf; in a deployed bundle `import.meta.url` is
 * the bundle's, and the build copies the font beside it (infra/bundling/options.ts, BESIDE_BUNDLE).
 */
const receiptFont = () => (font ??= readTrueType(readFileSync(new URL('./receipt-font.ttf', import.meta.url))));

const METHOD: Record<Payment['method'], Text> = {
  online: { vi: 'Trực tuyến qua cổng thanh toán', en: 'Online, through the payment hub' },
  cash: { vi: 'Tiền mặt tại quầy', en: 'Cash at the desk' },
  card: { vi: 'Thẻ tại quầy', en: 'Card at the desk' },
};

/** "07/12/2026 10:05" — the local (UTC+7) date and time. */
const when = (iso: string) => {
  const l = toLocalIso(iso);
  return `${l.slice(8, 10)}/${l.slice(5, 7)}/${l.slice(0, 4)} ${l.slice(11, 16)}`;
};

export interface ReceiptInput {
  payment: Payment;
  centre: { name: Text; address: Text };
  procedureName: Text;
  refund?: Pick<Refund, 'amount' | 'state' | 'refundedAt'>;
}

/** The lines of the receipt, as they are printed (the PDF's text, in order). */
export function receiptLines(r: ReceiptInput): string[] {
  const p = r.payment;
  const rc = p.receipt!;
  const lines = [
    r.centre.name.vi,
    r.centre.name.en,
    r.centre.address.vi,
    'BIÊN LAI THU PHÍ, LỆ PHÍ',
    'Receipt of fees and charges (electronic)',
    `Mẫu số · Template: ${rc.invoiceTemplateNo}    Ký hiệu · Series: ${rc.invoiceIssueNo}    Số · No.: ${rc.invoiceNo}`,
    `Mã hồ sơ · Dossier: ${p.dossierCode}`,
    `Thủ tục · Procedure: ${r.procedureName.vi}`,
    `Người nộp · Payer: ${p.payerName}`,
    'Khoản thu · Fees:',
    ...p.lines.map((l) => `${l.name.vi} · ${l.name.en} (${l.code}): ${formatDong(l.amount)}`),
    `Tổng cộng · Total: ${formatDong(p.total)}`,
    `Hình thức · Method: ${METHOD[p.method].vi} · ${METHOD[p.method].en}`,
    `Ngày thu · Paid: ${p.paidAt ? when(p.paidAt) : ''}`,
  ];
  if (r.refund?.state === 'refunded') lines.push(`Đã hoàn trả · Refunded: ${formatDong(r.refund.amount)} (${when(r.refund.refundedAt!)})`);
  lines.push('Biên lai điện tử do hệ thống Một cửa lập từ dữ liệu đã ghi nhận · An electronic receipt made from the recorded payment');
  return lines;
}

/** The receipt's PDF bytes. */
export function receiptPdf(r: ReceiptInput): Buffer {
  const f = receiptFont();
  const [left, width] = [56, 483];
  const out: TextLine[] = [];
  const rules: { x1: number; y1: number; x2: number; y2: number }[] = [];
  let y = 790;
  const put = (text: string, size: number, gap = 6) => {
    for (const line of wrap(f, text, size, width)) {
      out.push({ x: left, y, size, text: line });
      y -= size + gap;
    }
  };
  const all = receiptLines(r);
  const sizes = (i: number) => (i < 2 ? 12 : i < 3 ? 9 : i === 3 ? 16 : i === 4 ? 11 : 10);
  all.forEach((text, i) => {
    if (i === 3) {
      y -= 10;
      rules.push({ x1: left, y1: y + 22, x2: left + width, y2: y + 22 });
    }
    if (i === all.length - 1) {
      y -= 14;
      rules.push({ x1: left, y1: y + 16, x2: left + width, y2: y + 16 });
      put(text, 8);
      return;
    }
    put(text, sizes(i), i === 4 ? 14 : 6);
  });
  return pdfPage(f, out, { title: `Biên lai ${r.payment.receipt!.invoiceIssueNo} số ${r.payment.receipt!.invoiceNo}`, rules });
}

/** The file a route answers: its name, type and bytes in base64 (as the reports' files). */
export function receiptFile(r: ReceiptInput) {
  const rc = r.payment.receipt!;
  return { filename: `bien-lai-${rc.invoiceIssueNo.replace(/[^A-Za-z0-9]+/g, '-')}-${rc.invoiceNo}.pdf`, mediaType: 'application/pdf' as const, base64: receiptPdf(r).toString('base64') };
}

/** The receipt file of a paid payment of a dossier (with its refund, if any); undefined when there is none. */
export async function receiptFileOf(payment: Payment | undefined, dossier: { code: string; procedure: { name: Text } } | undefined, centre: { name: Text; address: Text }) {
  if (!payment || !dossier || payment.dossierCode !== dossier.code || payment.state !== 'paid' || !payment.receipt) return undefined;
  const refund = await getRefund(refundIdOf(payment.id));
  return receiptFile({ payment, centre, procedureName: dossier.procedure.name, ...(refund ? { refund } : {}) });
}
