import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { citizenRef } from '../../functions/commons/citizen-session';
import { WorkingCalendar, loadBundledCalendarYears } from '../../functions/core/calendar/working-time';
import { dossierCode } from '../../functions/core/dossier';
import { localDate } from '../../functions/core/local-time';
import { onlineDossierItem } from '../../functions/commons/online-intake';
import type { Procedure } from '../../functions/core/model';
import { checkDueFrom } from '../../functions/core/online-check';
import type { Harness } from './local';

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
