import * as z from 'zod';
import { DocumentView, DownloadLink, UploadTicket } from '../core/documents';
import { AgencyBody } from '../core/catalogue';

/**
 * What the API answers, route by route: the response half of the contract (the request half is
 * the handlers' own zod schemas). Local times are ISO 8601 with the +07:00 offset. Objects are
 * open (extra fields are allowed) so that adding a field is not a breaking change; what is
 * listed here is what a client may rely on. functions/contracts/openapi.ts turns these into the
 * OpenAPI document; test/integration/contract.test.ts checks real answers against them.
 */
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?\+07:00$/, 'a local time with +07:00');
const instant = z.iso.datetime({ offset: true });
const Text = z.object({ vi: z.string(), en: z.string() });
const status = z.number().int().min(1).max(10);
const Document = z.object({ name: z.string(), ref: z.string() });
/** An uploaded file (documents.ts `documentView`), its instants local. */
export const StoredDocument = DocumentView.extend({ uploadedAt: localTime, recordedAt: localTime, deletedAt: localTime.optional() });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string().meta({ description: 'The JSON path (`applicant.email`); an unknown key is named by itself' }),
          code: z.string().optional().meta({ description: 'Stable and machine-readable: required, too_long, too_short, too_few, too_many, too_small, too_big, invalid_email, invalid_datetime, invalid_format, invalid_option, invalid_type, unknown_key, invalid_json, invalid' }),
          label: z.string().optional().meta({ description: 'The field as the forms label it, in the caller\'s language' }),
          message: z.string().meta({ description: 'In the caller\'s language (Accept-Language; Vietnamese by default)' }),
        }),
      )
      .optional(),
  })
  .meta({ description: 'RFC 9457 problem details in the caller\'s language (`Accept-Language`: Vietnamese by default, English when preferred); `errors` names each wrong field with a stable `code`.' });

export const Received = z.object({
  code: z.string(),
  status,
  receivedAt: localTime,
  appointmentAt: localTime,
  /** Shown once, to be printed on the receipt: the citizen's PIN for the lookup. */
  lookupPin: z.string(),
});

const HistoryEntry = z.object({
  outcome: z.enum(['approve', 'request-supplement', 'refuse', 'delay']),
  at: localTime,
  by: z.string(),
  note: z.string().optional(),
  reason: z.string().optional(),
  missing: z.array(z.string()).optional(),
  newDueAt: localTime.optional(),
});

export const StepView = z.object({
  stepId: z.string(),
  stage: z.number().int(),
  agency: z.string(),
  /** The return step of a branch's dossier: the branch that hands it back. */
  branch: z.string().optional(),
  name: Text,
  budgetHours: z.number(),
  assignedAt: localTime,
  dueAt: localTime.nullable(),
  state: z.string(),
  extensions: z.number().int(),
  supplementRounds: z.number().int(),
  outcome: z.enum(['approve', 'refuse']).optional(),
  decidedAt: localTime.optional(),
  history: z.array(HistoryEntry),
});

const optLocal = localTime.optional();
export const EmailView = z.object({
  id: z.string(),
  eventKey: z.string(),
  event: z.string().optional(),
  state: z.string(),
  sending: z.string(),
  attempts: z.number().int(),
  queuedAt: optLocal, sentAt: optLocal, deliveredAt: optLocal, delayedAt: optLocal, bouncedAt: optLocal,
  bounceType: z.string().optional(),
  complainedAt: optLocal, rejectedAt: optLocal, failedAt: optLocal,
  lastError: z.string().optional(),
  nextAttemptAt: optLocal,
  resends: z.number().int(),
});

export const DossierView = z
  .object({
    code: z.string(),
    status,
    procedure: z.object({ code: z.string(), version: z.number().int(), name: Text }),
    channel: z.enum(['counter', 'online', 'post']),
    /** The branch desk that received it (centre.json's branches); absent: the main desk. */
    branch: z.string().optional(),
    applicant: z.object({ name: z.string(), email: z.string(), phone: z.string().optional(), idNumber: z.string().optional() }),
    documents: z.array(Document),
    receivedAt: localTime,
    appointmentAt: localTime,
    stage: z.number().int(),
    pauses: z.array(
      z.object({ key: z.string(), stepId: z.string(), round: z.number().int(), agency: z.string(), from: localTime, to: localTime.nullable(), missing: z.array(z.string()), reason: z.string(), kind: z.literal('fee').optional() }),
    ),
    stop: z.object({ kind: z.enum(['refused', 'withdrawn']), at: localTime, stepId: z.string().optional(), agency: z.string().optional(), reason: z.string() }).optional(),
    rating: z.object({ score: z.number().int(), comment: z.string().optional(), at: z.string() }).optional(),
    emailFailures: z.array(z.object({ eventKey: z.string(), error: z.string(), at: localTime })),
    /** The financial obligation (status 6 until paid; integer đồng: docs/fees.md). */
    fees: z
      .object({
        due: z.enum(['submission', 'before-return']),
        lines: z.array(z.object({ code: z.string(), kind: z.enum(['phi', 'le-phi']), name: Text, amount: z.number().int() })),
        total: z.number().int(),
        since: localTime,
        paidAt: localTime.optional(),
        paymentId: z.string().optional(),
      })
      .optional(),
    /** Corrections of the contact details (PATCH /dossiers/{code}/applicant): who, when, which fields; never the values. */
    contactCorrections: z.array(z.object({ n: z.number().int(), at: localTime, by: z.string(), fields: z.array(z.enum(['email', 'phone'])) })),
    /** The emails sent to the citizen, one per (dossier, event). */
    emails: z.array(EmailView),
    /** The files uploaded into the dossier. */
    files: z.array(StoredDocument),
    steps: z.array(StepView),
  })
  .meta({ description: 'A dossier as officers see it (never its PIN hash nor a task token)' });

export const DossierList = z.object({
  dossiers: z.array(
    z.object({ code: z.string(), status, procedure: z.object({ code: z.string(), name: Text }), applicantName: z.string(), receivedAt: localTime, appointmentAt: localTime }),
  ),
  /** How many items were read for this page (index items, or open dossiers for a status alone). */
  searched: z.number().int(),
  /** The next page (GET /dossiers with the same q and status and this cursor); absent on the last. */
  nextCursor: z.string().optional(),
});

export const DecisionAccepted = z.object({ dossierCode: z.string(), stepId: z.string(), outcome: z.string(), decidedAt: localTime });
export const DelayAccepted = z.object({ dossierCode: z.string(), stepId: z.string(), dueAt: localTime, requestedDueAt: localTime });
export const SupplementAccepted = z.object({ dossierCode: z.string(), suppliedAt: localTime, stepId: z.string().optional() });

export const Tasks = z.object({
  agency: z.string(),
  tasks: z.array(
    z.object({
      dossierCode: z.string(),
      stepId: z.string(),
      stage: z.number().int(),
      name: Text,
      assignedAt: localTime,
      dueAt: localTime.nullable(),
      extensions: z.number().int(),
    }),
  ),
  /** Present when there is a next page: pass it as `cursor`. */
  nextCursor: z.string().optional(),
});

const Skipped = z.array(z.object({ code: z.string(), reason: z.string() })).meta({ description: 'Dossiers left out because their facts cannot be computed' });
const ApologyLine = z.object({ n: z.number().int(), kind: z.enum(['lapse', 'delay']), at: localTime, reason: Text, hours: z.number(), originalDueAt: localTime, newDueAt: localTime });
const timeliness = z.enum(['early', 'on-time', 'late', 'pending', 'stopped']);

export const ControlSheet = z.object({
  dossierCode: z.string(),
  procedure: z.object({ code: z.string(), version: z.number().int(), name: Text }),
  receivingAgency: z.string(),
  status,
  receivedAt: localTime,
  appointment: z.object({ original: localTime.nullable(), final: localTime.nullable() }),
  returnedAt: localTime.nullable(),
  timeliness,
  overdue: z.boolean().optional(),
  handOvers: z.array(
    z.object({
      n: z.number().int(),
      kind: z.enum(['step', 'supplement-request', 'supplement', 'return', 'refusal', 'withdrawal']),
      stage: z.number().int().optional(),
      stepId: z.string().optional(),
      round: z.number().int().optional(),
      from: z.string(),
      to: z.string(),
      receivedAt: localTime.nullable(),
      dueAt: localTime.nullable(),
      finalDueAt: localTime.nullable(),
      decidedAt: localTime.nullable(),
      outcome: z.string().nullable(),
      timeliness: timeliness.nullable(),
      overdue: z.boolean().optional(),
      missing: z.array(z.string()).optional(),
      reason: z.string().optional(),
      apologies: z.array(ApologyLine),
    }),
  ),
  documents: z.array(StoredDocument),
  skipped: Skipped,
});


export const Logbook = z.object({
  agency: z.string(),
  kind: z.enum(['desk', 'department']),
  date: z.string(),
  entries: z.array(
    z.object({
      kind: z.enum(['step', 'dossier']),
      dossierCode: z.string(),
      procedure: z.object({ code: z.string(), name: Text }),
      applicantName: z.string().optional(),
      stepId: z.string().optional(),
      stage: z.number().int().optional(),
      name: Text.optional(),
      channel: z.string().optional(),
      receivedAt: localTime.nullable(),
      dueAt: localTime.nullable(),
      finalDueAt: localTime.nullable(),
      decidedAt: localTime.nullable().optional(),
      returnedAt: localTime.nullable().optional(),
      outcome: z.string().nullable().optional(),
      state: z.string().optional(),
      status: status.optional(),
      stop: z.string().optional(),
      timeliness,
      overdue: z.boolean().optional(),
      apologies: z.number().int().optional(),
      supplements: z.number().int().optional(),
    }),
  ),
  skipped: Skipped,
});

const Figures = z.object({}).catchall(z.unknown());
export const TimelinessReport = z.object({ from: z.string(), to: z.string(), by: z.enum(['agency', 'procedure']), skipped: Skipped }).catchall(z.unknown()).meta({ description: 'Figures per agency or procedure' });

export const ProcedureList = z.object({
  procedures: z.array(
    z.object({
      code: z.string(),
      version: z.number().int(),
      effectiveFrom: z.string(),
      name: Text,
      field: Text,
      legalHours: z.number(),
      routeHours: z.number(),
      receivingAgency: z.string(),
      stages: z.array(z.object({ stage: z.number().int(), steps: z.array(z.object({ stepId: z.string(), agency: z.string(), name: Text, budgetHours: z.number() })) })),
    }),
  ),
});

export const ProcedureVersion = z.object({ code: z.string(), version: z.number().int(), effectiveFrom: z.string(), name: Text, routeHours: z.number() }).catchall(z.unknown());

const CalendarEntry = z.object({ date: z.string(), kind: z.enum(['holiday', 'day-off', 'working-saturday']), name: Text, source: z.string() });
export const CalendarYear = z.object({
  year: z.number().int(),
  status: z.enum(['announced', 'awaiting-notice']),
  entries: z.array(CalendarEntry),
  origin: z.enum(['stored', 'bundled']),
  updatedAt: localTime.optional(),
  updatedBy: z.string().optional(),
});
export const CalendarBody = z.object({ year: z.number().int(), status: z.enum(['announced', 'awaiting-notice']), entries: z.array(CalendarEntry) });

export const Resumed = z.object({ dossierCode: z.string(), workflow: z.string() });
export const ApplicantExport = z.object({ query: Figures, exportedAt: instant, dossiers: z.array(Figures) });

const CitizenFees = z.object({
  due: z.enum(['submission', 'before-return']),
  lines: z.array(z.object({ code: z.string(), kind: z.enum(['phi', 'le-phi']), name: Text, amount: z.number().int() })),
  total: z.number().int(),
  paid: z.boolean(),
  paidAt: localTime.optional(),
  /** Refunded (a refused or withdrawn dossier, money not owed: docs/fees.md), in đồng. */
  refunded: z.number().int().optional(),
  receipt: z
    .object({ paymentId: z.string(), invoiceTemplateNo: z.string(), invoiceIssueNo: z.string(), invoiceNo: z.string(), method: z.enum(['online', 'cash', 'card']), total: z.number().int() })
    .optional(),
});
export const CitizenView = z.object({
  code: z.string(),
  status,
  statusText: Text,
  procedure: z.object({ code: z.string(), name: Text }),
  receivedAt: localTime,
  appointmentAt: localTime,
  /** When the result can be collected (in progress: from the appointment; decided: from now). */
  collection: z.object({ from: localTime, until: localTime }).nullable(),
  history: z.array(z.object({ at: localTime, event: z.string(), text: Text })),
  /** The open supplement request: what is missing, asked by whom. */
  supplement: z.object({ requestedAt: localTime, agency: Text, missing: z.array(z.string()), reason: z.string() }).nullable(),
  stop: z.object({ kind: z.enum(['refused', 'withdrawn']), at: localTime, reason: z.string() }).nullable(),
  returnedAt: localTime.nullable(),
  canWithdraw: z.boolean(),
  canRate: z.boolean(),
  rating: z.object({ score: z.number().int(), at: localTime }).nullable(),
  /** The files the citizen may read (their own uploads, the result once returned). */
  documents: z.array(StoredDocument.omit({ uploadedBy: true, uploaderKind: true, agency: true })),
  /** The branch desk that received the dossier, where the citizen comes (absent: the centre's own desk). */
  desk: z.object({ name: Text, address: Text, openingHours: Text, hotline: z.string() }).optional(),
  /** The fees (status 6 until paid; integer đồng) and, once paid, the receipt (docs/fees.md). */
  fees: CitizenFees.optional(),
});
export const Withdrawn = z.object({ dossierCode: z.string(), status: z.literal(7), withdrawnAt: localTime });
export const Rated = z.object({ dossierCode: z.string(), score: z.number().int() });

export const FailedDossiers = z.object({
  state: z.literal('failed'),
  dossiers: z.array(
    z.object({ dossierCode: z.string(), status, execution: z.string(), executionStatus: z.string(), error: z.string().optional(), stoppedAt: localTime.optional() }),
  ),
});

export const Agency = z.object({ code: z.string(), name: Text, kind: z.enum(['desk', 'department']), email: z.string() });
export const AgencyList = z.object({ agencies: z.array(Agency) });
export const AgencyStored = z.object({ code: z.string(), ...AgencyBody.shape, group: z.string() }).meta({ description: 'The agency as stored, with its Cognito group' });

export const EmailRequeued = z.object({ id: z.string(), dossierCode: z.string(), eventKey: z.string(), state: z.literal('queued') });
export const Contacts = z.object({
  agency: z.string(),
  contacts: z.array(
    z.object({
      kind: z.literal('contact-citizen'),
      dossierCode: z.string(),
      eventKey: z.string(),
      event: z.string().optional(),
      emailId: z.string(),
      reason: z.string(),
      at: localTime,
      message: Text,
      applicant: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
    }),
  ),
});

export const PublicCentre = z.object({ name: Text, address: Text, openingHours: Text, hotline: z.string(), portalUrl: z.string() });
export const PinReissued = z.object({ dossierCode: z.string(), reissuedAt: localTime, sentTo: z.literal('applicant') });
export const ApplicantCorrected = z
  .object({
    dossierCode: z.string(),
    applicant: z.object({ name: z.string(), email: z.string(), phone: z.string().optional(), idNumber: z.string().optional() }),
    changed: z.array(z.enum(['email', 'phone'])).meta({ description: 'Empty when the details already were these (a retry): nothing written, nothing sent' }),
    correctedAt: localTime.optional(),
    toldPreviousAddress: z.boolean().meta({ description: 'A letter to the address on file before the correction is queued' }),
    resent: z.array(z.string()).meta({ description: "Ids (<code>~<eventKey>) of the citizen's letters that never reached the old address, queued again to the new one" }),
  })
  .meta({ description: 'The contact details now on file' });
export const PinReminder = z.object({ message: Text }).meta({ description: 'The same answer whatever the code' });
export const PinConfirmed = z.object({ confirmed: z.literal(true), message: Text }).meta({ description: 'The one-time code was right: the new PIN of the letter now works' });

export const Upload = UploadTicket.extend({ expiresAt: localTime }).meta({ description: 'A presigned POST: send the fields then the file as multipart/form-data, then complete' });
export const Draft = Upload.extend({ draftId: z.string() });
export const Download = DownloadLink.extend({ expiresAt: localTime });

/** A citizen as the national sign-in vouched for them (functions/core/citizen.ts). */
export const SignedInCitizen = z.object({
  identityNumber: z.string().regex(/^\d{12}$/),
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
});
export const CitizenSignedIn = z
  .object({
    /** The session's bearer token (opaque; sent as `Authorization: Bearer <token>` on /public/me/*). */
    token: z.string(),
    expiresAt: localTime,
    citizen: SignedInCitizen,
  })
  .meta({ description: 'A session opened after the national sign-in: an opaque bearer token, valid until expiresAt' });
export const CitizenSignedOut = z.object({ signedOut: z.literal(true) });
export const CitizenMe = z.object({ citizen: SignedInCitizen });
export const MyDossiers = z.object({
  dossiers: z.array(
    z.object({
      code: z.string(),
      procedure: z.object({ code: z.string(), name: Text }),
      status,
      statusText: Text,
      channel: z.enum(['counter', 'online', 'post']),
      receivedAt: localTime.nullable(),
      appointmentAt: localTime.nullable(),
    }),
  ),
});
export const MyDossier = CitizenView.extend({
  /** null: an online application the desk has not received yet (status 1). */
  receivedAt: localTime.nullable(),
  appointmentAt: localTime.nullable(),
  /** Applied online: the desk's check (before it is received) and what it asked to complete. */
  online: z
    .object({
      level: z.enum(['partly', 'fully']),
      /** The application it was submitted from: a completion's files are added to it (POST /public/applications/{id}/documents). */
      applicationId: z.string(),
      submittedAt: localTime,
      /** By when the desk checks it (status 1). */
      checkDueAt: localTime.nullable(),
      /** The open request to complete the application: what is missing, and why. */
      completion: z.object({ askedAt: localTime, missing: z.array(z.string()), reason: z.string() }).nullable(),
      check: z.object({ outcome: z.enum(['receive', 'refuse']), at: localTime, reason: z.string().optional() }).nullable(),
    })
    .nullable(),
});

/** GET /checks: the online dossiers waiting for the desk's check, soonest due first (issue 21). */
export const OnlineChecks = z.object({
  checks: z.array(
    z.object({
      code: z.string(),
      procedure: z.object({ code: z.string(), name: Text }),
      /** The applicant's name: the desk calls them; nothing else personal. */
      applicantName: z.string(),
      level: z.enum(['partly', 'fully']),
      branch: z.string().optional(),
      submittedAt: localTime,
      checkDueAt: localTime,
      /** Working hours left on the centre's calendar, negative once lapsed; null while completion is asked (the clock is stopped). */
      workingHoursLeft: z.number().nullable(),
      lapsed: z.boolean(),
      completionAsked: z.boolean(),
    }),
  ),
});

/** POST /dossiers/{code}/check: what the desk decided. */
export const CheckDone = z.object({
  code: z.string(),
  outcome: z.enum(['receive', 'request-completion', 'refuse']),
  status: z.number().int(),
  checkedAt: localTime,
  /** receive: the official receipt and the appointment counted from it. */
  receivedAt: localTime.optional(),
  appointmentAt: localTime.optional(),
});
