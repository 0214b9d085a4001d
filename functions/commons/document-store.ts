import { randomBytes } from 'node:crypto';
import { PutCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { now } from './clock';
import { getItem, putIfAbsent, queryAll, updateIf } from './store';
import { PENDING_TTL_SECONDS, type DocumentRecord, type PendingUpload } from '../core/documents';

/**
 * Document items in the table:
 *   UPLOAD#<id> / UPLOAD      an upload asked for on a dossier, until it is registered (TTL 1 day)
 *   DRAFT#<id> / DRAFT        an upload before the dossier exists, claimed at receipt (TTL 1 day)
 *   DOSSIER#<code> / DOCUMENT#<id>   a registered document (its name may be personal data)
 */
export const documentKeys = {
  upload: (id: string) => ({ PK: `UPLOAD#${id}`, SK: 'UPLOAD' }),
  draft: (id: string) => ({ PK: `DRAFT#${id}`, SK: 'DRAFT' }),
  document: (code: string, id: string) => ({ PK: `DOSSIER#${code}`, SK: `DOCUMENT#${id}` }),
};

export const newDocumentId = () => randomBytes(16).toString('hex');

const strip = <T>(item: Record<string, unknown> | undefined) => {
  if (!item) return undefined;
  const { PK: _p, SK: _s, expiresAt: _e, ...rest } = item;
  return rest as T;
};

export async function savePending(kind: 'upload' | 'draft', pending: PendingUpload): Promise<void> {
  const expiresAt = Math.floor(now().getTime() / 1000) + PENDING_TTL_SECONDS;
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...documentKeys[kind](pending.documentId), ...pending, expiresAt } }));
}

/** A pending upload or draft, unless it expired (the TTL sweep may lag: the date is checked too). */
export async function getPending(kind: 'upload' | 'draft', id: string): Promise<PendingUpload | undefined> {
  const item = await getItem(documentKeys[kind](id));
  if (!item || Number(item.expiresAt) * 1000 < now().getTime()) return undefined;
  return strip<PendingUpload>(item);
}

export const getDocument = async (code: string, id: string) => strip<DocumentRecord>(await getItem(documentKeys.document(code, id)));

/** Record a document once: a retry finds the first record and returns it. */
export async function recordDocument(doc: DocumentRecord): Promise<{ doc: DocumentRecord; created: boolean }> {
  if (await putIfAbsent({ ...documentKeys.document(doc.dossierCode, doc.documentId), ...doc })) return { doc, created: true };
  return { doc: (await getDocument(doc.dossierCode, doc.documentId))!, created: false };
}

export async function listDocuments(code: string): Promise<DocumentRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :d)',
    ExpressionAttributeValues: { ':pk': `DOSSIER#${code}`, ':d': 'DOCUMENT#' },
    ConsistentRead: true,
  });
  return items.map((i) => strip<DocumentRecord>(i)!).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.documentId.localeCompare(b.documentId));
}

/** Anonymisation: the file is gone, and its name (which a citizen may have typed) with it. */
export async function markDeleted(code: string, id: string, at: string): Promise<void> {
  await updateIf({
    Key: documentKeys.document(code, id),
    UpdateExpression: 'SET #n = :n, deletedAt = :at',
    ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
    ExpressionAttributeNames: { '#n': 'name' },
    ExpressionAttributeValues: { ':n': '(đã xóa / deleted)', ':at': at },
  });
}
