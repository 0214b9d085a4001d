import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Harness } from './local';
import { uniqueKey } from './local';
import { declare, pdf, postToS3 } from './documents';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { citizenRef } from '../../functions/commons/citizen-session';
import { WorkingCalendar, loadBundledCalendarYears } from '../../functions/core/calendar/working-time';
import { dossierCode } from '../../functions/core/dossier';
import { localDate } from '../../functions/core/local-time';
import { onlineDossierItem } from '../../functions/commons/online-intake';
import type { Procedure } from '../../functions/core/model';
import { checkDueFrom } from '../../functions/core/online-check';
/** What a citizen answers on the judicial record's form (config/hanoi/procedures/TP-LLTP.json). */
export const judicialRecordAnswers = (name = 'Nguyễn Thị Lan', identityNumber = '001099012345') => ({
  hoTen: name,
  gioiTinh: 'nu',
  ngaySinh: '1990-05-12',
  noiSinh: 'Hà Nội',
  quocTich: 'Việt Nam',
  soDinhDanh: identityNumber,
  noiCuTru: 'Số 1 phố Huế, Hà Nội',
  dienThoai: '0912 345 678',
  loaiPhieu: 'so-1',
  soLuongPhieu: 1,
  mucDich: 'Bổ sung hồ sơ xin việc',
  camDoan: true,
});

/** A signed-in citizen's session token (the local POST /_local/tokens {citizen}). */
export async function citizenToken(h: Harness, n: number): Promise<string> {
  const identityNumber = `0010990${String(n).padStart(5, '0')}`;
  const res = await h.call('POST', '/_local/tokens', { body: { citizen: { identityNumber, name: `Công dân ${n}`, email: `citizen${n}@example.com`, phone: '0912 345 678', address: 'Số 1 phố Huế, Hà Nội' } } });
  if (res.status !== 200) throw new Error(`citizen token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

const key = () => ({ 'idempotency-key': uniqueKey() });
const must = (what: string, res: { status: number; body: unknown }, status: number) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as any;
};

/** Upload a file for an application (ask, POST to S3, complete): the application's answer. */
export async function attach(h: Harness, token: string, id: string, requirement = 'can-cuoc', file = pdf(2048)) {
  const asked = must('ask', await h.call('POST', `/public/applications/${id}/documents`, { token, headers: key(), body: { ...declare(file), requirement } }), 201);
  const s3 = await postToS3(asked, file);
  if (s3 >= 300) throw new Error(`S3 POST: ${s3}`);
  must('complete', await h.call('POST', asked.complete, { token, headers: key() }), 201);
  return asked.documentId as string;
}

/** A draft of the judicial record with its answers and its identity card copy attached. */
export async function draftApplication(h: Harness, token: string, desk?: string): Promise<{ id: string; documentId: string }> {
  const id = must('create', await h.call('POST', '/public/applications', { token, headers: key(), body: { procedureCode: 'TP-LLTP', answers: judicialRecordAnswers(), ...(desk ? { desk } : {}) } }), 201).id as string;
  const documentId = await attach(h, token, id);
  return { id, documentId };
}

/** Apply online for the judicial record: a dossier in status 1 (its code, and the application's id). */
export async function applyOnline(h: Harness, token: string, desk?: string): Promise<{ id: string; code: string; documentId: string }> {
  const { id, documentId } = await draftApplication(h, token, desk);
  const code = must('submit', await h.call('POST', `/public/applications/${id}/submit`, { token, headers: key() }), 201).code as string;
  return { id, code, documentId };
}

/**
 * The desk asks for completion of an online dossier through its own route (POST
 * /dossiers/{code}/check, outcome request-completion), as the desk that received it (`branch`: a
 * branch desk's officer). What is missing: a clearer copy of the identity card.
 */
export async function askCompletion(h: Harness, code: string, branch?: string): Promise<void> {
  const token = await h.token('desk-check-1', ['desk', ...(branch ? [`branch-${branch}`] : [])]);
  const res = await h.call('POST', `/dossiers/${code}/check`, {
    token,
    headers: { 'idempotency-key': uniqueKey() },
    body: { outcome: 'request-completion', missing: ['Bản chụp căn cước rõ nét'], reason: 'Ảnh chụp bị mờ' },
  });
  if (res.status !== 200) throw new Error(`ask completion: ${res.status} ${JSON.stringify(res.body)}`);
}


/**
 * A submitted online application (status 1) written straight into the local table, built by the
 * portal's own `onlineDossierItem` (functions/commons/online-intake.ts: channel `online`,
 * `dossier.online`, the desk's check queue keys; not OPEN, no logbook, no workflow). The whole
 * submit (POST /public/applications … /submit) needs a procedure the centre offers online; until
 * the centre's catalogue has one, the check's tests start from here.
 */
export interface SeededOnline {
  code: string;
  checkDueAt: string;
  submittedAt: string;
  citizen: { identityNumber: string; name: string; email: string };
}

let n = 0;
const cal = new WorkingCalendar(loadBundledCalendarYears());

export async function seedOnlineDossier(
  h: Harness,
  opts: { procedureCode?: string; branch?: string; level?: 'partly' | 'fully'; citizen?: SeededOnline['citizen'] } = {},
): Promise<SeededOnline> {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: h.runtime.dynamoDbUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
  const procedureCode = opts.procedureCode ?? 'TP-LLTP';
  const versions = await db.send(new QueryCommand({ TableName: 'motcua', KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)', ExpressionAttributeValues: { ':pk': 'CATALOGUE', ':p': `PROCEDURE#${procedureCode}#` } }));
  const { PK: _pk, SK: _sk, ...procedure } = versions.Items!.at(-1)!;
  const clock = (await h.call('GET', '/_local/clock')).body as { now: string };
  const submitted = new Date(clock.now);
  const submittedAt = submitted.toISOString();
  const checkDueAt = checkDueFrom(cal, submitted).toISOString();
  const prefix = opts.branch ?? String(procedure.receivingAgency);
  const code = dossierCode(prefix, localDate(submitted), 9000 + (++n % 1000));
  const citizen = opts.citizen ?? { identityNumber: `0010990${String(process.pid % 100000).padStart(5, '0')}`, name: 'Phạm Thị Cúc', email: `cuc.${process.pid}.${n}@example.vn` };
  // the item exactly as the portal's submit stores it (functions/commons/online-intake.ts)
  const item = onlineDossierItem({
    code,
    procedure: { ...(procedure as unknown as Procedure), online: { level: opts.level ?? 'partly', form: [], documents: [] } },
    desk: prefix,
    citizen,
    applicationId: `app-${process.pid}-${n}`,
    answers: {},
    documents: [],
    submittedAt: submitted,
    checkDueAt: new Date(checkDueAt),
    appointmentAt: submitted,
    pinHash: 'scrypt$unused$unused',
    intakeKey: `seed-${process.pid}-${n}`,
  });
  await db.send(new PutCommand({ TableName: 'motcua', Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
  return { code, checkDueAt, submittedAt, citizen };
}
