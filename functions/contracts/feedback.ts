import * as z from 'zod';
import { FEEDBACK_CHANNELS, FEEDBACK_CODE, FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../core/feedback';
import { phone, text } from '../core/text';
import { DOSSIER_CODE } from '../core/dossier';

/**
 * Citizens' feedback (docs/feedback.md): the requests' and the answers' schemas, shared by the
 * routes (functions/*-feedback*) and the pages (web/citizen, web/officers).
 */
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?\+07:00$/, 'a local time with +07:00');
const Text = z.object({ vi: z.string(), en: z.string() });

export const feedbackCodeSchema = z.string().regex(FEEDBACK_CODE, 'a feedback code PA-<yymmdd>-<nnnn>, e.g. PA-261207-0001');
export const FeedbackPath = z.object({ code: feedbackCodeSchema });
export const FeedbackKindSchema = z.enum(FEEDBACK_KINDS);
export const FeedbackChannelSchema = z.enum(FEEDBACK_CHANNELS);
const agencyCode = z.string().regex(/^[A-Z0-9]{2,12}$/, 'an agency code such as STP');

/** What a citizen sends (POST /public/feedback): anonymous, or with a name and an email for the receipt and the answer. */
export const PublicFeedbackBody = z
  .object({
    kind: FeedbackKindSchema,
    text: text(5000),
    name: text(200).optional(),
    email: z.email().max(254).optional(),
    phone: phone.optional(),
    dossierCode: z.string().regex(DOSSIER_CODE, 'a dossier code, e.g. TTHCC-261207-0001').optional(),
    procedureCode: z.string().trim().min(1).max(40).optional(),
    agencyCode: agencyCode.optional(),
    rule: text(500).optional(),
  })
  .strict();
export type PublicFeedbackBody = z.infer<typeof PublicFeedbackBody>;

/** What an officer enters for what came by hotline, Zalo, email, letter or in person (POST /feedback). */
export const OfficerFeedbackBody = PublicFeedbackBody.extend({
  channel: z.enum(FEEDBACK_CHANNELS.filter((c) => c !== 'web') as ['hotline', 'zalo', 'email', 'letter', 'in-person']),
  assignTo: agencyCode.optional(),
}).strict();

export const AssignBody = z
  .object({
    agency: agencyCode,
    /** Required when the item is already assigned to another agency. */
    reason: text(1000).optional(),
    /** Classify (or reclassify) it at the same time. */
    kind: FeedbackKindSchema.optional(),
  })
  .strict();

export const MergeBody = z.object({ into: feedbackCodeSchema }).strict();
export const AnswerBody = z.object({ text: text(10000) }).strict();
/** The operator may publish an edited wording; either way it is anonymised again. */
export const PublishBody = z.object({ question: text(5000).optional(), answer: text(10000).optional() }).strict();

const limit = z.string().regex(/^[1-9]\d{0,2}$/, 'a whole number from 1 to 500').transform(Number).pipe(z.number().max(500, 'a whole number from 1 to 500'));
const bool = z.enum(['true', 'false']).transform((s) => s === 'true');
export const ListQuery = z
  .object({
    status: z.enum(FEEDBACK_STATUSES).optional(),
    late: bool.optional(),
    warning: bool.optional(),
    agency: agencyCode.optional(),
    kind: FeedbackKindSchema.optional(),
    channel: FeedbackChannelSchema.optional(),
    limit: limit.optional(),
    /** Opaque: where the next page starts (base64url of the last item's sort key). */
    cursor: z
      .string()
      .max(200)
      .transform((c) => Buffer.from(c, 'base64url').toString('utf8'))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#PA-\d{6}-\d{4,}$/, 'a cursor this route gave'))
      .optional(),
  })
  .strict();

const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const FiguresQuery = z.object({ from: localDay, to: localDay }).strict();
export const PublicQuery = z.object({ q: z.string().max(200).optional(), limit: limit.optional() }).strict();

// ---- answers ------------------------------------------------------------------------------

export const FeedbackReceived = z.object({ code: feedbackCodeSchema, dueAt: localTime });

const flags = { warning: z.boolean(), late: z.boolean() };
export const FeedbackSummary = z.object({
  code: z.string(),
  channel: FeedbackChannelSchema,
  kind: FeedbackKindSchema,
  status: z.enum(FEEDBACK_STATUSES),
  receivedAt: localTime,
  dueAt: localTime,
  assignedTo: z.string().optional(),
  /** The first words of the text (no name, email or phone: those are on the item only). */
  excerpt: z.string(),
  ...flags,
});
export const FeedbackList = z.object({ items: z.array(FeedbackSummary), nextCursor: z.string().optional() });

export const FeedbackView = FeedbackSummary.extend({
  text: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  signedIn: z.boolean(),
  dossierCode: z.string().optional(),
  procedureCode: z.string().optional(),
  agencyCode: z.string().optional(),
  rule: z.string().optional(),
  warnAt: localTime,
  assignments: z.array(z.object({ at: localTime, by: z.string(), agency: z.string(), reason: z.string().optional() })),
  answer: z.object({ text: z.string(), at: localTime, by: z.string(), agency: z.string().optional() }).optional(),
  mergedInto: z.string().optional(),
  merged: z.array(z.string()),
  published: z.object({ at: localTime, by: z.string() }).optional(),
});

export const PublishedItem = z.object({
  code: z.string(),
  kind: FeedbackKindSchema,
  question: z.string(),
  answer: z.string(),
  agency: Text.optional(),
  answeredAt: localTime,
  publishedAt: localTime,
});
export const PublishedList = z.object({ items: z.array(PublishedItem) });

export const FigureRow = z.object({
  by: z.enum(['channel', 'kind', 'agency', 'month']),
  key: z.string(),
  received: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  open: z.number().int(),
  openLate: z.number().int(),
});
export const FeedbackFiguresAnswer = z.object({ from: z.string(), to: z.string(), total: z.number().int(), late: z.number().int(), rows: z.array(FigureRow) });
