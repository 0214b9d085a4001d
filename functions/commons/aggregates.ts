import { randomUUID } from 'node:crypto';
import { BatchGetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { logger } from './powertools';
import { workingCalendar } from './calendar';
import { isConditionFailed, queryAll, queryIndex } from './store';
import { computeBucket, emptyBucket, mergeBuckets, type Bucket } from '../core/aggregates';
import type { Dossier, Step } from '../core/dossier';
import { localDate } from '../core/local-time';
import { addDays } from '../core/report-periods';
import { localDayRange } from '../core/records';
import { inParallel } from './in-parallel';
import type { Slice } from '../core/aggregate-figures';

/**
 * The timeliness aggregates' items and their maintenance (docs/performance.md, "Aggregates"):
 *   AGG#<local day> / A#<agency>   the bucket of one agency's logbook slice of that day (its steps
 *                                  assigned, the dossiers received at its desk), counted by
 *                                  functions/core/aggregates.ts
 *   AGG#<local day> / DAY          the sum of that day's agency buckets: what a report reads
 * Each item has `marks` (how many times a fact of it changed: ADD 1) and `seen` (the marks it had
 * when last computed). Fresh when `seen = marks`. A fact's change marks the buckets its dossier is
 * in (`markDossier`: the stream on AWS, the local table's proxy here), agency bucket first, then
 * the day. A reader recomputes what is stale or missing — from that slice's facts only, SETTING
 * the counts, so a retry, a replay or two readers at once cannot count anything twice — and
 * stores it on the condition that no mark came meanwhile (else it stays stale for the next one).
 */

const MARKS = '#m';
const SEEN = '#s';
const BUCKET = '#b';
const names = { [MARKS]: 'marks', [SEEN]: 'seen', [BUCKET]: 'bucket' };

export const aggregateKeys = {
  agency: (day: string, agency: string) => ({ PK: `AGG#${day}`, SK: `A#${agency}` }),
  day: (day: string) => ({ PK: `AGG#${day}`, SK: 'DAY' }),
  /** The buckets a dossier's facts were ever in (`<day>|<agency>`), kept beside them. */
  counted: (code: string) => ({ PK: `DOSSIER#${code}`, SK: 'AGGREGATES' }),
};

interface AggItem {
  /** A day item: the agencies whose buckets it added up (an empty one has no item). */
  agencies?: string[];
  marks?: number;
  seen?: number;
  /** A day item: a new value each time it is stored (what the per-instance cache of day buckets is keyed by). */
  v?: string;
  /** The counts, as JSON text (one string attribute: a year's 366 days read and parsed in a blink, not unmarshalled map by map). */
  bucket?: Bucket | string;
}
const bucketOf = (i: AggItem & { bucket: Bucket | string }): Bucket => (typeof i.bucket === 'string' ? (JSON.parse(i.bucket) as Bucket) : i.bucket);
const isEmpty = (b: Bucket) => !Object.keys(b.steps).length && !Object.keys(b.dossiers).length && !b.skipped.length;
/** Fresh: computed since its last mark, and with the figures' counts (a bucket stored before them is recomputed). */
const fresh = (i: AggItem | undefined): i is AggItem & { bucket: Bucket | string } =>
  !!i?.bucket && i.seen === (i.marks ?? 0) && (typeof i.bucket === 'string' ? i.bucket.includes('"fig":') : !!i.bucket.fig);

/** The local days from one to another, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** A logbook item's instant (its GSI2 sort key's first part, else the receipt or assignment). */
const instantOf = (item: Record<string, unknown>) =>
  String(typeof item.GSI2SK === 'string' ? item.GSI2SK.split('#')[0] : (item.assignedAt ?? item.receivedAt));

// ---------------------------------------------------------------------------------------------
// Marking: a fact changed

/**
 * Mark stale every bucket a dossier's facts are in: the day of its receipt in its desk's logbook,
 * the day of each step's assignment in its agency's — and every bucket they were in before. Idempotent in effect (a mark only makes a
 * recompute happen); run AFTER the fact is written, so that the recompute it causes sees it.
 */
export async function markDossier(code: string, db: DynamoDBDocumentClient = documentClient()): Promise<number> {
  const out = await db.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `DOSSIER#${code}` },
      ProjectionExpression: 'GSI2PK, GSI2SK',
      ConsistentRead: true,
    }),
  );
  const now = new Set<string>();
  for (const i of out.Items ?? []) {
    const m = typeof i.GSI2PK === 'string' ? /^LOG#([^#]+)#/.exec(i.GSI2PK) : null;
    if (m && typeof i.GSI2SK === 'string') now.add(`${localDate(i.GSI2SK.split('#')[0]!)}|${m[1]}`);
  }
  if (!now.size) return 0;
  // every bucket the dossier was ever counted in (a set that only grows, atomically): a fact that
  // left a bucket (a step assigned again, on another day) leaves that one stale too
  const ever = await db.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: aggregateKeys.counted(code),
      UpdateExpression: 'ADD #in :now',
      ExpressionAttributeNames: { '#in': 'buckets' },
      ExpressionAttributeValues: { ':now': now },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const buckets = new Set<string>([...now, ...((ever?.Attributes?.buckets as Set<string> | undefined) ?? [])]);
  const mark = (key: { PK: string; SK: string }) =>
    db.send(new UpdateCommand({ TableName: tableName(), Key: key, UpdateExpression: `ADD ${MARKS} :one`, ExpressionAttributeNames: { [MARKS]: 'marks' }, ExpressionAttributeValues: { ':one': 1 } }));
  for (const b of [...buckets].sort()) {
    const [day, agency] = b.split('|') as [string, string];
    await mark(aggregateKeys.agency(day, agency));
    await mark(aggregateKeys.day(day));
  }
  return buckets.size;
}

/** Does a written key hold a fact the aggregates count (the dossier, a step, an apology)? */
export const isFactKey = (pk: string, sk: string) => pk.startsWith('DOSSIER#') && (sk === 'META' || sk.startsWith('STEP#') || sk.startsWith('APOLOGY#'));

// ---------------------------------------------------------------------------------------------
// Computing: from one slice's facts


/** Runs of consecutive days within one month (one logbook query each). */
function runs(days: string[]): string[][] {
  const out: string[][] = [];
  for (const d of [...days].sort()) {
    const last = out.at(-1);
    if (last && addDays(last.at(-1)!, 1) === d && last[0]!.slice(0, 7) === d.slice(0, 7)) last.push(d);
    else out.push([d]);
  }
  return out;
}

/** Count an agency's logbook slices of some days from their facts: one query per run of days. */
export async function computeAgencyDays(agency: string, days: string[]): Promise<Map<string, Bucket>> {
  const cal = await workingCalendar();
  const out = new Map<string, Bucket>();
  for (const run of runs(days)) {
    const range: [string, string] = [localDayRange(run[0]!)[0], localDayRange(run.at(-1)!)[1]];
    const items = await queryIndex(`LOG#${agency}#${run[0]!.slice(0, 7)}`, 'GSI2', range);
    const byDay = new Map<string, { received: Dossier[]; steps: Step[] }>(run.map((d) => [d, { received: [], steps: [] }]));
    const dossiers = new Map<string, Dossier>();
    for (const item of items) {
      const slice = byDay.get(localDate(instantOf(item)));
      if (!slice) continue;
      if (typeof item.stepId === 'string') slice.steps.push(item as unknown as Step);
      else if (item.procedure && item.applicant) {
        slice.received.push(item as unknown as Dossier);
        dossiers.set(String(item.code), item as unknown as Dossier);
      }
    }
    const codes = [...new Set([...byDay.values()].flatMap((x) => [...x.received.map((d) => d.code), ...x.steps.map((st) => st.code)]))];
    const whole = await dossierFacts(codes);
    for (const [day, slice] of byDay) {
      const own = new Map<string, Dossier>();
      for (const d of slice.received) own.set(d.code, whole.get(d.code)?.dossier ?? d);
      for (const st of slice.steps) {
        const d = whole.get(st.code)?.dossier;
        if (d) own.set(st.code, d);
      }
      const slices = new Map<string, Slice[]>();
      const allSteps = new Map<string, Step[]>();
      for (const code of own.keys()) {
        slices.set(code, whole.get(code)?.slices ?? []);
        allSteps.set(code, whole.get(code)?.steps ?? []);
      }
      out.set(day, computeBucket(cal, { ...slice, dossiers: own, slice: { day, agency }, slices, allSteps }));
    }
  }
  return out;
}

/**
 * Each dossier's facts as the figures need them (functions/core/aggregate-figures.ts): the dossier,
 * its every step, and every logbook slice it is in (its receipt's, its steps'). One query each, a
 * few at a time — what reading the dossier alone cost before.
 */
async function dossierFacts(codes: string[]): Promise<Map<string, { dossier: Dossier; steps: Step[]; slices: Slice[] }>> {
  const out = new Map<string, { dossier: Dossier; steps: Step[]; slices: Slice[] }>();
  await inParallel(codes, 8, async (code) => {
    const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `DOSSIER#${code}` }, ConsistentRead: true });
    let dossier: Dossier | undefined;
    const steps: Step[] = [];
    const slices: Slice[] = [];
    for (const item of items) {
      const sk = String(item.SK);
      const { PK: _p, SK: _s, GSI1PK: _g1, GSI1SK: _g2, GSI2PK, GSI2SK, ...rest } = item;
      if (sk === 'META') dossier = rest as unknown as Dossier;
      else if (sk.startsWith('STEP#')) steps.push(rest as unknown as Step);
      else continue;
      const m = typeof GSI2PK === 'string' ? /^LOG#([^#]+)#/.exec(GSI2PK) : null;
      if (m && typeof GSI2SK === 'string') slices.push({ day: localDate(GSI2SK.split('#')[0]!), agency: m[1]!, ...(sk === 'META' ? {} : { stepId: String(item.stepId) }) });
    }
    if (dossier) out.set(code, { dossier, steps, slices });
  });
  return out;
}

/** Store a computed bucket unless a mark came after `marks` was read (then it stays stale). */
async function store(key: { PK: string; SK: string }, bucket: Bucket, marks: number, agencies?: string[]): Promise<void> {
  const v = randomUUID();
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: `SET ${BUCKET} = :b, ${SEEN} = :m, ${MARKS} = if_not_exists(${MARKS}, :m)${agencies ? ', agencies = :a, v = :v' : ''}`,
        ConditionExpression: `attribute_not_exists(${MARKS}) OR ${MARKS} = :m`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':b': JSON.stringify(bucket), ':m': marks, ...(agencies ? { ':a': agencies, ':v': v } : {}) },
      }),
    );
    if (agencies) remember(key.PK, v, bucket);
  } catch (error) {
    // a cache: not storing it (a mark came meanwhile, or an item over DynamoDB's 400 KB) only makes the next read recompute it
    if (!isConditionFailed(error)) logger.warn('aggregates: a bucket was not stored', { bucket: `${key.PK}/${key.SK}`, error: (error as Error).message });
  }
}

/** Items by key, 100 a request (what a batch leaves unprocessed, asked again); absent ones left out. */
async function getMany(list: { PK: string; SK: string }[], head = false): Promise<Map<string, AggItem>> {
  // head: the item without its bucket (marks, seen, v, agencies): what says whether a cached bucket is still the one stored
  const projection = head ? { ProjectionExpression: 'PK, SK, #m, #s, v, agencies', ExpressionAttributeNames: { '#m': 'marks', '#s': 'seen' } } : {};
  const out = new Map<string, AggItem>();
  for (let i = 0; i < list.length; i += 100) {
    let keys: Record<string, unknown>[] = list.slice(i, i + 100);
    for (let round = 0; keys.length && round < 8; round++) {
      const res = await documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true, ...projection } } }));
      for (const item of res?.Responses?.[tableName()] ?? []) out.set(`${String(item.PK)}|${String(item.SK)}`, item as AggItem);
      keys = res?.UnprocessedKeys?.[tableName()]?.Keys ?? [];
      if (keys.length) await new Promise((ok) => setTimeout(ok, 20 * 2 ** round));
    }
    if (keys.length) throw new Error('aggregates: the table kept some keys unprocessed');
  }
  return out;
}


/**
 * Each day's bucket (every agency of `agencies`) for a period: the day items that are fresh as
 * they are (one read a day); a stale or missing day from its agency buckets, recomputing those
 * stale or missing from the logbook (per agency, one query per run of consecutive days), then
 * stored — agency buckets, then the day — for the next reader. An agency slice that was empty
 * when its day was last computed and has had no mark since has no item (`agencies` of the day
 * item lists those counted): nothing to read or write for it. A day never computed nor marked has
 * no agency item either (a mark creates the agency's before the day's): its partition is not read.
 */
export async function dayBuckets(from: string, to: string, agencies: string[]): Promise<Map<string, Bucket>> {
  const days = daysBetween(from, to);
  const out = new Map<string, Bucket>();
  const stale = new Map<string, { marks: number; counted: Set<string>; items: Map<string, AggItem> }>();
  const dayItems = await readDays(days);
  for (const day of days) {
    const item = dayItems.get(`AGG#${day}|DAY`);
    if (fresh(item)) out.set(day, bucketOf(item));
    else stale.set(day, { marks: item?.marks ?? 0, counted: new Set(item?.agencies ?? []), items: new Map() });
  }
  if (!stale.size) return out;
  // the stale days' agency buckets: fresh ones as they are, the others to recompute
  await inParallel([...stale].filter(([, s]) => s.marks > 0), 16, async ([day, s]) => {
    const items = await documentClient().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)', ExpressionAttributeValues: { ':pk': `AGG#${day}`, ':a': 'A#' }, ConsistentRead: true }),
    );
    for (const i of items?.Items ?? []) s.items.set(String(i.SK).slice(2), i as AggItem);
  });
  const perDay = new Map<string, Bucket[]>([...stale.keys()].map((d) => [d, []]));
  // an agency bucket found that the list lacks (a catalogue read a minute old) is counted all the same
  const every = [...new Set([...agencies, ...[...stale.values()].flatMap((s) => [...s.items.keys()])])];
  await inParallel(every, 8, async (agency) => {
    const redo: string[] = [];
    for (const [day, s] of stale) {
      const item = s.items.get(agency);
      if (fresh(item)) perDay.get(day)!.push(bucketOf(item));
      else if (item || !s.counted.has(agency)) redo.push(day);
    }
    if (!redo.length) return;
    const computed = await computeAgencyDays(agency, redo);
    for (const day of redo) {
      const bucket = computed.get(day) ?? emptyBucket();
      perDay.get(day)!.push(bucket);
      const item = stale.get(day)!.items.get(agency);
      if (item || !isEmpty(bucket)) await store(aggregateKeys.agency(day, agency), bucket, item?.marks ?? 0);
    }
  });
  await inParallel([...stale.keys()], 16, async (day) => {
    const bucket = mergeBuckets(perDay.get(day)!);
    out.set(day, bucket);
    await store(aggregateKeys.day(day), bucket, stale.get(day)!.marks, every);
  });
  return out;
}

const dayCache = new Map<string, { v: string; bucket: Bucket }>();
const cacheSize = () => Number(process.env.DAY_CACHE_ITEMS ?? 100);
const cacheScope = () => `${process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''}|${tableName()}|`;

/** A day's bucket as stored with version `v` (read whole, or just stored by this instance). */
function remember(pk: string, v: string, bucket: Bucket): void {
  const size = cacheSize();
  if (!(size > 0)) return;
  const id = cacheScope() + pk;
  dayCache.delete(id);
  dayCache.set(id, { v, bucket });
  // the oldest first out (a Map keeps its insertion order)
  while (dayCache.size > size) dayCache.delete(dayCache.keys().next().value!);
}

/**
 * The day items of a period. With the per-instance cache (`DAY_CACHE_ITEMS`, default 100 days;
 * 0: off, every bucket read every call as before), first the items' heads (marks, seen, v — a few
 * bytes each), then the whole item only of the fresh days whose stored version `v` this instance
 * has not parsed yet: a fresh day item's bucket is the one stored with its `v` (every store writes
 * a new one), so a cached bucket is never served once the item was recomputed or marked. A month's
 * dashboard then reads 30 heads, not 30 buckets of ~50 KB each.
 */
async function readDays(days: string[]): Promise<Map<string, AggItem>> {
  const keys = days.map((d) => aggregateKeys.day(d));
  if (!(cacheSize() > 0)) return getMany(keys);
  const scope = cacheScope();
  const heads = await getMany(keys, true);
  const missing: { PK: string; SK: string }[] = [];
  for (const key of keys) {
    const id = `${key.PK}|${key.SK}`;
    const head = heads.get(id);
    if (!head || head.seen === undefined || head.seen !== (head.marks ?? 0)) continue; // stale or absent: recomputed
    const hit = head.v ? dayCache.get(scope + key.PK) : undefined;
    if (hit && hit.v === head.v) heads.set(id, { ...head, bucket: hit.bucket });
    else missing.push(key);
  }
  const full = missing.length ? await getMany(missing) : new Map<string, AggItem>();
  for (const [id, item] of full) {
    heads.set(id, item);
    if (!fresh(item) || !item.v) continue;
    const bucket = bucketOf(item);
    heads.set(id, { ...item, bucket });
    remember(id.split('|')[0]!, item.v, bucket);
  }
  return heads;
}

/** The period's bucket: every day's, added up. */
export async function periodBucket(from: string, to: string, agencies: string[]): Promise<Bucket> {
  const days = await dayBuckets(from, to, agencies);
  return mergeBuckets(daysBetween(from, to).map((d) => days.get(d) ?? emptyBucket()));
}
