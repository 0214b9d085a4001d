import { PutCommand } from './aws/dynamodb';
import { calendarYears, type Catalogue } from '../core/catalogue';
import { loadBundledCalendarYears } from '../core/calendar/working-time';
import { toLocalIso, localDate } from '../core/local-time';
import { effectiveFromErrors, nextVersion, sameContent, type ProcedureDraft } from '../core/procedure-rules';
import type { Agency } from '../core/model';
import type { Branch } from '../core/centre';
import { documentClient, tableName } from './aws';
import { now } from './clock';
import { ensureAgencyGroup, ensureBranchGroup } from './cognito';
import { getItem, isConditionFailed, keys, listCatalogue, putIfAbsent } from './store';

/** Who wrote what the centre's folder brought (an operator's writes carry their `sub`). */
export const CATALOGUE_AUTHOR = 'centre-catalogue';

export interface LoadSummary {
  agencies: { written: string[]; unchanged: number; keptOperatorsVersion: string[] };
  /**
   * `supersededKept`: files equal to a version the folder published before a newer one (the
   * folder went back: a rollback, or a revert): never republished, the newer version stays.
   */
  procedures: { published: string[]; unchanged: number; supersededKept: string[] };
  calendars: { written: number[]; unchanged: number; keptOperatorsVersion: number[] };
  groupsCreated: string[];
  branches: { written: string[]; unchanged: number; keptOperatorsVersion: string[] };
  /** The evaluation form (evaluation.json): written, unchanged, or absent from the folder. */
  evaluation?: 'written' | 'kept' | 'unchanged';
}

/** What the folder would change, and why it cannot (then nothing is written). */
export class CatalogueLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`The catalogue was not loaded (nothing was written):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'CatalogueLoadError';
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Key = { PK: string; SK: string };
/** An item the folder owns, as read before anything is written. */
interface OwnedPlan {
  key: Key;
  content: Record<string, unknown>;
  outcome: 'write' | 'kept' | 'unchanged';
  exists: boolean;
}

/**
 * Plan an item the folder owns: written when absent, or when the folder's own earlier write
 * differs. What an operator changed through the API (PUT /agencies, PUT /calendars) is left alone.
 */
async function planOwned(key: Key, content: Record<string, unknown>, compare: (stored: Record<string, unknown>) => unknown): Promise<OwnedPlan> {
  const stored = await getItem(key);
  if (stored && stored.updatedBy !== CATALOGUE_AUTHOR) return { key, content, outcome: 'kept', exists: true };
  if (stored && same(compare(stored), compare(content))) return { key, content, outcome: 'unchanged', exists: true };
  return { key, content, outcome: 'write', exists: Boolean(stored) };
}

/** Write a planned item; an operator who wrote it meanwhile wins ('kept'). */
async function writeOwned(plan: OwnedPlan): Promise<'written' | 'kept' | 'unchanged'> {
  if (plan.outcome !== 'write') return plan.outcome;
  const item = { ...plan.key, ...plan.content, updatedAt: now().toISOString(), updatedBy: CATALOGUE_AUTHOR };
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: item,
        ConditionExpression: plan.exists ? 'updatedBy = :me' : 'attribute_not_exists(PK)',
        ...(plan.exists ? { ExpressionAttributeValues: { ':me': CATALOGUE_AUTHOR } } : {}),
      }),
    );
    return 'written';
  } catch (error) {
    if (isConditionFailed(error)) return 'kept';
    throw error;
  }
}

const branchContent = (b: Branch) => ({ code: b.code, name: b.name, address: b.address, openingHours: b.openingHours, hotline: b.hotline });
const agencyContent = (a: Agency) => ({ code: a.code, name: { vi: a.name.vi, en: a.name.en }, kind: a.kind, email: a.email });

type Version = ProcedureDraft & { version: number; publishedBy?: string };
type ProcedureFile = { code: string; file: string; draft: ProcedureDraft };
type ProcedurePlan = (ProcedureFile & { outcome: 'unchanged' }) | (ProcedureFile & { outcome: 'superseded' }) | (ProcedureFile & { outcome: 'publish'; version: number });

/**
 * Plan a procedure file: a new version only when the file differs from the last version the
 * folder published (and from the latest version, whoever published it). Stored versions are
 * never rewritten; the first version may be dated in the past, a later one not before today.
 * A file equal to an earlier version the folder published (the folder went back to it: the
 * rollback of a stack update, or a revert) is not published again: the newer version stays.
 */
async function planProcedure(code: string, file: string, draft: ProcedureDraft, today: string, problems: string[]): Promise<ProcedurePlan> {
  const versions = (await listCatalogue(`PROCEDURE#${code}#`, true)) as unknown as Version[];
  const latest = [...versions].sort((a, b) => b.version - a.version)[0];
  const fromFolder = versions.filter((v) => v.publishedBy === CATALOGUE_AUTHOR).sort((a, b) => b.version - a.version)[0];
  if ((fromFolder && sameContent(fromFolder, draft)) || (latest && sameContent(latest, draft))) return { code, file, draft, outcome: 'unchanged' as const };
  if (versions.some((v) => v.publishedBy === CATALOGUE_AUTHOR && sameContent(v, draft))) return { code, file, draft, outcome: 'superseded' as const };
  if (versions.length) problems.push(...effectiveFromErrors(draft.effectiveFrom, today).map((e) => `${file}: ${e.field}: ${e.message}`));
  return { code, file, draft, outcome: 'publish', version: nextVersion(versions) };
}

/**
 * Load a centre's catalogue into the table: the one loader of the deploy (the custom resource,
 * functions/load-catalogue) and of the local runtime. Idempotent; never deletes anything.
 * Everything is read and checked first: if any of it cannot be loaded (a date before today on a
 * new version) nothing at all is written, so a failed deploy leaves the table as it was.
 * Agencies' systems' clients are not the folder's: npm run agency-client maps them (CLIENT#<clientId>).
 */
export async function loadCatalogue(catalogue: Catalogue): Promise<LoadSummary> {
  const summary: LoadSummary = {
    agencies: { written: [], unchanged: 0, keptOperatorsVersion: [] },
    procedures: { published: [], unchanged: 0, supersededKept: [] },
    calendars: { written: [], unchanged: 0, keptOperatorsVersion: [] },
    groupsCreated: [],
    branches: { written: [], unchanged: 0, keptOperatorsVersion: [] },
  };
  const problems: string[] = [];
  // 1. read and check
  const agencies = await Promise.all(
    catalogue.agencies.map(async (a) => ({ agency: a, plan: await planOwned(keys.agency(a.code), agencyContent(a), (s) => agencyContent(s as unknown as Agency)) })),
  );
  // a branch's code is its dossiers' prefix and day counter: never an agency's, nor one added
  // through PUT /agencies since (the folder's own agencies are checked when it is parsed)
  const folderAgencies = new Set(catalogue.agencies.map((a) => a.code));
  const branches = await Promise.all(
    (catalogue.profile.branches ?? []).map(async (b) => {
      if (!folderAgencies.has(b.code) && (await getItem(keys.agency(b.code)))) {
        problems.push(`centre.json: branches: ${b.code} is the code of an agency added through PUT /agencies: a branch needs a prefix of its own`);
      }
      return { branch: b, plan: await planOwned(keys.branch(b.code), branchContent(b), (s) => branchContent(s as unknown as Branch)) };
    }),
  );
  const today = localDate(now());
  const procedures: ProcedurePlan[] = [];
  for (const p of catalogue.procedures) procedures.push(await planProcedure(p.code, p.file, p.draft, today, problems));
  const calendars = await Promise.all(
    calendarYears(loadBundledCalendarYears(), catalogue.calendars).map(async (year) => ({
      year: year.year,
      plan: await planOwned(keys.calendar(year.year), { calendar: year }, (s) => s.calendar),
    })),
  );
  const evaluation = catalogue.evaluation ? await planOwned(keys.evaluationForm(), { form: catalogue.evaluation }, (s) => s.form) : undefined;
  if (problems.length) throw new CatalogueLoadError(problems);

  // 2. write
  for (const { agency, plan } of agencies) {
    const outcome = await writeOwned(plan);
    if (outcome === 'written') summary.agencies.written.push(agency.code);
    else if (outcome === 'kept') summary.agencies.keptOperatorsVersion.push(agency.code);
    else summary.agencies.unchanged++;
    if (await ensureAgencyGroup(agency.code, agency.name.en)) summary.groupsCreated.push(agency.code);
  }
  // a branch desk's officers' group (data: a new branch is a new group at the next load, no template change)
  for (const { branch, plan } of branches) {
    const outcome = await writeOwned(plan);
    if (outcome === 'written') summary.branches.written.push(branch.code);
    else if (outcome === 'kept') summary.branches.keptOperatorsVersion.push(branch.code);
    else summary.branches.unchanged++;
    if (await ensureBranchGroup(branch.code, branch.name.en)) summary.groupsCreated.push(`branch-${branch.code}`);
  }
  for (const p of procedures) {
    if (p.outcome === 'unchanged') summary.procedures.unchanged++;
    else if (p.outcome === 'superseded') summary.procedures.supersededKept.push(p.code);
    else {
      const stored = { code: p.code, version: p.version, ...p.draft, publishedAt: toLocalIso(now()), publishedBy: CATALOGUE_AUTHOR };
      if (!(await putIfAbsent({ ...keys.procedure(p.code, p.version), ...stored }))) {
        throw new Error(`${p.file}: version ${p.version} of ${p.code} was published at the same moment; deploy again`);
      }
      summary.procedures.published.push(`${p.code}@${p.version}`);
    }
  }
  for (const { year, plan } of calendars) {
    const outcome = await writeOwned(plan);
    if (outcome === 'written') summary.calendars.written.push(year);
    else if (outcome === 'kept') summary.calendars.keptOperatorsVersion.push(year);
    else summary.calendars.unchanged++;
  }
  if (evaluation) summary.evaluation = await writeOwned(evaluation);
  return summary;
}

/** Something was written (false on a rerun with unchanged files). */
export const changedAnything = (s: LoadSummary) =>
  s.agencies.written.length + s.branches.written.length + s.procedures.published.length + s.calendars.written.length + (s.evaluation === 'written' ? 1 : 0) > 0;
