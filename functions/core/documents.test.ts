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
