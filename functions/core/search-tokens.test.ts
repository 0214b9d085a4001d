import { describe, expect, it } from 'vitest';
import { applicantTokens, codeTokens, nameTokens, phoneTokens, queryToken } from './search-tokens';

describe('search tokens', () => {
  it('indexes each word of a name from its start, and neighbouring words, without diacritics', () => {
    const t = nameTokens('Nguyễn Thị Bình');
    expect(t).toEqual(expect.arrayContaining(['n:ng', 'n:nguyen', 'n:thi', 'n:bi', 'n:binh', 'b:nguyen th', 'b:nguyen thi', 'b:thi bi', 'b:thi binh']));
    expect(t).not.toContain('b:thi b');
    expect(t).not.toContain('n:uyen');
    expect(t).not.toContain('n:n');
  });

  it('indexes a phone in national form from its first 4 digits, and its last 4 to 6', () => {
    expect(phoneTokens('+84912345678')).toEqual(expect.arrayContaining(['p:091234', 'p:0912345', 'p:0912345678', 'p:5678', 'p:45678', 'p:345678']));
    expect(phoneTokens('+84912345678')).not.toContain('p:2345678');
    expect(phoneTokens('+84912345678')).not.toContain('p:0912');
    expect(phoneTokens(undefined)).toEqual([]);
  });

  it('indexes a code by the end a desk officer reads off a receipt (its day’s number, 4 digits or more)', () => {
    expect(codeTokens('TTHCC-261207-0003')).toEqual(['p:0003']);
    expect(codeTokens('Q1-261207-12345')).toEqual(['p:2345', 'p:12345']);
    expect(queryToken('0003')).toBe('p:0003');
  });

  it('answers every query a desk officer types from a token of the dossier it means', () => {
    const tokens = new Set(applicantTokens({ name: 'Phạm Đức Anh', phone: '+84901234567' }));
    for (const q of ['pham', 'Phạm Đ', 'pham du', 'pham duc', 'Đức Anh', 'pham duc anh', 'pham duc a', 'ph', '0901234567', '0901 23', '+84 901 234 567', '4567', '234567'])
      expect(tokens.has(queryToken(q)!), q).toBe(true);
    expect(tokens.has(queryToken('hoang mai')!)).toBe(false);
    expect(queryToken('a')).toBeUndefined();
    expect(queryToken('123')).toBeUndefined();
  });
});
