import { createHash, randomBytes } from 'node:crypto';
import type { Harness } from './local';

/** A small file that starts like a real PDF (the registration checks the first bytes). */
export const pdf = (size = 2048, body = '') => {
  const head = Buffer.from(`%PDF-1.7\n${body}\n`, 'latin1');
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]);
};
export const png = (size = 1024) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('base64');

export interface Ticket {
  documentId: string;
  draftId?: string;
  upload: { url: string; fields: Record<string, string> };
  expiresAt: string;
  maxBytes: number;
  complete?: string;
}

/** The browser's part: the presigned POST's fields, then the file, as multipart/form-data (fetch + FormData). */
export async function postToS3(ticket: Ticket, file: Buffer, type = ticket.upload.fields['Content-Type']!): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.upload.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file)], { type }), 'file.bin');
  const res = await fetch(ticket.upload.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

export const declare = (file: Buffer, over: Record<string, unknown> = {}) => ({
  name: 'Bản sao Căn cước công dân.pdf',
  contentType: 'application/pdf',
  size: file.length,
  sha256: sha256(file),
  ...over,
});

type Who = { token?: string; pin?: string };
const opts = (who: Who, body?: unknown) => ({
  token: who.token,
  body,
  headers: { 'idempotency-key': `doc-${Date.now()}-${Math.random().toString(36).slice(2)}`, ...(who.pin ? { 'x-lookup-pin': who.pin } : {}) },
});

/** Ask for an upload, POST the file to S3, confirm: the three calls a page makes. */
export function documents(h: Harness) {
  const base = (code: string, who: Who) => (who.pin ? `/public/dossiers/${code}` : `/dossiers/${code}`);
  return {
    ask: (code: string, who: Who, body: unknown) => h.call('POST', `${base(code, who)}/documents`, opts(who, body)),
    complete: (code: string, who: Who, id: string) => h.call('POST', `${base(code, who)}/documents/${id}/complete`, opts(who)),
    download: (code: string, who: Who, id: string) =>
      h.call('GET', `${base(code, who)}/documents/${id}`, { token: who.token, headers: who.pin ? { 'x-lookup-pin': who.pin } : {} }),
    async upload(code: string, who: Who, file: Buffer, over: Record<string, unknown> = {}) {
      const asked = await h.call('POST', `${base(code, who)}/documents`, opts(who, declare(file, over)));
      if (asked.status !== 201) throw new Error(`ask: ${asked.status} ${JSON.stringify(asked.body)}`);
      const s3 = await postToS3(asked.body, file);
      if (s3 >= 300) throw new Error(`S3 POST: ${s3}`);
      const done = await h.call('POST', `${base(code, who)}/documents/${asked.body.documentId}/complete`, opts(who));
      if (done.status !== 201) throw new Error(`complete: ${done.status} ${JSON.stringify(done.body)}`);
      return done.body as { documentId: string; round?: string; stage: string; size: number; sha256: string };
    },
    async draft(token: string, file: Buffer, over: Record<string, unknown> = {}) {
      const asked = await h.call('POST', '/documents/drafts', opts({ token }, declare(file, over)));
      if (asked.status !== 201) throw new Error(`draft: ${asked.status} ${JSON.stringify(asked.body)}`);
      const s3 = await postToS3(asked.body, file);
      if (s3 >= 300) throw new Error(`S3 POST: ${s3}`);
      return asked.body as Ticket & { draftId: string };
    },
  };
}
