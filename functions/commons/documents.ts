import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  type ListObjectVersionsCommandOutput,
  type ListObjectsV2CommandOutput,
} from './aws/s3';
import { createPresignedPost } from './aws/s3-presigned-post';
import { getSignedUrl } from './aws/s3-request-presigner';
import { bucketName, objects } from './aws';
import { now } from './clock';
import { HttpProblem, type FieldError } from './http';
import { toLocalIso } from '../core/local-time';
import {
  CLEAN,
  DOWNLOAD_TTL_SECONDS,
  EXTENSIONS,
  nameForType,
  SCAN_TAG,
  UPLOAD_TTL_SECONDS,
  hasSignature,
  maxBytes,
  objectKeys,
  type ContentType,
  type DocumentRecord,
  type DownloadLink,
  type PendingUpload,
} from '../core/documents';

/**
 * The bucket's side of documents: presigned POSTs whose policy holds the declared size, type and
 * SHA-256; the check at registration (which is the guarantee wherever a policy is not enforced,
 * e.g. on the local stand-in); the copy under the dossier's prefix; presigned GETs for clean
 * objects only; deleting every version of a dossier's files.
 */

/** A presigned POST for exactly this file: S3 refuses any other size, type or checksum. */
export async function presignUpload(pending: Pick<PendingUpload, 'objectKey' | 'contentType' | 'size' | 'sha256'>) {
  const expires = UPLOAD_TTL_SECONDS;
  const post = await createPresignedPost(objects(), {
    Bucket: bucketName(),
    Key: pending.objectKey,
    Expires: expires,
    Fields: {
      'Content-Type': pending.contentType,
      'x-amz-checksum-algorithm': 'SHA256',
      'x-amz-checksum-sha256': pending.sha256,
    },
    Conditions: [
      ['content-length-range', pending.size, pending.size],
      ['eq', '$Content-Type', pending.contentType],
      ['eq', '$x-amz-checksum-sha256', pending.sha256],
    ],
  });
  return { upload: post, expiresAt: toLocalIso(new Date(now().getTime() + expires * 1000)), maxBytes: maxBytes() };
}

const mismatch = (errors: FieldError[]) =>
  new HttpProblem(422, 'Unprocessable Content', `The uploaded file does not match what was declared: ${errors.map((e) => e.field).join(', ')}`, errors);

const isMissing = (e: unknown) => ['NotFound', 'NoSuchKey'].includes((e as Error)?.name) || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

async function readAll(key: string): Promise<Buffer> {
  const out = await objects().send(new GetObjectCommand({ Bucket: bucketName(), Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

/**
 * The object exists and is what the client declared: its size, its content type, its first bytes
 * (a PDF starts with %PDF…) and its SHA-256 — taken from S3's own checksum when it has one (S3
 * verified it on upload), else computed here from the bytes (the local stand-in ignores POST
 * policies, so this check is what holds there).
 */
export async function verifyUpload(pending: PendingUpload): Promise<void> {
  let head;
  try {
    head = await objects().send(new HeadObjectCommand({ Bucket: bucketName(), Key: pending.objectKey, ChecksumMode: 'ENABLED' }));
  } catch (e) {
    if (isMissing(e)) throw new HttpProblem(409, 'Conflict', 'Nothing was uploaded for this document yet: POST the file to the upload URL first', [{ field: 'documentId', message: 'Not uploaded' }]);
    throw e;
  }
  const errors: FieldError[] = [];
  const size = Number(head.ContentLength ?? -1);
  if (size !== pending.size) errors.push({ field: 'size', message: `declared ${pending.size} bytes, uploaded ${size}` });
  if (size > maxBytes()) errors.push({ field: 'size', message: `over the limit of ${maxBytes()} bytes` });
  const type = (head.ContentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== pending.contentType) errors.push({ field: 'contentType', message: `declared ${pending.contentType}, uploaded ${type || 'none'}` });
  if (errors.length) throw mismatch(errors);
  const bytes = head.ChecksumSHA256 ? undefined : await readAll(pending.objectKey);
  const sha256 = head.ChecksumSHA256 ?? createHash('sha256').update(bytes!).digest('base64');
  if (sha256 !== pending.sha256) errors.push({ field: 'sha256', message: 'the SHA-256 of the uploaded file differs from the declared one' });
  const start = bytes ?? Buffer.from(await (await objects().send(new GetObjectCommand({ Bucket: bucketName(), Key: pending.objectKey, Range: 'bytes=0-7' }))).Body!.transformToByteArray());
  if (!hasSignature(pending.contentType as ContentType, start)) errors.push({ field: 'contentType', message: `the file does not start like a ${pending.contentType}` });
  if (errors.length) throw mismatch(errors);
}

/** Copy a verified upload under the dossier's prefix (idempotent: the same key each time). */
export async function copyIntoDossier(pending: PendingUpload, code: string): Promise<string> {
  const target = objectKeys.document(code, pending.documentId);
  await objects().send(
    new CopyObjectCommand({
      Bucket: bucketName(),
      Key: target,
      CopySource: `${bucketName()}/${pending.objectKey}`,
      MetadataDirective: 'COPY',
      // the copy is a new object: GuardDuty scans and tags it afresh, no inherited tag
      TaggingDirective: 'REPLACE',
      ChecksumAlgorithm: 'SHA256',
    }),
  );
  return target;
}

/** The scan verdict on an object: GuardDuty's tag (locally, the stand-in's), or undefined while not scanned. */
export async function scanStatus(key: string): Promise<string | undefined> {
  const out = await objects().send(new GetObjectTaggingCommand({ Bucket: bucketName(), Key: key }));
  return out.TagSet?.find((t) => t.Key === SCAN_TAG)?.Value;
}

/**
 * RFC 6266 / 5987: the name as typed, cleaned and with the extension of its verified type
 * (`nameForType`), safely encoded (never in a log).
 */
export const disposition = (stored: string, contentType: ContentType) => {
  const name = nameForType(stored, contentType);
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_');
  const stem = ascii.replace(/\.[A-Za-z]+$/, '');
  const fallback = /[A-Za-z0-9]/.test(stem) ? ascii : `document${EXTENSIONS[contentType]?.[0] ?? ''}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

/**
 * A short-lived presigned GET, only for an object scanned clean: not scanned yet → 409 with
 * Retry-After; a threat (or a scan that could not run) → 423, and nobody gets the file.
 */
export async function signDownload(doc: DocumentRecord): Promise<DownloadLink> {
  if (doc.deletedAt) throw new HttpProblem(410, 'Gone', 'This file was deleted when the dossier was anonymised');
  const status = await scanStatus(doc.objectKey);
  if (!status) {
    throw new HttpProblem(409, 'Conflict', 'Tệp đang được quét mã độc; thử lại sau ít phút. / The file is being scanned for malware; try again in a few minutes.', undefined, { 'retry-after': '10' });
  }
  if (status !== CLEAN) {
    throw new HttpProblem(
      423,
      'Locked',
      `Tệp bị cách ly: kết quả quét mã độc ${status}; không ai tải được tệp này, hãy liên hệ bộ phận quản trị. / The file is quarantined: malware scan result ${status}; nobody can download it, contact the operators.`,
      [{ field: 'documentId', message: `scan: ${status}` }],
    );
  }
  const url = await getSignedUrl(
    objects(),
    new GetObjectCommand({ Bucket: bucketName(), Key: doc.objectKey, ResponseContentDisposition: disposition(doc.name, doc.contentType), ResponseContentType: doc.contentType }),
    { expiresIn: DOWNLOAD_TTL_SECONDS },
  );
  return { documentId: doc.documentId, url, expiresAt: toLocalIso(new Date(now().getTime() + DOWNLOAD_TTL_SECONDS * 1000)) };
}

const unsupported = (e: unknown) => ['NotImplemented', 'MethodNotAllowed'].includes((e as Error)?.name) || [405, 501].includes((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0);

/** Every (key, version) under a prefix: ListObjectVersions; a store without versioning (s3rver) lists objects. */
async function everyVersion(prefix: string): Promise<{ Key: string; VersionId?: string }[]> {
  const found: { Key: string; VersionId?: string }[] = [];
  try {
    let [keyMarker, versionMarker]: (string | undefined)[] = [];
    do {
      const out: ListObjectVersionsCommandOutput = await objects().send(new ListObjectVersionsCommand({ Bucket: bucketName(), Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionMarker }));
      for (const v of [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])]) found.push({ Key: v.Key!, VersionId: v.VersionId });
      [keyMarker, versionMarker] = out.IsTruncated ? [out.NextKeyMarker, out.NextVersionIdMarker] : [];
    } while (keyMarker);
    return found;
  } catch (e) {
    if (!unsupported(e)) throw e;
  }
  let token: string | undefined;
  do {
    const out: ListObjectsV2CommandOutput = await objects().send(new ListObjectsV2Command({ Bucket: bucketName(), Prefix: prefix, ContinuationToken: token }));
    for (const o of out.Contents ?? []) found.push({ Key: o.Key! });
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return found;
}

/** Delete every version of every file of a dossier; how many (key, version) pairs went. Idempotent. */
export async function deleteDossierFiles(code: string): Promise<number> {
  const all = await everyVersion(objectKeys.dossier(code));
  for (let i = 0; i < all.length; i += 1000) {
    const batch = all.slice(i, i + 1000).map((o) => (o.VersionId && o.VersionId !== 'null' ? o : { Key: o.Key }));
    const out = await objects().send(new DeleteObjectsCommand({ Bucket: bucketName(), Delete: { Objects: batch, Quiet: true } }));
    if (out.Errors?.length) throw new Error(`Could not delete ${out.Errors.length} file versions of dossier ${code}`);
  }
  return all.length;
}
