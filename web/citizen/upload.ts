/**
 * A supplement's files, sent before the supplement itself, as the officers' desk sends its own
 * (the same checks, web/shared/file-checks.ts, and the API checks them again):
 * 1. `POST /public/dossiers/{code}/documents` (the PIN in its header) declares the file — name,
 *    type, size, SHA-256 — and answers a presigned POST;
 * 2. the browser POSTs the file straight to the documents bucket with that form's fields;
 * 3. `POST /public/dossiers/{code}/documents/{documentId}/complete` records it on the dossier once
 *    the object matches what was declared.
 * The supplement then names the recorded documents (`{documentId}`), never a file the agency
 * cannot open.
 */
import { checkFile, documentName, sha256Base64, type FileProblem } from '../shared/file-checks';

export interface Uploaded {
  documentId: string;
  name: string;
}

/** Why a file did not go: a check in the page, or a step of the upload refused. */
export class UploadError extends Error {
  constructor(readonly problem: FileProblem | 'refused' | 'storage' | 'offline' | 'notFound', readonly status?: number) {
    super(problem);
  }
}

export type Uploader = (code: string, pin: string, file: File, label: string) => Promise<Uploaded>;

const base = (code: string) => `/api/public/dossiers/${encodeURIComponent(code)}`;

async function post(url: string, pin: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'x-lookup-pin': pin, 'idempotency-key': `web-${crypto.randomUUID()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new UploadError('offline');
  }
}

const refused = (res: Response) => new UploadError(res.status === 404 ? 'notFound' : 'refused', res.status);

export const presignedUpload: Uploader = async (code, pin, file, label) => {
  const bytes = await file.arrayBuffer();
  const checked = checkFile(file.size, new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength)));
  if (!checked.ok) throw new UploadError(checked.problem);
  const declared = { name: documentName(label, file.name), contentType: checked.contentType, size: file.size, sha256: await sha256Base64(bytes) };
  const asked = await post(`${base(code)}/documents`, pin, declared);
  if (asked.status !== 201) throw refused(asked);
  const ticket = (await asked.json()) as { documentId: string; upload: { url: string; fields: Record<string, string> } };
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: checked.contentType }), 'file');
  let stored: Response;
  try {
    stored = await fetch(ticket.upload.url, { method: 'POST', body: form });
  } catch {
    throw new UploadError('offline');
  }
  if (!stored.ok) throw new UploadError('storage', stored.status);
  const done = await post(`${base(code)}/documents/${ticket.documentId}/complete`, pin);
  if (done.status !== 201 && done.status !== 200) throw refused(done);
  const recorded = (await done.json()) as { documentId: string; name: string };
  return { documentId: recorded.documentId, name: recorded.name };
};

/** The uploader in use (a test may swap it). */
export let uploadFile: Uploader = presignedUpload;
export const useUploader = (u: Uploader) => {
  uploadFile = u;
};
