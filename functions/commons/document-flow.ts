import { factTime } from './clock';
import { copyIntoDossier, presignUpload, verifyUpload } from './documents';
import type { UploadContext } from './document-access';
import { newDocumentId, recordDocument, savePending } from './document-store';
import { objectKeys, type DocumentRecord, type PendingUpload, type UploadRequest, type UploadTicket } from '../core/documents';

/**
 * Step 1 of an upload: remember what the client declared (a pending item that expires in a day,
 * as the pending object does) and answer the presigned POST for exactly that file.
 */
export async function askUpload(req: UploadRequest, ctx: UploadContext, code?: string, completePath?: string): Promise<UploadTicket> {
  const id = newDocumentId();
  const pending: PendingUpload = {
    ...req,
    ...ctx,
    documentId: id,
    ...(code ? { dossierCode: code } : {}),
    objectKey: code ? objectKeys.upload(id) : objectKeys.draft(id),
    requestedAt: factTime().toISOString(),
  };
  await savePending(code ? 'upload' : 'draft', pending);
  const signed = await presignUpload(pending);
  return { documentId: id, ...signed, ...(completePath ? { complete: completePath.replace('{documentId}', id) } : {}) };
}

/**
 * Step 2: the object exists and matches (verifyUpload), is copied under the dossier's prefix
 * and recorded on the dossier — once; a retry answers the same record.
 */
export async function completeUpload(pending: PendingUpload, code: string): Promise<{ doc: DocumentRecord; created: boolean }> {
  await verifyUpload(pending);
  const objectKey = await copyIntoDossier(pending, code);
  return recordDocument({
    documentId: pending.documentId,
    dossierCode: code,
    name: pending.name,
    contentType: pending.contentType,
    size: pending.size,
    sha256: pending.sha256,
    purpose: pending.purpose,
    stage: pending.stage,
    ...(pending.round ? { round: pending.round } : {}),
    by: pending.by,
    kind: pending.kind,
    ...(pending.agency ? { agency: pending.agency } : {}),
    objectKey,
    uploadedAt: pending.requestedAt,
    recordedAt: factTime().toISOString(),
  });
}
