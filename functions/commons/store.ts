import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput, type UpdateCommandInput } from './aws/dynamodb';
import type { Apology, Dossier, Step } from '../core/dossier';
import type { Agency, Procedure } from '../core/model';
import type { Branch } from '../core/centre';
import type { DocumentRecord } from '../core/documents';
import { documentClient, tableName } from './aws';
import { localDate } from '../core/local-time';
import { isFeedbackCode } from '../core/feedback';
import type { EmailItem } from './email-store';

/**
 * The single table. Keys:
 *   DOSSIER#<code> / META            the dossier (the only item with personal data)
 *   DOSSIER#<code> / STEP#<stepId>   an agency step; GSI1 QUEUE#<agency>[#<branch>] while pending
 *   DOSSIER#<code> / APOLOGY#<stepId>#<n>  an apology fact (a lapse or a reported delay)
 *   DOSSIER#<code> / EMAIL#<eventKey>    one email per (dossier, event); FEEDBACK#<PA-…> / EMAIL#… a feedback item's
 *   FEEDBACK#<code> / …              citizens' feedback (commons/feedback-store.ts)
 *   DOSSIER#<code> / DOCUMENT#<id>   an uploaded document (commons/document-store.ts)
 *   CATALOGUE / PROCEDURE#<code>#<vvvv>, CATALOGUE / AGENCY#<code>, CALENDAR / YEAR#<yyyy>
 *   COUNTER#<agency>#<yymmdd> / COUNTER   the day's last number, and the requests in flight
 *   INTAKE#<request> / INTAKE             the number a finished intake request got (3 days)
 * Open dossiers carry GSI1PK=OPEN#<n> (commons/open-index.ts: 16 shards by a hash of the code) so that
 * a restart can resume each of them; an open dossier's search index items (TOKENS#<code> / SEARCH#<h>,
 * GSI1 SEARCH#<h>) are in commons/search-index.ts.
 * GSI2 is the logbook: dossiers (by receiving desk) and steps (by agency) under
 * LOG#<agency>#<local yyyy-mm>, sorted by receipt / assignment instant.
 */
export const keys = {
  dossier: (code: string) => ({ PK: `DOSSIER#${code}`, SK: 'META' }),
  step: (code: string, stepId: string) => ({ PK: `DOSSIER#${code}`, SK: `STEP#${stepId}` }),
  apology: (code: string, stepId: string, n: number) => ({ PK: `DOSSIER#${code}`, SK: `APOLOGY#${stepId}#${n}` }),
  /** A dossier's letters; a feedback item's (PA-…) live under its own partition. */
  email: (code: string, eventKey: string) => ({ PK: `${isFeedbackCode(code) ? 'FEEDBACK' : 'DOSSIER'}#${code}`, SK: `EMAIL#${eventKey}` }),
  procedure: (code: string, version: number) => ({
    PK: 'CATALOGUE',
    SK: `PROCEDURE#${code}#${String(version).padStart(4, '0')}`,
  }),
  agency: (code: string) => ({ PK: 'CATALOGUE', SK: `AGENCY#${code}` }),
  branch: (code: string) => ({ PK: 'CATALOGUE', SK: `BRANCH#${code}` }),
  /** The citizens' evaluation form (config/<centre>/evaluation.json, written by the catalogue loader). */
  evaluationForm: () => ({ PK: 'CATALOGUE', SK: 'EVALUATION' }),
  calendar: (year: number) => ({ PK: 'CALENDAR', SK: `YEAR#${year}` }),
  counter: (agency: string, yymmdd: string) => ({ PK: `COUNTER#${agency}#${yymmdd}`, SK: 'COUNTER' }),
  intake: (request: string) => ({ PK: `INTAKE#${request}`, SK: 'INTAKE' }),
};

/**
 * An agency's queue (GSI1) while a step is pending: soonest due first; a paused step last. A
 * branch's return steps have the branch's own queue (QUEUE#<desk agency>#<branch>).
 */
export const stepQueueKeys = (s: Pick<Step, 'agency' | 'code' | 'stepId' | 'branch'>, dueAt: string | null) => ({
  GSI1PK: queueKey(s.agency, s.branch),
  GSI1SK: `${dueAt ?? '9999'}#${s.code}#${s.stepId}`,
});

/** The queue of an agency, or of a branch desk's return steps. */
export const queueKey = (agency: string, branch?: string) => (branch ? `QUEUE#${agency}#${branch}` : `QUEUE#${agency}`);

/** Logbook keys: by agency and local month, sorted by the instant (UTC ISO) and the ids. */
export const logbookKeys = (agency: string, instant: string, ...ids: string[]) => ({
  GSI2PK: `LOG#${agency}#${localDate(instant).slice(0, 7)}`,
  GSI2SK: [instant, ...ids].join('#'),
});

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, GSI2PK: _g3, GSI2SK: _g4, ...rest } = item;
  return rest as T;
};

export const isConditionFailed = (e: unknown) => (e as Error)?.name === 'ConditionalCheckFailedException';

/** One item, read consistently unless told otherwise; undefined when absent. */
/**
 * A branch desk of the centre (centre.json's branches, written by the catalogue loader): read from
 * the table, not from the functions' environment, so that a branch is data (no template change,
 * and no growth of CENTRE_PROFILE towards Lambda's 4 KB of environment).
 */
export async function getBranch(code: string): Promise<Branch | undefined> {
  const item = await getItem(keys.branch(code), false);
  if (!item) return undefined;
  const { code: c, name, address, openingHours, hotline } = item as unknown as Branch;
  return { code: c, name, address, openingHours, hotline };
}

/** Every branch desk of the centre (written by the catalogue loader), by code. */
export async function listBranches(): Promise<Branch[]> {
  return (await listCatalogue('BRANCH#'))
    .map((item) => {
      const { code, name, address, openingHours, hotline } = item as unknown as Branch;
      return { code, name, address, openingHours, hotline };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

export async function getItem(key: { PK: string; SK: string }, consistent = true): Promise<Record<string, unknown> | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }));
  return out.Item;
}

/** Every item a query matches, across pages. */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * A conditional update: the attributes it returns (per `ReturnValues`, `{}` without), or
 * undefined when its condition did not hold — the caller decides what that means.
 */
export async function updateIf(input: Omit<UpdateCommandInput, 'TableName'>): Promise<Record<string, unknown> | undefined> {
  try {
    const out = await documentClient().send(new UpdateCommand({ ...input, TableName: tableName() }));
    return out.Attributes ?? {};
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw error;
  }
}

export const getDossier = async (code: string, consistent = true) => strip<Dossier>(await getItem(keys.dossier(code), consistent));
export const getStep = async (code: string, stepId: string) => strip<Step>(await getItem(keys.step(code, stepId)));
export const getApology = async (code: string, stepId: string, n: number) => strip<Apology>(await getItem(keys.apology(code, stepId, n)));

/** All items of a dossier's partition, split by kind. */
export async function listDossierItems(code: string) {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': `DOSSIER#${code}` },
    ConsistentRead: true,
  });
  const of = <T>(prefix: string) =>
    items.filter((i) => String(i.SK).startsWith(prefix)).map((i) => strip<T>(i) as T);
  return {
    dossier: of<Dossier>('META')[0],
    steps: of<Step>('STEP#'),
    apologies: of<Apology>('APOLOGY#'),
    emails: of<EmailItem>('EMAIL#'),
    /** Uploaded documents (DOCUMENT#<id>), in the order recorded. */
    files: of<DocumentRecord>('DOCUMENT#').sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)),
  };
}

export function queryIndex(pk: string, index: 'GSI1' | 'GSI2' = 'GSI1', between?: [string, string]): Promise<Record<string, unknown>[]> {
  return queryAll({
    IndexName: index,
    KeyConditionExpression: `${index}PK = :pk${between ? ` AND ${index}SK BETWEEN :a AND :b` : ''}`,
    ExpressionAttributeValues: { ':pk': pk, ...(between ? { ':a': between[0], ':b': between[1] } : {}) },
  });
}

/** Catalogue items (procedure versions, agencies) under a prefix; consistent when a write depends on it. */
export function listCatalogue(prefix: string, consistent = false): Promise<Record<string, unknown>[]> {
  return queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
    ExpressionAttributeValues: { ':pk': 'CATALOGUE', ':p': prefix },
    ConsistentRead: consistent,
  });
}

/** Every version of every procedure, or of one procedure code. */
export async function listProcedures(code?: string): Promise<Procedure[]> {
  return (await listCatalogue(code ? `PROCEDURE#${code}#` : 'PROCEDURE#')).map((i) => strip<Procedure>(i) as Procedure);
}

export async function listAgencies(): Promise<Agency[]> {
  return (await listCatalogue('AGENCY#')).map((i) => strip<Agency>(i) as Agency);
}

const agencyCache = new Map<string, { until: number; agencies: Promise<Agency[]> }>();

/**
 * The catalogue's agencies for a read that only names rows (the reports' dashboard): kept per
 * instance for `CATALOGUE_CACHE_SECONDS` (default 60; 0 reads the catalogue every call, as before
 * issue 26), per table and endpoint. A rename or a new agency shows on every instance within that
 * time — on this one at once (put-agency forgets the list) — and nothing is stored that could stay
 * wrong: a summary item written beside the agencies would need a second, non-transactional write
 * in put-agency, the loader and every seeding, and could stay stale for good if one were missed.
 * Never for a write that depends on the catalogue (use listAgencies / listCatalogue consistent).
 */
export function cachedAgencies(): Promise<Agency[]> {
  const ttl = Number(process.env.CATALOGUE_CACHE_SECONDS ?? 60) * 1000;
  if (!(ttl > 0)) return listAgencies();
  const key = `${process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''}|${tableName()}`;
  const hit = agencyCache.get(key);
  if (hit && hit.until > Date.now()) return hit.agencies;
  const agencies = listAgencies();
  agencyCache.set(key, { until: Date.now() + ttl, agencies });
  // a failed read is not kept
  agencies.catch(() => agencyCache.get(key)?.agencies === agencies && agencyCache.delete(key));
  return agencies;
}

/** Forget the cached agencies (put-agency, after its write). */
export function forgetAgencies(): void {
  agencyCache.clear();
}

/** The version of a procedure in force on a local date (YYYY-MM-DD). */
export function versionInForce(all: Procedure[], code: string, localDate: string): Procedure | undefined {
  return all
    .filter((p) => p.code === code && p.effectiveFrom <= localDate)
    .sort((a, b) => b.version - a.version)[0];
}

export async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return true;
  } catch (e) {
    if (isConditionFailed(e)) return false;
    throw e;
  }
}

/**
 * The day's next sequence number for an agency, reserved for one intake request, with no gap and
 * no duplicate: the counter item keeps `r_<request>` = the number it gave, in the same single
 * write that advances it, so a retry of that request after a crash gets the same number back.
 * Once the dossier is written, `settleSequence` moves that binding to the request's own item and
 * removes it from the counter: the counter holds only the requests in flight, it does not grow
 * with the day's intakes.
 */
export async function reserveSequence(agency: string, yymmdd: string, request: string): Promise<number> {
  const settled = await getItem(keys.intake(request));
  if (settled && settled.counter === `${agency}#${yymmdd}`) return Number(settled.seq);
  const key = keys.counter(agency, yymmdd);
  const slot = `r_${request}`;
  const given = await updateIf({
    Key: key,
    UpdateExpression: 'SET seq = if_not_exists(seq, :zero) + :one, #slot = if_not_exists(seq, :zero) + :one',
    ConditionExpression: 'attribute_not_exists(#slot)',
    ExpressionAttributeNames: { '#slot': slot },
    ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    ReturnValues: 'UPDATED_NEW',
  });
  if (given) return Number(given.seq);
  const held = (await getItem(key))?.[slot];
  if (held !== undefined) return Number(held);
  // settled between the two reads
  return Number((await getItem(keys.intake(request)))!.seq);
}

/** The dossier is written: the request's number moves to its own item (first), then leaves the counter. */
export async function settleSequence(agency: string, yymmdd: string, request: string, seq: number, expiresAt: number): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...keys.intake(request), counter: `${agency}#${yymmdd}`, seq, expiresAt } }));
  await updateIf({ Key: keys.counter(agency, yymmdd), UpdateExpression: 'REMOVE #slot', ExpressionAttributeNames: { '#slot': `r_${request}` } });
}
