import { randomBytes } from 'node:crypto';
import { PutCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { now } from './clock';
import { citizenRef } from './citizen-session';
import { HttpProblem, notFound, type FieldError } from './http';
import { getBranch, getItem, listProcedures, versionInForce } from './store';
import { localDate } from '../core/local-time';
import type { Citizen } from '../core/citizen';
import type { Procedure } from '../core/model';
import type { Answer, OnlineService } from '../core/online';
import { toLocalIso } from '../core/local-time';

/**
 * A citizen's online applications before (and after) submission, one item each:
 *   APPLICATION#<id> / APPLICATION   owned by `citizenRef(citizen)`; expires 30 days after its last change
 * It holds the form's answers (personal data: on this item only, never in a key or a log), the
 * files uploaded for it (their DRAFT#<documentId> pending items carry `applicationId`) and, once
 * submitted, the dossier's code.
 */
export interface ApplicationFile {
  requirement: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface ApplicationRecord {
  id: string;
  owner: string;
  status: 'draft' | 'submitted';
  procedureCode: string;
  version: number;
  /** The desk it goes to: a branch's code, or the procedure's receiving agency (the main desk). */
  desk: string;
  answers: Record<string, Answer>;
  /** Which uploaded file answers which of the procedure's documents. */
  documents: { requirement: string; documentId: string }[];
  /** The files completed on this application, by document id. */
  files: Record<string, ApplicationFile>;
  createdAt: string;
  updatedAt: string;
  dossierCode?: string;
  submittedAt?: string;
}

export const APPLICATION_DAYS = 30;
export const applicationKey = (id: string) => ({ PK: `APPLICATION#${id}`, SK: 'APPLICATION' });
export const newApplicationId = () => randomBytes(12).toString('hex');

/** The caller's application; anyone else's (or none) is 404, the same answer. */
export async function ownApplication(citizen: Citizen, id: string): Promise<ApplicationRecord> {
  const item = await getItem(applicationKey(id));
  if (!item || item.owner !== citizenRef(citizen) || Number(item.expiresAt) * 1000 < now().getTime()) throw notFound(`No application ${id}`);
  const { PK: _pk, SK: _sk, expiresAt: _e, ...rest } = item;
  return rest as unknown as ApplicationRecord;
}

/** Write the application (a new one only if absent; an existing one only if unchanged since it was read). */
export async function saveApplication(app: ApplicationRecord, previousUpdatedAt?: string): Promise<void> {
  const expiresAt = Math.floor(Date.parse(app.updatedAt) / 1000) + APPLICATION_DAYS * 86400;
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...applicationKey(app.id), ...app, expiresAt },
        // unchanged, and in the status it was read in: the submission marks it without touching updatedAt,
        // and a draft read before it must not write the application back to a draft without its dossier
        ConditionExpression: previousUpdatedAt ? 'updatedAt = :u AND #status = :s' : 'attribute_not_exists(PK)',
        ...(previousUpdatedAt ? { ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':u': previousUpdatedAt, ':s': app.status } } : {}),
      }),
    );
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') {
      throw new HttpProblem(409, 'Conflict', 'Hồ sơ trực tuyến vừa được thay đổi ở nơi khác; hãy tải lại. / The application changed meanwhile; reload it.', undefined, { 'retry-after': '1' });
    }
    throw e;
  }
}

/** What the API shows of an application. */
export function applicationView(app: ApplicationRecord) {
  return {
    id: app.id,
    status: app.status,
    procedureCode: app.procedureCode,
    version: app.version,
    desk: app.desk,
    answers: app.answers,
    documents: app.documents.map((d) => {
      const f = app.files[d.documentId];
      return { requirement: d.requirement, documentId: d.documentId, ...(f ? { name: f.name, contentType: f.contentType, size: f.size } : {}) };
    }),
    updatedAt: toLocalIso(app.updatedAt),
    ...(app.dossierCode ? { code: app.dossierCode } : {}),
  };
}

const unprocessable = (detail: string, errors: FieldError[]) => new HttpProblem(422, 'Unprocessable Content', detail, errors);

/** The desk an application goes to: a branch of the centre, or (none named, or the main desk's code) the receiving agency. */
export async function deskFor(procedure: Procedure, desk: string | undefined): Promise<string> {
  if (!desk || desk === procedure.receivingAgency) return procedure.receivingAgency;
  if (await getBranch(desk)) return desk;
  throw unprocessable('No such desk', [{ field: 'desk', message: `${desk} is not a desk of this centre` }]);
}

/** A procedure one can apply for online, or 422 naming procedureCode. */
export function onlineService(procedure: Procedure | undefined, code: string): OnlineService & { level: 'partly' | 'fully' } {
  if (!procedure) throw unprocessable('No such procedure in force', [{ field: 'procedureCode', message: `Unknown procedure ${code}` }]);
  const online = procedure.online;
  if (!online || online.level === 'none') {
    throw unprocessable('Thủ tục này chỉ nộp trực tiếp tại bộ phận một cửa. / This procedure is applied for at the desk only.', [
      { field: 'procedureCode', message: `${code} cannot be applied for online` },
    ]);
  }
  return online as OnlineService & { level: 'partly' | 'fully' };
}

/** Draft answers name only the form's fields (their values are checked at submission). */
export function unknownAnswers(online: OnlineService, answers: Record<string, unknown>): FieldError[] {
  const names = new Set(online.form.map((f) => f.name));
  return Object.keys(answers)
    .filter((k) => !names.has(k))
    .map((k) => ({ field: `answers.${k}`, message: `${k} is not a field of the form of this procedure` }));
}

/** Each chosen file was completed on this application, for one of the procedure's documents. */
export function choiceErrors(online: OnlineService, app: Pick<ApplicationRecord, 'files'>, documents: readonly { requirement: string; documentId: string }[]): FieldError[] {
  const ids = new Set(online.documents.map((d) => d.id));
  const errors: FieldError[] = [];
  documents.forEach((d, i) => {
    if (!ids.has(d.requirement)) errors.push({ field: `documents.${i}.requirement`, message: `${d.requirement} is not a document of this procedure` });
    if (!app.files[d.documentId]) errors.push({ field: `documents.${i}.documentId`, message: 'No file completed on this application with this id' });
  });
  if (new Set(documents.map((d) => d.documentId)).size !== documents.length) errors.push({ field: 'documents', message: 'A file is named twice' });
  return errors;
}

export const refuse = (detail: string, errors: FieldError[]) => {
  if (errors.length) throw unprocessable(detail, errors);
};

/**
 * May files still be added to this application? A draft: yes. A submitted one: only while its
 * dossier's desk asks for completion (the files then go with POST /public/me/dossiers/{code}/completion).
 */
export async function mayAddFiles(app: ApplicationRecord, dossierOf: (code: string) => Promise<{ status: number; online?: { completions?: { completedAt?: string }[] } } | undefined>): Promise<'intake' | 'supplement'> {
  if (app.status === 'draft') return 'intake';
  const d = app.dossierCode ? await dossierOf(app.dossierCode) : undefined;
  const last = d?.online?.completions?.at(-1);
  if (d && d.status === 1 && last && !last.completedAt) return 'supplement';
  throw new HttpProblem(409, 'Conflict', 'Hồ sơ đã nộp và không có yêu cầu bổ sung. / The application was submitted and no completion is asked for.');
}

/**
 * Start a citizen's application (POST /public/applications; the desk-check tests seed through it):
 * the version in force of a procedure one can apply for online, the desk it goes to, the answers
 * so far (only the form's field names) — a draft, written once.
 */
export async function createApplication(
  citizen: Citizen,
  input: { procedureCode: string; desk?: string; answers?: Record<string, Answer>; documents?: { requirement: string; documentId: string }[] },
  at: Date = now(),
): Promise<ApplicationRecord> {
  const procedure = versionInForce(await listProcedures(input.procedureCode), input.procedureCode, localDate(at));
  const online = onlineService(procedure, input.procedureCode);
  const app: ApplicationRecord = {
    id: newApplicationId(),
    owner: citizenRef(citizen),
    status: 'draft',
    procedureCode: procedure!.code,
    version: procedure!.version,
    desk: await deskFor(procedure!, input.desk),
    answers: input.answers ?? {},
    documents: [],
    files: {},
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  refuse('Invalid application', [...unknownAnswers(online, app.answers), ...choiceErrors(online, app, input.documents ?? [])]);
  await saveApplication(app);
  return app;
}
