import { describe, expect, it } from 'vitest';
import { disposition } from './documents';

describe('a download’s Content-Disposition', () => {
  it('never fails on a stored name with a lone surrogate (every download answered 500), and carries the type’s extension', () => {
    const header = disposition('Ban sao \uD800CCCD.bat', 'application/pdf');
    expect(header).toBe(`attachment; filename="Ban sao CCCD.bat.pdf"; filename*=UTF-8''Ban%20sao%20CCCD.bat.pdf`);
  });
  it('drops a right-to-left override and keeps Vietnamese in filename*', () => {
    const header = disposition('Bản sao CCCD\u202Efdp.bat', 'application/pdf');
    expect(header).toContain('filename="Ban sao CCCDfdp.bat.pdf"');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]!)).toBe('Bản sao CCCDfdp.bat.pdf');
  });
  it('keeps a name that already ends with its type’s extension; a name of only non-ASCII letters falls back to document.<ext>', () => {
    expect(disposition('ảnh.JPEG', 'image/jpeg')).toContain('filename="anh.JPEG"');
    expect(disposition('ảnh', 'image/png')).toContain('filename="anh.png"');
    expect(disposition('Ảnh', 'image/png')).toContain('filename="Anh.png"');
    expect(disposition('ไทย.pdf', 'application/pdf')).toContain('filename="document.pdf"');
  });
});
