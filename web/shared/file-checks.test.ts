import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, DEFAULT_MAX_BYTES, UploadRequest } from '../../functions/core/documents';
import { ACCEPTED, MAX_BYTES, checkFile, documentName, sha256Base64, sniff } from './file-checks';

const enc = (s: string) => new TextEncoder().encode(s);

describe('the files a page sends', () => {
  it('are checked as the API checks them: the same types, first bytes and limit', () => {
    expect(ACCEPTED).toEqual(CONTENT_TYPES);
    expect(MAX_BYTES).toBe(DEFAULT_MAX_BYTES);
  });
  it('are typed by their first bytes, not their name', () => {
    expect(sniff(enc('%PDF-1.7'))).toBe('application/pdf');
    expect(sniff(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('image/png');
    expect(sniff(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniff(enc('@echo off'))).toBeUndefined();
    expect(checkFile(10, enc('@echo off'))).toEqual({ ok: false, problem: 'type' });
    expect(checkFile(0, enc(''))).toEqual({ ok: false, problem: 'empty' });
    expect(checkFile(MAX_BYTES + 1, enc('%PDF'))).toEqual({ ok: false, problem: 'tooLarge' });
    expect(checkFile(MAX_BYTES, enc('%PDF'))).toEqual({ ok: true, contentType: 'application/pdf' });
  });
  it('carry a name the API accepts, the item asked for first', () => {
    const ok = (name: string) => UploadRequest.safeParse({ name, contentType: 'application/pdf', size: 1, sha256: 'A'.repeat(43) + '=' }).success;
    expect(documentName('Bản sao Căn cước công dân', 'cccd.pdf')).toBe('Bản sao Căn cước công dân: cccd.pdf');
    for (const [label, file] of [['Giấy xác nhận cư trú/tạm trú', 'a\\b.pdf'], ['', 'x\u202Efdp.bat'], ['A'.repeat(300), 'b.pdf'], ['', '\u0001']]) {
      expect(ok(documentName(label!, file!)), `${label} ${file}`).toBe(true);
    }
    expect(documentName('', 'x\u202Efdp.bat')).toBe('xfdp.bat');
  });
  it('are hashed as S3 writes x-amz-checksum-sha256', async () => {
    // sha256sum of the 13 bytes, base64 (computed once with node:crypto)
    expect(await sha256Base64(enc('%PDF-1.4 test').buffer as ArrayBuffer)).toBe('1mNkAIh1DPFidtYjwliNcjPyuEtF9LLiCDL0exaqVhg=');
  });
});
