import { DeleteCommand } from '../commons/aws/dynamodb';
import * as z from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { now } from '../commons/clock';
import { applicantLookupKeys, retentionCursorKey } from '../commons/personal-data';
import { unindexForSearch } from '../commons/search-index';
import { logger } from '../commons/powertools';
import { getDossier, getItem, keys, queryAll, updateIf } from '../commons/store';
import { taskHandler } from '../commons/task';
import { deleteDossierFiles } from '../commons/documents';
import { listDocuments, markDeleted } from '../commons/document-store';
import { ANONYMISED_APPLICANT, isDueForAnonymisation, monthOf, monthsToScan, type RetainedDossier } from '../core/retention';

/** The scheduler sends `{}`; anything else it might add is ignored. */
const Input = z.object({});

/** Stop starting new months after this long, so the run ends well inside its 60 s timeout; the next run goes on. */
const BUDGET_MS = 40_000;
const CONCURRENCY = 8;

type Outcome = 'anonymised' | 'already-anonymised' | 'missing' | 'not-due';

/** Every version of the dossier's files, then the names on its document items (a citizen may have typed personal data). */
async function deleteFiles(code: string, at: Date): Promise<number> {
  const deleted = await deleteDossierFiles(code);
  for (const doc of await listDocuments(code)) await markDeleted(code, doc.documentId, at.toISOString());
  return deleted;
}

async function readCursor(): Promise<string | undefined> {
  const month = (await getItem(retentionCursorKey))?.month;
  return typeof month === 'string' ? month : undefined;
}

/** Move the cursor forward only (two overlapping runs cannot move it back). */
async function saveCursor(month: string): Promise<void> {
  await updateIf({
    Key: retentionCursorKey,
    UpdateExpression: 'SET #m = :m',
    ConditionExpression: 'attribute_not_exists(#m) OR #m < :m',
    ExpressionAttributeNames: { '#m': 'month' },
    ExpressionAttributeValues: { ':m': month },
  });
}

async function retentionItems(month: string): Promise<string[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `RETENTION#${month}` }, ConsistentRead: true });
  return items.map((i) => String(i.SK));
}

const remove = (key: { PK: string; SK: string }) => documentClient().send(new DeleteCommand({ TableName: tableName(), Key: key }));

/**
 * One dossier: drop its applicant lookups (they are derived from the personal data, so first),
 * replace the applicant under `attribute_not_exists(anonymisedAt)`, then drop the retention item.
 * Each write is idempotent, so a run that dies halfway is finished by the next.
 */
async function anonymiseOne(month: string, code: string, at: Date, files: { deleted: number }): Promise<Outcome> {
  const retention = { PK: `RETENTION#${month}`, SK: code };
  const dossier = (await getDossier(code)) as RetainedDossier | undefined;
  if (!dossier) {
    await remove(retention);
    return 'missing';
  }
  if (dossier.anonymisedAt) {
    await remove(retention);
    return 'already-anonymised';
  }
  if (!isDueForAnonymisation(dossier, at)) return 'not-due';
  for (const key of applicantLookupKeys(code, dossier.applicant)) await remove(key);
  // the search tokens left at closing (a close that died before removing them)
  await unindexForSearch(code);
  files.deleted += await deleteFiles(code, at);
  // who corrected the contact details and when stays; the address told of it goes
  const corrections = (dossier as { contactCorrections?: Record<string, unknown>[] }).contactCorrections;
  // an online dossier's form answers are the applicant's personal data too (names, ID number, address)
  const online = (dossier as { online?: unknown }).online !== undefined;
  const anonymised = await updateIf({
    Key: keys.dossier(code),
    UpdateExpression: `SET applicant = :anon, anonymisedAt = :at${corrections ? ', contactCorrections = :corrections' : ''}${online ? ', #o.answers = :noAnswers' : ''}`,
    ConditionExpression: 'attribute_exists(closedAt) AND attribute_not_exists(anonymisedAt)',
    ...(online ? { ExpressionAttributeNames: { '#o': 'online' } } : {}),
    ExpressionAttributeValues: {
      ...(online ? { ':noAnswers': {} } : {}),
      ':anon': { ...ANONYMISED_APPLICANT },
      ':at': at.toISOString(),
      ...(corrections ? { ':corrections': corrections.map(({ previousEmail: _, ...kept }) => kept) } : {}),
    },
  });
  const outcome: Outcome = anonymised ? 'anonymised' : 'already-anonymised';
  await remove(retention);
  return outcome;
}

/**
 * Scheduled daily (infra/constructs/jobs.ts; locally POST /_local/jobs/anonymise-closed): reads
 * the retention partitions from the month after the cursor up to the current month, anonymises
 * every closed dossier whose retention period has passed, and moves the cursor to the last month
 * it emptied before the current one. Only dates are compared: no working calendar is needed, so
 * the job runs in years no calendar covers.
 */
export const handler = taskHandler('anonymise-closed', Input, async () => {
  const started = Date.now();
  const at = now();
  const current = monthOf(at);
  const cursor = await readCursor();
  const months = monthsToScan(cursor, current);
  const counts: Record<Outcome, number> = { anonymised: 0, 'already-anonymised': 0, missing: 0, 'not-due': 0 };
  let done = cursor;
  let contiguous = true;
  let scanned = 0;
  const files = { deleted: 0 };
  for (const month of months) {
    if (Date.now() - started > BUDGET_MS) break;
    const queue = await retentionItems(month);
    let complete = true;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let code = queue.shift(); code; code = queue.shift()) {
          const outcome = await anonymiseOne(month, code, at, files);
          counts[outcome]++;
          if (outcome === 'not-due') complete = false;
        }
      }),
    );
    scanned++;
    contiguous &&= complete && month < current;
    if (contiguous) done = month;
  }
  if (done && done !== cursor) await saveCursor(done);
  logger.info('anonymisation run', { months: scanned, from: months[0], to: months[scanned - 1], cursor: done, ...counts, filesDeleted: files.deleted });
  return { months: scanned, cursor: done ?? null, ...counts, filesDeleted: files.deleted };
});
