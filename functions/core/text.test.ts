import { describe, expect, it } from 'vitest';
import { documentsSchema, normalisePhone, phone, text } from './text';

const name = text(200);

describe('clean input', () => {
  it('removes bidi controls, zero-width characters and lone surrogates from names and free text', () => {
    expect(name.parse('Nguy\u202Eễn Văn An')).toBe('Nguyễn Văn An');
    expect(name.parse('\u2066Trần\u2069 \u200EThị\u200F \u061CBình')).toBe('Trần Thị Bình');
    expect(name.parse('Lê\u200B\u200C\u200D\u2060\uFEFF Hoa')).toBe('Lê Hoa');
    expect(name.parse('Phạm \uD800Minh\uDC00')).toBe('Phạm Minh');
    expect(name.parse('😀 Vũ')).toBe('😀 Vũ'); // a real surrogate pair stays
    expect(name.parse('Nguyen\u0302\u0303')).toBe('Nguyen\u0302\u0303'.normalize('NFC'));
  });

  it('refuses a name that is empty once cleaned, naming the problem', () => {
    const out = name.safeParse('\u200B\u200D\uFEFF \u202E');
    expect(out.success).toBe(false);
    expect(out.error!.issues[0]!.message).toMatch(/must not be empty/);
    expect(name.safeParse('Ann\u0000a').success).toBe(false);
  });

  it('trims document references and refuses control characters in them', () => {
    expect(documentsSchema.parse([{ name: 'CCCD', ref: '  upload://cccd.pdf \u200B ' }])[0]!.ref).toBe('upload://cccd.pdf');
    for (const ref of ['upload://a\u0000b', 'a\nb', 'x\u007F', '\u009Bx', '   ']) {
      const out = documentsSchema.safeParse([{ name: 'CCCD', ref }]);
      expect(out.success, JSON.stringify(ref)).toBe(false);
      expect(out.error!.issues[0]!.path).toEqual([0, 'ref']);
    }
  });

  it('writes Vietnamese phone numbers in one form (+84…) and refuses what is not a phone', () => {
    for (const raw of ['0912345678', '0912 345.678', '+84 912-345-678', '(+84) 912 345 678', '84912345678', '0084912345678', ' 091\u200B2345678 ']) {
      expect(normalisePhone(raw), raw).toBe('+84912345678');
    }
    expect(normalisePhone('024 3822 3456')).toBe('+842438223456');
    expect(normalisePhone('+33 1 42 68 53 00')).toBe('+33142685300');
    for (const raw of ['12345', 'abc', '0912 345 67', '0112345678', '+84 1234', '091234567890', '+0 123 456 789', '0912345678; DROP', '']) {
      expect(normalisePhone(raw), raw).toBeUndefined();
    }
    expect(phone.safeParse('not a phone').success).toBe(false);
  });
});

describe('fold: text for searching without diacritics', () => {
  it('finds Vietnamese names typed without their marks', async () => {
    const { fold } = await import('./text');
    expect(fold('Cấp Phiếu Lý lịch  tư pháp')).toBe('cap phieu ly lich tu phap');
    expect(fold('Đăng ký')).toBe('dang ky');
    expect(fold('Nguye\u0300n')).toBe('nguyen');
  });
});
