import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, UploadRequest, citizenMayRead, hasSignature, objectKeys } from './documents';

const ok = { name: 'Bản sao CCCD.pdf', contentType: 'application/pdf', size: 1000, sha256: 'A'.repeat(43) + '=' };

describe('document rules', () => {
  it('accepts PDF, JPEG and PNG up to 20 MB, NFC names, purpose dossier by default', () => {
    const parsed = UploadRequest.parse({ ...ok, name: 'Ba\u0309n sao.pdf', size: DEFAULT_MAX_BYTES });
    expect(parsed).toMatchObject({ name: 'Bản sao.pdf', purpose: 'dossier' });
    for (const contentType of ['image/jpeg', 'image/png']) expect(UploadRequest.safeParse({ ...ok, contentType }).success).toBe(true);
  });

  it('refuses, naming the field: over 20 MB, another type, a bad checksum, a slash or control character in the name, unknown keys', () => {
    const field = (over: Record<string, unknown>) => UploadRequest.safeParse({ ...ok, ...over }).error?.issues.map((i) => i.path.join('.'));
    expect(field({ size: DEFAULT_MAX_BYTES + 1 })).toEqual(['size']);
    expect(field({ size: 0 })).toEqual(['size']);
    expect(field({ contentType: 'application/x-msdownload' })).toEqual(['contentType']);
    expect(field({ sha256: 'ab'.repeat(32) })).toEqual(['sha256']); // hex is not S3's base64
    expect(field({ name: '../../etc/passwd' })).toEqual(['name']);
    expect(field({ name: 'a\u0000b.pdf' })).toEqual(['name']);
    expect(field({ key: 'dossiers/X/evil' })).toEqual(['']);
  });

  it('cleans file names like other text and gives them the extension of their type (a .bat, .hta, .html, .svg or .exe never downloads as such)', () => {
    const name = (n: string, contentType = 'application/pdf') => UploadRequest.parse({ ...ok, name: n, contentType }).name;
    expect(name('Ban sao CCCD\u202Efdp.bat')).toBe('Ban sao CCCDfdp.bat.pdf');
    for (const ext of ['hta', 'html', 'svg', 'exe']) expect(name(`giay to.${ext}`)).toBe(`giay to.${ext}.pdf`);
    expect(name('a\uD800b.pdf')).toBe('ab.pdf');
    expect(name('\u200B\u200B.pdf')).toBe('.pdf.pdf');
    expect(name('Bản sao CCCD.pdf')).toBe('Bản sao CCCD.pdf');
    expect(name('ảnh.JPG', 'image/jpeg')).toBe('ảnh.JPG');
    expect(name('ảnh.png', 'image/jpeg')).toBe('ảnh.png.jpg');
    expect(UploadRequest.safeParse({ ...ok, name: '\u202E\u200B' }).success).toBe(false);
  });

  it('checks the first bytes of each type', () => {
    expect(hasSignature('application/pdf', Buffer.from('%PDF-1.7'))).toBe(true);
    expect(hasSignature('application/pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(hasSignature('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe(true);
    expect(hasSignature('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(hasSignature('image/jpeg', Buffer.from([]))).toBe(false);
  });

  it('lets the citizen read what was handed in, and the result only once returned', () => {
    expect(citizenMayRead({ purpose: 'dossier', kind: 'desk' }, 4)).toBe(true);
    expect(citizenMayRead({ purpose: 'result', kind: 'agency' }, 9)).toBe(false);
    expect(citizenMayRead({ purpose: 'result', kind: 'agency' }, 10)).toBe(true);
  });

  it('keeps names out of object keys', () => {
    expect(objectKeys.document('TTHCC-261202-0001', 'ab'.repeat(16))).toBe(`dossiers/TTHCC-261202-0001/${'ab'.repeat(16)}`);
    expect(objectKeys.draft('cd'.repeat(16))).toBe(`drafts/${'cd'.repeat(16)}`);
  });
});
