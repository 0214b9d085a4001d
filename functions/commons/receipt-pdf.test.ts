import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/support/pdf-text';
import { readTrueType } from './pdf';
import { receiptInput } from '../../test/support/receipt-input';
import { receiptFile, receiptLines, receiptPdf } from './receipt-pdf';

const input = receiptInput;

describe('the receipt PDF', () => {
  const pdf = receiptPdf(input);
  const text = pdfText(pdf).join('\n');

  it('reads back (its glyphs through its ToUnicode map) with the amount, the receipt number and the payer, in Vietnamese with diacritics', () => {
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Tổng cộng · Total: 200.000 đ');
    expect(text).toContain('Số · No.: 0000007');
    expect(text).toContain('Ký hiệu · Series: TTHCC/26E');
    expect(text).toContain('Người nộp · Payer: Nguyễn Thị Bình');
    expect(text).toContain('Ngày thu · Paid: 07/12/2026 10:05');
    // every character had a glyph in the font (none fell back to .notdef)
    expect(text).not.toContain('\uFFFD');
    expect(text.replace(/\s+/g, ' ')).toBe(receiptLines(input).join('\n').replace(/\s+/g, ' '));
  });

  it('writes the glyph ids the font\'s cmap gives (Identity-H), not the characters', () => {
    const font = readTrueType(readFileSync(new URL('./receipt-font.ttf', import.meta.url)));
    const content = [...pdf.toString('latin1').matchAll(/stream\n([^]*?)\nendstream/g)].map((m) => inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1')).find((s) => s.includes(' Tj'))!;
    const payer = [...'Nguyễn Thị Bình'].map((c) => font.glyphOf(c.codePointAt(0)!).toString(16).toUpperCase().padStart(4, '0')).join('');
    expect(font.glyphOf('ễ'.codePointAt(0)!)).toBeGreaterThan(0);
    expect(content).toContain(payer);
  });

  it('is a well-formed PDF: every cross-reference points at its object, the font embedded as a CIDFontType2 with Identity-H', () => {
    const src = pdf.toString('latin1');
    expect(src.startsWith('%PDF-1.7')).toBe(true);
    expect(src.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(src)![1]);
    expect(src.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...src.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(src.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(src).toContain('/Subtype /Type0');
    expect(src).toContain('/Encoding /Identity-H');
    expect(src).toContain('/Subtype /CIDFontType2');
    expect(src).toContain('/FontFile2 8 0 R');
    expect(pdf.length).toBeLessThan(60_000);
  });

  it('names a refund made, and the file is named by the series and number', () => {
    const refunded = pdfText(receiptPdf({ ...input, refund: { amount: 200000, state: 'refunded', refundedAt: '2026-12-08T02:00:00.000Z' } })).join('\n');
    expect(refunded).toContain('Đã hoàn trả · Refunded: 200.000 đ (08/12/2026 09:00)');
    const file = receiptFile(input);
    expect(file).toMatchObject({ filename: 'bien-lai-TTHCC-26E-0000007.pdf', mediaType: 'application/pdf' });
    expect(Buffer.from(file.base64, 'base64').subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });
});
