import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { calendarYears, type Catalogue } from '../core/catalogue';
import { loadBundledCalendarYears } from '../core/calendar/working-time';
import { toLocalIso, localDate } from '../core/local-time';
import { effectiveFromErrors, nextVersion, sameContent, type ProcedureDraft } from '../core/procedure-rules';
import type { Agency } from '../core/model';
import type { Branch } from '../core/centre';
import { documentClient, tableName } from './aws';
import { now } from './clock';
import { clientKey } from './agency-clients';
import { ensureAgencyGroup, ensureBranchGroup } from './cognito';
import { getItem, isConditionFailed, keys, listCatalogue, putIfAbsent } from './store';

/** Who wrote what the centre's folder brought (an operator's writes carry their `sub`). */
export const CATALOGUE_AUTHOR = 'centre-catalogue';

export interface LoadSummary {
  agencies: { written: string[]; unchanged: number; keptOperatorsVersion: string[] };
  procedures: { published: string[]; unchanged: number };
  calendars: { written: number[]; unchanged: number; keptOperatorsVersion: number[] };
  clients: { written: string[]; unchanged: number };
  groupsCreated: string[];
  branches: { written: string[]; unchanged: number; keptOperatorsVersion: string[] };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Write an item the folder owns: when absent, or when the folder's own earlier write differs.
 * What an operator changed through the API (PUT /agencies, PUT /calendars) is left alone.
 */
async function writeOwned(key: { PK: string; SK: string }, content: Record<string, unknown>, compare: (stored: Record<string, unknown>) => unknown) {
  const stored = await getItem(key);
  if (stored && stored.updatedBy !== CATALOGUE_AUTHOR) return 'kept' as const;
  if (stored && same(compare(stored), compare(content))) return 'unchanged' as const;
  const item = { ...key, ...content, updatedAt: now().toISOString(), updatedBy: CATALOGUE_AUTHOR };
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: item,
        ConditionExpression: stored ? 'updatedBy = :me' : 'attribute_not_exists(PK)',
        ...(stored ? { ExpressionAttributeValues: { ':me': CATALOGUE_AUTHOR } } : {}),
      }),
    );
    return 'written' as const;
  } catch (error) {
    if (isConditionFailed(error)) return 'kept' as const; // an operator wrote it meanwhile
    throw error;
  }
}

const branchContent = (b: Branch) => ({ code: b.code, name: b.name, address: b.address, openingHours: b.openingHours, hotline: b.hotline });
const agencyContent = (a: Agency) => ({ code: a.code, name: { vi: a.name.vi, en: a.name.en }, kind: a.kind, email: a.email });

/**
 * Publish a procedure file: a new version only when the file differs from the last version the
 * folder published (and from the latest version, whoever published it). Stored versions are
 * never rewritten; the first version may be dated in the past, a later one not before today.
 */
async function publish(code: string, file: string, draft: ProcedureDraft, today: string): Promise<string | undefined> {
  const versions = (await listCatalogue(`PROCEDURE#${code}#`, true)) as unknown as (ProcedureDraft & { version: number; publishedBy?: string })[];
  const latest = [...versions].sort((a, b) => b.version - a.version)[0];
  const fromFolder = versions.filter((v) => v.publishedBy === CATALOGUE_AUTHOR).sort((a, b) => b.version - a.version)[0];
  if ((fromFolder && sameContent(fromFolder, draft)) || (latest && sameContent(latest, draft))) return undefined;
  if (versions.length) {
    const dateErrors = effectiveFromErrors(draft.effectiveFrom, today);
    if (dateErrors.length) throw new Error(`${file}: ${dateErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
  const version = nextVersion(versions);
  const stored = { code, version, ...draft, publishedAt: toLocalIso(now()), publishedBy: CATALOGUE_AUTHOR };
  if (!(await putIfAbsent({ ...keys.procedure(code, version), ...stored }))) {
    throw new Error(`${file}: version ${version} of ${code} was published at the same moment; deploy again`);
  }
  return `${code}@${version}`;
}

/**
 * Load a centre's catalogue into the table: the one loader of the deploy (the custom resource,
 * functions/load-catalogue) and of the local runtime. Idempotent; never deletes anything.
 * `clients` maps agency systems' app client ids to their agency (the stack's clients).
 */
export async function loadCatalogue(catalogue: Catalogue, clients: Record<string, string> = {}): Promise<LoadSummary> {
  const summary: LoadSummary = {
    agencies: { written: [], unchanged: 0, keptOperatorsVersion: [] },
    procedures: { published: [], unchanged: 0 },
    calendars: { written: [], unchanged: 0, keptOperatorsVersion: [] },
    clients: { written: [], unchanged: 0 },
    groupsCreated: [],
    branches: { written: [], unchanged: 0, keptOperatorsVersion: [] },
  };
  for (const agency of catalogue.agencies) {
    const outcome = await writeOwned(keys.agency(agency.code), agencyContent(agency), (s) => agencyContent(s as unknown as Agency));
    if (outcome === 'written') summary.agencies.written.push(agency.code);
    else if (outcome === 'kept') summary.agencies.keptOperatorsVersion.push(agency.code);
    else summary.agencies.unchanged++;
    if (await ensureAgencyGroup(agency.code, agency.name.en)) summary.groupsCreated.push(agency.code);
  }
  // a branch desk's officers' group (data: a new branch is a new group at the next load, no template change)
  for (const branch of catalogue.profile.branches ?? []) {
    const outcome = await writeOwned(keys.branch(branch.code), branchContent(branch), (s) => branchContent(s as unknown as Branch));
    if (outcome === 'written') summary.branches.written.push(branch.code);
    else if (outcome === 'kept') summary.branches.keptOperatorsVersion.push(branch.code);
    else summary.branches.unchanged++;
    if (await ensureBranchGroup(branch.code, branch.name.en)) summary.groupsCreated.push(`branch-${branch.code}`);
  }
  const agencyCodes = new Set(catalogue.agencies.map((a) => a.code));
  for (const [clientId, agency] of Object.entries(clients)) {
    if (!agencyCodes.has(agency)) throw new Error(`client ${clientId}: unknown agency ${agency}`);
    const outcome = await writeOwned(clientKey(clientId), { clientId, agency }, (s) => [s.clientId, s.agency]);
    if (outcome === 'written') summary.clients.written.push(agency);
    else summary.clients.unchanged++;
  }
  const today = localDate(now());
  for (const p of catalogue.procedures) {
    const published = await publish(p.code, p.file, p.draft, today);
    if (published) summary.procedures.published.push(published);
    else summary.procedures.unchanged++;
  }
  for (const year of calendarYears(loadBundledCalendarYears(), catalogue.calendars)) {
    const outcome = await writeOwned(keys.calendar(year.year), { calendar: year }, (s) => s.calendar);
    if (outcome === 'written') summary.calendars.written.push(year.year);
    else if (outcome === 'kept') summary.calendars.keptOperatorsVersion.push(year.year);
    else summary.calendars.unchanged++;
  }
  return summary;
}

/** Something was written (false on a rerun with unchanged files). */
export const changedAnything = (s: LoadSummary) =>
  s.agencies.written.length + s.branches.written.length + s.procedures.published.length + s.calendars.written.length + s.clients.written.length > 0;
