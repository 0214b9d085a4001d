import * as z from 'zod';
import { clean } from './text';

/**
 * Documents of a dossier (pure: no AWS). A file is uploaded by the browser straight to the
 * bucket with a presigned POST, under a pending key that expires; once the object exists and
 * matches what the client declared (size, type, SHA-256), it is copied under the dossier's prefix
 * and recorded as a DOCUMENT item. File names are typed by people and may hold personal data:
 * they live on the document item only, never in a key, a log line or a workflow payload.
 */

/** What the platform accepts: PDF, JPEG and PNG, each with the first bytes it must start with. */
export const CONTENT_TYPES = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46], // %PDF
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
} as const satisfies Record<string, number[]>;
export type ContentType = keyof typeof CONTENT_TYPES;

/** 20 MB unless DOCUMENTS_MAX_BYTES says otherwise. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** How long a presigned POST and a presigned GET stay valid. */
export const UPLOAD_TTL_SECONDS = 15 * 60;
export const DOWNLOAD_TTL_SECONDS = 5 * 60;
/** Pending uploads and unclaimed drafts: the table item and the lifecycle rule both expire them. */
export const PENDING_TTL_SECONDS = 24 * 3600;

/** GuardDuty Malware Protection for S3 writes this tag on every object it scans. */
export const SCAN_TAG = 'GuardDutyMalwareScanStatus';
export const CLEAN = 'NO_THREATS_FOUND';

export const prefixes = { drafts: 'drafts/', uploads: 'uploads/', dossiers: 'dossiers/' } as const;
export const objectKeys = {
  draft: (id: string) => `${prefixes.drafts}${id}`,
  upload: (id: string) => `${prefixes.uploads}${id}`,
  document: (code: string, id: string) => `${prefixes.dossiers}${code}/${id}`,
  dossier: (code: string) => `${prefixes.dossiers}${code}/`,
};

export const documentId = z.string().regex(/^[0-9a-f]{32}$/, 'a document id (32 hex digits)');

/**
 * A file name as typed, with the cleaning of every other text (functions/commons/text.ts):
 * bidirectional overrides (`CCCD\u202Efdp.bat` shown as "…tab.pdf"), zero-width characters and
 * lone surrogates removed, NFC, trimmed; control characters and slashes refused.
 */
const fileName = z
  .string()
  .transform(clean)
  .pipe(
    z
      .string()
      .min(1, 'must not be empty (invisible characters do not count)')
      .max(200)
      .refine((s) => !/[\u0000-\u001f\u007f-\u009f/\\]/.test(s), 'no control characters or slashes'),
  );

/** The extensions each accepted type is known by; the first is the one a name is given. */
export const EXTENSIONS: Record<ContentType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/**
 * The name a file carries, whose extension follows its verified content type: a name already
 * ending in one of the type's extensions is kept, any other gets it appended (`x.bat` as a PDF
 * is `x.bat.pdf`, `x.html` `x.html.pdf`), so a download never opens as something else. Cleaned
 * again, for names stored before the cleaning (a lone surrogate made every download answer 500).
 */
export function nameForType(name: string, contentType: ContentType): string {
  const cleaned = clean(name).replace(/[\u0000-\u001f\u007f-\u009f/\\]/g, '_') || 'document';
  const extensions = EXTENSIONS[contentType] ?? [];
  const lower = cleaned.toLowerCase();
  if (extensions.some((e) => lower.endsWith(e) && lower.length > e.length)) return cleaned;
  return `${cleaned}${extensions[0] ?? ''}`;
}

/** Base64 of the 32-byte SHA-256 of the file, as S3 writes it (x-amz-checksum-sha256). */
export const sha256Base64 = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'the base64 SHA-256 of the file (44 characters)');

/** DOCUMENTS_MAX_BYTES on the server; the default where there is no environment (the web pages). */
export const maxBytes = () =>
  Number((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.DOCUMENTS_MAX_BYTES) || DEFAULT_MAX_BYTES;

/** Body of every upload request (desk, agency, citizen, draft). */
export const UploadRequest = z
  .object({
    name: fileName,
    contentType: z.enum(Object.keys(CONTENT_TYPES) as [ContentType, ...ContentType[]]),
    size: z.number().int().min(1).refine((n) => n <= maxBytes(), { error: () => `at most ${maxBytes()} bytes (the limit of one file)` }),
    sha256: sha256Base64,
    /** `result`: the result file an agency attaches when it approves the last agency step. */
    purpose: z.enum(['dossier', 'result']).default('dossier'),
  })
  .strict()
  .transform((r) => ({ ...r, name: nameForType(r.name, r.contentType) }));
export type UploadRequest = z.infer<typeof UploadRequest>;

/** The answer to an upload request: POST `fields` + the file (last) as multipart/form-data to `url`. */
export const UploadTicket = z.object({
  documentId,
  upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  expiresAt: z.string(),
  maxBytes: z.number(),
  /** Where to confirm once the upload succeeded (absent for drafts: they are claimed at receipt). */
  complete: z.string().optional(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;

/** The answer to a download request. */
export const DownloadLink = z.object({ documentId, url: z.string(), expiresAt: z.string() });
export type DownloadLink = z.infer<typeof DownloadLink>;

/** Who uploaded: `citizen`, or an officer's sub with the agency they acted for. */
export interface Uploader {
  by: string;
  kind: 'desk' | 'agency' | 'citizen';
  agency?: string;
}

/** A pending upload (UPLOAD#<id>, or DRAFT#<id> before the dossier exists), expiring in a day. */
export interface PendingUpload extends UploadRequest, Uploader {
  documentId: string;
  dossierCode?: string;
  /** The supplement round (`<stepId>-<n>`, the pause's key) open when the upload was asked for. */
  round?: string;
  stage: DocumentRecord['stage'];
  objectKey: string;
  requestedAt: string;
  /** A draft: the intake request (its key) that claimed it, once claimed. */
  claimedBy?: string;
}

/** A recorded document (DOSSIER#<code> / DOCUMENT#<id>). */
export interface DocumentRecord extends Uploader {
  documentId: string;
  dossierCode: string;
  name: string;
  contentType: ContentType;
  size: number;
  sha256: string;
  purpose: 'dossier' | 'result';
  round?: string;
  /** Where it came in: at intake (a claimed draft), in a supplement round, or later at the desk. */
  stage: 'intake' | 'supplement' | 'processing' | 'result';
  objectKey: string;
  uploadedAt: string;
  recordedAt: string;
  /** Set by anonymisation: the file is gone and the name with it. */
  deletedAt?: string;
}

/** The shape of `documentView` (GET /dossiers/{code} `files`, the control sheet's and the export's `documents`). */
export const DocumentView = z.object({
  documentId,
  name: z.string(),
  contentType: z.enum(Object.keys(CONTENT_TYPES) as [ContentType, ...ContentType[]]),
  size: z.number(),
  sha256: z.string(),
  purpose: z.enum(['dossier', 'result']),
  stage: z.enum(['intake', 'supplement', 'processing', 'result']),
  round: z.string().optional(),
  uploadedBy: z.string(),
  uploaderKind: z.enum(['desk', 'agency', 'citizen']),
  agency: z.string().optional(),
  uploadedAt: z.string(),
  recordedAt: z.string(),
  deletedAt: z.string().optional(),
});

/** What the API shows of a document (the object key stays inside). */
export function documentView(d: DocumentRecord, toLocal: (iso: string) => string): DocumentView {
  return {
    documentId: d.documentId,
    name: d.name,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    purpose: d.purpose,
    stage: d.stage,
    ...(d.round ? { round: d.round } : {}),
    uploadedBy: d.kind === 'citizen' ? 'citizen' : d.by,
    uploaderKind: d.kind,
    ...(d.agency ? { agency: d.agency } : {}),
    uploadedAt: toLocal(d.uploadedAt),
    recordedAt: toLocal(d.recordedAt),
    ...(d.deletedAt ? { deletedAt: toLocal(d.deletedAt) } : {}),
  };
}
export type DocumentView = z.infer<typeof DocumentView>;

/** Does the start of the file look like its declared type? */
export function hasSignature(type: ContentType, head: Uint8Array): boolean {
  const magic = CONTENT_TYPES[type];
  return magic.every((b, i) => head[i] === b);
}

/**
 * What the citizen may download: what was handed in for them (not an agency's working file) and
 * the result once the dossier is returned (status 10).
 */
export function citizenMayRead(d: Pick<DocumentRecord, 'purpose' | 'kind'>, dossierStatus: number): boolean {
  if (d.purpose === 'result') return dossierStatus === 10;
  return true;
}
