/**
 * What the platform accepts of a file, checked in the browser before anything is sent (the API
 * checks the same again: functions/core/documents.ts, kept equal by web/shared/file-checks.test.ts):
 * PDF, JPEG or PNG, starting with that type's first bytes, at most 20 MB, a name without control
 * characters or slashes.
 */
export const ACCEPTED = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
} as const satisfies Record<string, number[]>;
export type Accepted = keyof typeof ACCEPTED;
export const MAX_BYTES = 20 * 1024 * 1024;
/** For `<input type=file accept>`. */
export const ACCEPT_ATTR = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export type FileProblem = 'empty' | 'tooLarge' | 'type';

/** The type the file's first bytes say it is (whatever its name or the browser claims), or undefined. */
export function sniff(head: Uint8Array): Accepted | undefined {
  return (Object.keys(ACCEPTED) as Accepted[]).find((t) => ACCEPTED[t].every((b, i) => head[i] === b));
}

/** Why a file cannot be sent, or its content type. */
export function checkFile(size: number, head: Uint8Array): { ok: true; contentType: Accepted } | { ok: false; problem: FileProblem } {
  if (size <= 0) return { ok: false, problem: 'empty' };
  if (size > MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  const contentType = sniff(head);
  return contentType ? { ok: true, contentType } : { ok: false, problem: 'type' };
}

/** A document's name as the API accepts it: no control characters or slashes, NFC, at most 200 characters. */
export function documentName(label: string, fileName: string): string {
  const clean = (s: string) => s.normalize('NFC').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[/\\]/g, '-').trim();
  const file = clean(fileName) || 'tep';
  const name = label ? `${clean(label)}: ${file}` : file;
  return name.length <= 200 ? name : `${name.slice(0, 199)}…`;
}

/** Base64 of the file's SHA-256, as the API and S3 expect it. */
export async function sha256Base64(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let s = '';
  for (const b of digest) s += String.fromCharCode(b);
  return btoa(s);
}
