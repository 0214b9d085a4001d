/**
 * An application's files, as the citizen's supplement page sends its own (web/citizen/upload.ts):
 * checked in the page first (web/shared/file-checks.ts: type by its first bytes, size, name),
 * then
 * 1. `POST /public/applications/{id}/documents` declares the file (name, type, size, SHA-256)
 *    and the requirement it answers, and answers a presigned POST;
 * 2. the browser POSTs the file straight to the documents bucket with that form's fields;
 * 3. `POST /public/applications/{id}/documents/{documentId}/complete` records it once the object
 *    matches what was declared.
 * The session's token goes in the Authorization header (never in a URL).
 */
import { checkFile, documentName, sha256Base64, type FileProblem } from '../shared/file-checks';
import { pageLanguage } from '../shared/api';
import { currentSession } from './session';

export interface Uploaded {
  documentId: string;
  name: string;
  requirement: string;
}

export class UploadError extends Error {
  constructor(readonly problem: FileProblem | 'refused' | 'storage' | 'offline' | 'notFound', readonly status?: number) {
    super(problem);
  }
}

/** The page's own check, before anything is sent. */
export async function checkChosen(file: File): Promise<FileProblem | undefined> {
  const checked = checkFile(file.size, new Uint8Array(await file.slice(0, 8).arrayBuffer()));
  return checked.ok ? undefined : checked.problem;
}

async function post(url: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${currentSession()?.token ?? ''}`,
        'accept-language': pageLanguage(),
        'idempotency-key': `web-${crypto.randomUUID()}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new UploadError('offline');
  }
}

const refused = (res: Response) => new UploadError(res.status === 404 ? 'notFound' : 'refused', res.status);

export async function uploadForApplication(applicationId: string, requirement: string, label: string, file: File): Promise<Uploaded> {
  const bytes = await file.arrayBuffer();
  const checked = checkFile(file.size, new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength)));
  if (!checked.ok) throw new UploadError(checked.problem);
  const base = `/api/public/applications/${encodeURIComponent(applicationId)}/documents`;
  const declared = { name: documentName(label, file.name), contentType: checked.contentType, size: file.size, sha256: await sha256Base64(bytes), requirement };
  const asked = await post(base, declared);
  if (asked.status !== 201 && asked.status !== 200) throw refused(asked);
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
  const done = await post(`${base}/${encodeURIComponent(ticket.documentId)}/complete`);
  if (done.status !== 201 && done.status !== 200) throw refused(done);
  const recorded = (await done.json()) as { documentId: string; name: string };
  return { documentId: recorded.documentId ?? ticket.documentId, name: recorded.name ?? declared.name, requirement };
}
