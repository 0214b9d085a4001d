import * as z from 'zod';
import { documentId, nameForType, UploadRequest } from '../core/documents';

/**
 * Applying online (issue 21): the requests and answers of the public catalogue, the citizen's
 * applications (drafts), their files, the submission and a completion. Pure: the portal's pages
 * (web/dvc) check the same bodies before sending. Local times are ISO 8601 with +07:00.
 */
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?\+07:00$/, 'a local time with +07:00');
const Text = z.object({ vi: z.string(), en: z.string() });
const level = z.enum(['none', 'partly', 'fully']);

/** An application's id: 24 hex digits (random; never a personal datum). */
export const APPLICATION_ID = /^[0-9a-f]{24}$/;
export const applicationId = z.string().regex(APPLICATION_ID, 'an application id (24 hex digits)');
const requirement = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'a document id of the procedure, e.g. to-khai');
const branchCode = z.string().regex(/^[A-Z0-9]{2,12}$/, 'a desk code such as BDH');

/** An answer to one field (the form's own schema, `answersSchema`, checks it at submission). */
const answer = z.union([z.string().max(4000), z.number(), z.boolean()]);
export const Answers = z.record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'a field name of the form'), answer).refine((a) => Object.keys(a).length <= 60, 'at most 60 answers');
export const DocumentChoice = z.object({ requirement, documentId }).strict();

// ---- the public catalogue ----------------------------------------------------------------------

export const PublicProceduresQuery = z
  .object({
    q: z.string().max(100).optional(),
    field: z.string().max(100).optional(),
    level: level.optional(),
  })
  .strict();

const ProcedureSummary = z.object({
  code: z.string(),
  version: z.number().int(),
  name: Text,
  field: Text,
  legalHours: z.number(),
  level,
  receivingAgency: z.string(),
});
export const PublicProcedureList = z.object({ items: z.array(ProcedureSummary) });

const FormField = z.object({
  name: z.string(),
  label: Text,
  type: z.enum(['text', 'textarea', 'date', 'number', 'email', 'tel', 'select', 'checkbox']),
  required: z.boolean().optional(),
  pattern: z.string().optional(),
  patternHint: Text.optional(),
  help: Text.optional(),
  options: z.array(z.object({ value: z.string(), label: Text })).optional(),
  maxLength: z.number().int().optional(),
  prefill: z.enum(['name', 'identityNumber', 'email', 'phone', 'address']).optional(),
});
const RequiredDocument = z.object({ id: z.string(), name: Text, required: z.boolean(), eCopy: z.boolean(), reusable: z.boolean() });
const Desk = z.object({
  code: z.string().meta({ description: 'The desk to name in `desk` (the main desk: the receiving agency)' }),
  main: z.boolean(),
  name: Text,
  address: Text,
  openingHours: Text,
  hotline: z.string(),
});
export const PublicProcedure = ProcedureSummary.extend({
  effectiveFrom: z.string(),
  online: z.object({ level, form: z.array(FormField), documents: z.array(RequiredDocument) }),
  desks: z.array(Desk),
});
export const ProcedurePath = z.object({ code: z.string().regex(/^[A-Z0-9]{2,10}(-[A-Z0-9]{2,10})*$/, 'a procedure code such as TP-LLTP') });

// ---- applications --------------------------------------------------------------------------------

export const NewApplication = z
  .object({
    procedureCode: z.string().regex(/^[A-Z0-9]{2,10}(-[A-Z0-9]{2,10})*$/, 'a procedure code such as TP-LLTP'),
    desk: branchCode.optional(),
    answers: Answers.default({}),
    documents: z.array(DocumentChoice).max(30).optional(),
  })
  .strict();
export type NewApplication = z.infer<typeof NewApplication>;

export const ApplicationChanges = z
  .object({
    desk: branchCode.optional(),
    answers: Answers,
    documents: z.array(DocumentChoice).max(30).optional(),
  })
  .strict();
export type ApplicationChanges = z.infer<typeof ApplicationChanges>;

export const ApplicationPath = z.object({ id: applicationId });
export const ApplicationDocumentPath = z.object({ id: applicationId, documentId });

const AttachedDocument = z.object({
  requirement: z.string(),
  documentId,
  name: z.string().optional(),
  contentType: z.string().optional(),
  size: z.number().optional(),
});
export const Application = z.object({
  id: z.string(),
  status: z.enum(['draft', 'submitted']),
  procedureCode: z.string(),
  version: z.number().int(),
  desk: z.string(),
  answers: z.record(z.string(), answer),
  documents: z.array(AttachedDocument),
  updatedAt: localTime,
  /** Once submitted: the dossier's code. */
  code: z.string().optional(),
});

/** POST /public/applications/{id}/documents: a file for one of the procedure's documents. */
export const ApplicationUpload = UploadRequest.in
  .extend({ requirement })
  .transform((r) => ({ ...r, name: nameForType(r.name, r.contentType) }));
export type ApplicationUpload = z.infer<typeof ApplicationUpload>;

export const Submitted = z.object({
  code: z.string(),
  status: z.literal(1),
  submittedAt: localTime,
  checkDueAt: localTime,
});

export const Completion = z
  .object({
    answers: Answers.optional(),
    documents: z.array(DocumentChoice).max(30).optional(),
  })
  .strict()
  .refine((b) => b.answers !== undefined || (b.documents?.length ?? 0) > 0, { message: 'give answers, documents or both', path: ['documents'] });

export const Completed = z.object({
  code: z.string(),
  status: z.number().int(),
  completedAt: localTime,
  checkDueAt: localTime,
});
