import { createHash } from 'node:crypto';
import { UpdateCommand } from './aws/dynamodb';
import { applicationKey, createApplication, ownApplication, type ApplicationRecord } from './applications';
import { documentClient, tableName } from './aws';
import { workingCalendar } from './calendar';
import { citizenRef } from './citizen-session';
import { factTime } from './clock';
import { completeUpload } from './document-flow';
import { documentKeys, getPending } from './document-store';
import { verifyUpload } from './documents';
import { HttpProblem, conflict, notFound, type FieldError } from './http';
import { indexApplicant } from './personal-data';
import { hashPin, newPin } from './pin';
import { logger } from './powertools';
import { getDossier, keys, listProcedures, putIfAbsent, reserveSequence, settleSequence, updateIf, versionInForce } from './store';
import { onlineService } from './applications';
import type { Citizen } from '../core/citizen';
import { appointmentAt } from '../core/deadlines';
import { dossierCode, receivingDesk, type Dossier } from '../core/dossier';
import type { PendingUpload } from '../core/documents';
import { localDate, toLocalIso } from '../core/local-time';
import { normalisePhone } from '../core/text';
import { DossierStatus, type Procedure } from '../core/model';
import { answerErrors, answersSchema, CHECK_WORKING_HOURS, checkQueueKeys, missingDocuments, type Answer, type OnlineFacts } from '../core/online';

/**
 * Online intake (issue 21): a citizen's application becomes a dossier in status 1 (submitted),
 * waiting in its desk's check queue; the desk then receives it, asks for completion or refuses it
 * (functions/check-dossier). Nothing here starts a workflow, enters the logbook or the OPEN set.
 */

const unprocessable = (detail: string, errors: FieldError[]) => new HttpProblem(422, 'Unprocessable Content', detail, errors);

/** The intake request of an application: one per application, so a second submission is the same request. */
export const onlineIntakeKey = (applicationId: string) => createHash('sha256').update(`online\n${applicationId}`).digest('hex').slice(0, 24);

/** By when the desk must check: CHECK_WORKING_HOURS on the centre's working calendar from `from`. */
export async function checkDueFrom(from: Date): Promise<Date> {
  return (await workingCalendar()).addWorkingTime(from, CHECK_WORKING_HOURS);
}

export interface OnlineDossierFacts {
  code: string;
  procedure: Procedure;
  /** The desk's code: a branch's, or the procedure's receiving agency. */
  desk: string;
  citizen: Citizen;
  applicationId: string;
  answers: Record<string, Answer>;
  documents: { requirement: string; documentId: string }[];
  submittedAt: Date;
  checkDueAt: Date;
  /** A provisional appointment (from the submission), replaced by the receipt's. */
  appointmentAt: Date;
  pinHash: string;
  intakeKey: string;
}

/**
 * The status-1 dossier of an online application, as it is stored (pure): channel `online`, the
 * applicant from the national identity, its OnlineFacts, and the keys of its desk's check queue
 * (GSI1 CHECK#<desk>) — no OPEN, no logbook keys.
 */
export function onlineDossierItem(f: OnlineDossierFacts): Record<string, unknown> & Dossier {
  const level = f.procedure.online?.level;
  if (!level || level === 'none') throw new Error(`${f.procedure.code} cannot be applied for online`);
  const submittedAt = f.submittedAt.toISOString();
  const checkDueAt = f.checkDueAt.toISOString();
  const online: OnlineFacts = {
    level,
    applicationId: f.applicationId,
    citizenRef: citizenRef(f.citizen),
    submittedAt,
    answers: f.answers,
    documents: f.documents,
    checkDueAt,
  };
  const dossier: Dossier = {
    code: f.code,
    procedure: f.procedure,
    status: DossierStatus.submitted,
    channel: 'online',
    ...(f.desk !== f.procedure.receivingAgency ? { branch: f.desk } : {}),
    applicant: applicantOf(f.citizen, f.answers),
    documents: [],
    receivedAt: submittedAt,
    appointmentAt: f.appointmentAt.toISOString(),
    stageIndex: 0,
    extensions: {},
    pauses: {},
    emailFailures: {},
    pinHash: f.pinHash,
    receivedBy: 'online',
    intakeKey: f.intakeKey,
    online,
  };
  return { ...keys.dossier(f.code), ...checkQueueKeys(receivingDesk(dossier), checkDueAt, f.code), ...dossier };
}

/**
 * The applicant as the national identity names them (name, identity number, email, the phone in
 * the one form of every phone: +84…); where the identity has no email, the form's `email` answer
 * if it has one (the receipt must reach someone), else none ('').
 */
export function applicantOf(citizen: Citizen, answers: Record<string, Answer>): Dossier['applicant'] {
  const phone = citizen.phone ? normalisePhone(citizen.phone) : undefined;
  const email = citizen.email ?? (typeof answers.email === 'string' ? answers.email : '');
  return { name: citizen.name, email, ...(phone ? { phone } : {}), idNumber: citizen.identityNumber };
}

/** What a submission answers. */
export interface SubmittedAnswer {
  code: string;
  status: 1;
  submittedAt: string;
  checkDueAt: string;
}

const answerOf = (d: Dossier): SubmittedAnswer => ({
  code: d.code,
  status: 1,
  submittedAt: toLocalIso(d.online!.submittedAt),
  checkDueAt: toLocalIso(d.online!.checkDueAt),
});

/**
 * The files named: each a draft upload of this citizen for this application (not claimed by
 * another intake), still matching what was declared — else 422 naming `documents.<i>.documentId`.
 */
async function checkFiles(citizen: Citizen, applicationId: string, documents: readonly { documentId: string }[], intakeKey: string): Promise<PendingUpload[]> {
  const out: PendingUpload[] = [];
  const errors: FieldError[] = [];
  for (const [i, d] of documents.entries()) {
    const field = `documents.${i}.documentId`;
    const pending = (await getPending('draft', d.documentId)) as (PendingUpload & { applicationId?: string }) | undefined;
    if (!pending || pending.by !== citizenRef(citizen) || pending.applicationId !== applicationId) {
      errors.push({ field, message: 'Tệp không còn (quá 24 giờ); hãy tải lên lại. / The file is gone (over 24 hours); upload it again.' });
      continue;
    }
    if (pending.claimedBy && pending.claimedBy !== intakeKey) {
      errors.push({ field, message: 'This file belongs to another dossier' });
      continue;
    }
    try {
      await verifyUpload(pending);
      out.push(pending);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      errors.push({ field, message: error.detail ?? error.title });
    }
  }
  if (errors.length) throw unprocessable('Some files cannot be used', errors);
  return out;
}

/** Claim the files for the dossier (one conditional write each), copy them under its prefix and record them (as the desk's claimDrafts). */
async function claimFiles(code: string, files: PendingUpload[], intakeKey: string): Promise<void> {
  for (const file of files) {
    const claimed = await updateIf({
      Key: documentKeys.draft(file.documentId),
      UpdateExpression: 'SET claimedBy = :k, dossierCode = :code',
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(claimedBy) OR claimedBy = :k)',
      ExpressionAttributeValues: { ':k': intakeKey, ':code': code },
    });
    if (!claimed) throw conflict('A file was claimed by another dossier meanwhile');
    await completeUpload(file, code);
  }
}

/**
 * Give the application its dossier's code (once), before the dossier is written; updatedAt moves so
 * that a change read before (PUT, a file recorded) is refused rather than written back without it.
 * False when another attempt gave it another code first.
 */
async function giveCode(app: ApplicationRecord, code: string, at: string): Promise<boolean> {
  return !!(await updateIf({
    Key: applicationKey(app.id),
    UpdateExpression: 'SET dossierCode = :c, updatedAt = :u',
    ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(dossierCode) OR dossierCode = :c)',
    ExpressionAttributeValues: { ':c': code, ':u': at },
  }));
}

async function markSubmitted(app: ApplicationRecord, code: string, submittedAt: string) {
  await updateIf({
    Key: applicationKey(app.id),
    UpdateExpression: 'SET #s = :s, dossierCode = :c, submittedAt = :at',
    ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(dossierCode) OR dossierCode = :c)',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': 'submitted', ':c': code, ':at': submittedAt },
  });
}

/**
 * Submit a citizen's application: its answers checked with the form's schema (422 naming each
 * field), the required documents attached, the procedure applied for online; then the code (the
 * desk's prefix and day counter), the status-1 dossier, its files, the applicant's lookup items.
 * Submitting the same application again (a retry, a double click) answers the same dossier.
 */
export async function submitApplication(citizen: Citizen, applicationId: string, attempt = 0): Promise<SubmittedAnswer> {
  const app = await ownApplication(citizen, applicationId);
  if (app.dossierCode) {
    const existing = await getDossier(app.dossierCode);
    if (existing?.online) return answerOf(existing);
  }
  const submittedAt = factTime();
  const day = localDate(submittedAt);
  const procedure = versionInForce(await listProcedures(app.procedureCode), app.procedureCode, day);
  const online = onlineService(procedure, app.procedureCode);
  const errors = [
    ...answerErrors(online.form, app.answers),
    ...missingDocuments(online, app.documents).map((d) => ({
      field: 'documents',
      message: `Thiếu: ${d.name.vi} / Missing: ${d.name.en}`,
      params: { message_vi: `Thiếu giấy tờ: ${d.name.vi}`, message_en: `Missing document: ${d.name.en}`, label_vi: d.name.vi, label_en: d.name.en },
    })),
  ];
  if (errors.length) throw unprocessable(`The application is not complete: ${errors.map((e) => e.field).join(', ')}`, errors);
  const intakeKey = onlineIntakeKey(app.id);
  const files = await checkFiles(citizen, app.id, app.documents, intakeKey);
  const calendar = await workingCalendar();
  // the code is given to the application before the dossier is written: an attempt that died in
  // between (retried another day, or from another tab) reuses it, never a second dossier
  let code: string;
  let yymmdd: string;
  let seq: number;
  if (app.dossierCode) {
    code = app.dossierCode;
    const [, day6, n] = /-(\d{6})-(\d+)$/.exec(code)!;
    yymmdd = day6!;
    seq = Number(n);
  } else {
    yymmdd = day.slice(2).replaceAll('-', '');
    seq = await reserveSequence(app.desk, yymmdd, intakeKey);
    code = dossierCode(app.desk, day, seq);
    if (!(await giveCode(app, code, submittedAt.toISOString()))) {
      // another attempt gave it a code first (on another day): answer with that one
      if (attempt) throw conflict('The application is being submitted; try again.');
      return submitApplication(citizen, applicationId, attempt + 1);
    }
  }
  const item = onlineDossierItem({
    code,
    procedure: procedure!,
    desk: app.desk,
    citizen,
    applicationId: app.id,
    answers: answerValues(online.form, app.answers),
    documents: app.documents,
    submittedAt,
    checkDueAt: calendar.addWorkingTime(submittedAt, CHECK_WORKING_HOURS),
    appointmentAt: appointmentAt(calendar, { receivedAt: submittedAt.toISOString(), procedure: procedure!, extensions: {}, pauses: {} })!,
    // a PIN for the lookup without sign-in: its hash only; the desk's receipt (form 01) issues the one the citizen reads
    pinHash: await hashPin(newPin()),
    intakeKey,
  });
  const settle = () => settleSequence(app.desk, yymmdd, intakeKey, seq, Math.floor(submittedAt.getTime() / 1000) + 3 * 86400);
  let dossier: Dossier = item;
  if (!(await putIfAbsent(item))) {
    // the same application submitted again after a crash that followed the write
    const existing = await getDossier(code);
    if (existing?.intakeKey !== intakeKey) throw new Error(`Dossier code ${code} allocated twice`);
    dossier = existing;
  }
  await claimFiles(code, files, intakeKey);
  await settle();
  await indexApplicant(code, dossier.applicant);
  await markSubmitted(app, code, dossier.online!.submittedAt);
  logger.info('online application submitted', { dossierCode: code, procedure: app.procedureCode, files: files.length, desk: app.desk });
  return answerOf(dossier);
}

/** The answers as the form's schema cleaned them (trimmed, phones as +84…), optional empty ones dropped. */
const answerValues = (form: Parameters<typeof answersSchema>[0], answers: Record<string, Answer>): Record<string, Answer> => answersSchema(form).parse(answers);

/**
 * The citizen completes their online dossier while the desk asks for it (the last of
 * `online.completions` has no completedAt): new answers (checked with the form's schema over the
 * earlier ones) and files uploaded on the application; the check time counts again from now.
 */
export async function completeOnlineDossier(
  citizen: Citizen,
  code: string,
  body: { answers?: Record<string, Answer>; documents?: { requirement: string; documentId: string }[] },
): Promise<{ code: string; status: number; completedAt: string; checkDueAt: string }> {
  const dossier = await getDossier(code);
  if (!dossier?.online || dossier.online.citizenRef !== citizenRef(citizen)) throw notFound(`No dossier ${code}`);
  const completions = dossier.online.completions ?? [];
  const last = completions.length - 1;
  if (last < 0 || completions[last]!.completedAt || dossier.status !== DossierStatus.submitted) {
    throw conflict('Không có yêu cầu bổ sung nào đang chờ. / No completion is being asked for on this dossier.');
  }
  const online = dossier.procedure.online!;
  const answers = { ...dossier.online.answers, ...(body.answers ?? {}) };
  const ids = new Set(online.documents.map((d) => d.id));
  const errors: FieldError[] = [
    ...(body.answers ? answerErrors(online.form, answers) : []),
    ...(body.documents ?? []).flatMap((d, i) => (ids.has(d.requirement) ? [] : [{ field: `documents.${i}.requirement`, message: `${d.requirement} is not a document of this procedure` }])),
  ];
  if (errors.length) throw unprocessable(`The completion is not valid: ${errors.map((e) => e.field).join(', ')}`, errors);
  const intakeKey = dossier.intakeKey ?? onlineIntakeKey(dossier.online.applicationId);
  const files = await checkFiles(citizen, dossier.online.applicationId, body.documents ?? [], intakeKey);
  await claimFiles(code, files, intakeKey);
  const completedAt = factTime();
  const checkDueAt = (await checkDueFrom(completedAt)).toISOString();
  const documents = [...(dossier.online.documents ?? []).filter((d) => !(body.documents ?? []).some((n) => n.documentId === d.documentId)), ...(body.documents ?? [])];
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.dossier(code),
        // `online` is one of DynamoDB's reserved words: named through #o
        UpdateExpression: `SET #o.completions[${last}].completedAt = :at, #o.answers = :answers, #o.documents = :docs, #o.checkDueAt = :due, GSI1SK = :sk REMOVE #o.lapseWarnedAt`,
        ConditionExpression: `attribute_not_exists(#o.completions[${last}].completedAt) AND #s = :one`,
        ExpressionAttributeNames: { '#s': 'status', '#o': 'online' },
        ExpressionAttributeValues: {
          ':at': completedAt.toISOString(),
          ':answers': body.answers ? answerValues(online.form, answers) : dossier.online.answers,
          ':docs': documents,
          ':due': checkDueAt,
          ':sk': checkQueueKeys(receivingDesk(dossier), checkDueAt, code).GSI1SK,
          ':one': DossierStatus.submitted,
        },
      }),
    );
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') throw conflict('The completion was recorded meanwhile, or the desk decided');
    throw e;
  }
  logger.info('online dossier completed', { dossierCode: code, files: files.length });
  return { code, status: dossier.status, completedAt: toLocalIso(completedAt), checkDueAt: toLocalIso(checkDueAt) };
}

/**
 * An online dossier in one call, for procedures whose required documents have none to attach or
 * for seeding tests (the desk's check): the application is created with its answers, then
 * submitted as the citizen would (the same checks, the same dossier on a retry of the submission).
 */
export async function applyOnline(
  citizen: Citizen,
  input: { procedureCode: string; desk?: string; answers: Record<string, Answer> },
): Promise<SubmittedAnswer & { applicationId: string }> {
  const app = await createApplication(citizen, input);
  return { ...(await submitApplication(citizen, app.id)), applicationId: app.id };
}
