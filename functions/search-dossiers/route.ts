import { BatchGetCommand, QueryCommand } from '../commons/aws/dynamodb';
import * as z from 'zod';
import { documentClient, tableName } from '../commons/aws';
import { badRequest } from '../commons/http';
import { openShardKeys, scanOpenPage } from '../commons/open-index';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { searchPartition, tokenKey } from '../commons/search-index';
import { getDossier, keys, listBranches } from '../commons/store';
import { branchesOf, hasRole, type Caller } from '../commons/access';
import { opsPartition, waitingDeskKey } from '../commons/ops-index';
import { DossierList } from '../contracts/responses';
import { toLocalIso } from '../core/local-time';
import { DOSSIER_CODE, type Dossier } from '../core/dossier';
import { phoneDigits, queryToken } from '../core/search-tokens';
import { fold } from '../core/text';

export const SearchQuery = z
  .object({
    q: z.string({ error: 'a dossier code, an applicant name or a phone number' }).trim().min(2, 'at least 2 characters').max(100).optional(),
    /** Open dossiers in this status only (5: waiting for a supplement, the desk's list). */
    status: z.coerce.number().int().min(1).max(10).optional(),
    /** The next page: `nextCursor` of the answer before, with the same q and status. */
    cursor: z.string().regex(/^[A-Za-z0-9_-]{1,1200}$/, 'not a cursor this route gave').optional(),
  })
  .refine((x) => x.q !== undefined || x.status !== undefined, { message: 'give q, status or both', path: ['q'] });

/** Dossiers on a page. */
const LIMIT = 50;
/** Index items read for one page at most (then `nextCursor`): a token shared by many names costs pages, not a longer wait. */
const READ_BUDGET = 200;
/** Open dossiers read per shard for one page of a status alone (16 shards: 800 items at most). */
const STATUS_PER_SHARD = 50;

const row = (d: Dossier) => ({
  code: d.code,
  status: d.status,
  procedure: { code: d.procedure.code, name: d.procedure.name },
  applicantName: d.applicant.name,
  receivedAt: toLocalIso(d.receivedAt),
  appointmentAt: toLocalIso(d.appointmentAt),
});

const invalidCursor = () => badRequest('Invalid cursor', [{ field: 'cursor', message: 'not a cursor this route gave' }]);
const encode = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
function decode<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor();
  }
}
/** Where a search by token stopped: the last index item's sort key (`<receivedAt>#<code>`). */
const TokenCursor = z.object({ at: z.string().max(80).regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z#[A-Z0-9]{2,12}-\d{6}-\d{4,}$/) }).strict();
/** Where a waiting list stopped: the desk being read (its place in the caller's list) and its last sort key there. */
const WaitingCursor = z
  .object({ desk: z.number().int().min(0).max(1000), at: z.string().max(80).regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z#[A-Z0-9]{2,12}-\d{6}-\d{4,}$/).optional() })
  .strict();
/** Where a status list stopped: each shard with more, and its last code read. */
const StatusCursor = z
  .object({ shards: z.record(z.string(), z.string().regex(DOSSIER_CODE).nullable()) })
  .strict()
  .refine((c) => Object.keys(c.shards).length > 0 && Object.keys(c.shards).every((k) => openShardKeys().includes(k)));

/**
 * The candidates' rows, in one BatchGetItem (up to 100 keys): the fields a row shows and the
 * check needs, not the whole dossier (its procedure version is most of it). Missing ones (an index
 * item written before a dossier that never came) are left out.
 */
async function readRows(codes: string[]): Promise<Dossier[]> {
  const found = new Map<string, Dossier>();
  let wanted: Record<string, unknown>[] = [...new Set(codes)].map((c) => keys.dossier(c));
  for (let attempt = 0; wanted.length; attempt++) {
    if (attempt) await new Promise((ok) => setTimeout(ok, Math.min(500, 25 * 2 ** attempt)));
    const out = await documentClient().send(
      new BatchGetCommand({
        RequestItems: {
          [tableName()]: {
            Keys: wanted,
            ProjectionExpression: '#code, #status, #p.#pcode, #p.#pname, #a.#name, #a.#phone, receivedAt, appointmentAt, closedAt',
            ExpressionAttributeNames: { '#code': 'code', '#status': 'status', '#p': 'procedure', '#pcode': 'code', '#pname': 'name', '#a': 'applicant', '#name': 'name', '#phone': 'phone' },
          },
        },
      }),
    );
    for (const d of (out.Responses?.[tableName()] ?? []) as unknown as Dossier[]) found.set(d.code, d);
    wanted = out.UnprocessedKeys?.[tableName()]?.Keys ?? [];
  }
  return codes.map((c) => found.get(c)).filter((d): d is Dossier => d !== undefined);
}

const newestFirst = (a: Dossier, b: Dossier) => b.receivedAt.localeCompare(a.receivedAt) || b.code.localeCompare(a.code);

/** One page of a GSI1 partition of index items (search tokens, a desk's WAITING items), newest first, and the dossiers they name. */
async function indexPage(pk: string, start: Record<string, unknown> | undefined, limit: number) {
  const out = await documentClient().send(
    new QueryCommand({ TableName: tableName(), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false, Limit: limit, ExclusiveStartKey: start }),
  );
  const items = out.Items ?? [];
  return { read: items.length, dossiers: items.length ? await readRows(items.map((i) => String(i.code))) : [], last: out.LastEvaluatedKey };
}

/**
 * The open dossiers of one token (core/search-tokens.ts), newest first, each checked against the
 * whole query on the dossier itself (the old rule: the name without diacritics contains the
 * text, or the phone's digits contain the query's, or the code ends with the digits typed). At most READ_BUDGET index items a page.
 */
async function byToken(token: string, q: string, status: number | undefined, cursor: string | undefined) {
  const key = tokenKey(token);
  const text = fold(q);
  const phone = phoneDigits(q);
  const end = q.trim().toUpperCase();
  const matches = (d: Dossier) =>
    fold(d.applicant.name).includes(text) || (phone.length >= 4 && phoneDigits(d.applicant.phone ?? '').includes(phone)) || (/^\d{4,}$/.test(end) && d.code.endsWith(end));
  const at = cursor ? decode(cursor, TokenCursor).at : undefined;
  let start: Record<string, unknown> | undefined = at ? { PK: searchPartition(at.slice(at.indexOf('#') + 1)), SK: key, GSI1PK: key, GSI1SK: at } : undefined;
  const found: Dossier[] = [];
  let searched = 0;
  do {
    // never more than the page has room for: the cursor then stands right after the last one shown
    const page = await indexPage(key, start, Math.min(LIMIT - found.length, READ_BUDGET - searched));
    searched += page.read;
    for (const d of page.dossiers) if (d?.applicant && !d.closedAt && (status === undefined || d.status === status) && matches(d)) found.push(d);
    start = page.last;
  } while (start && found.length < LIMIT && searched < READ_BUDGET);
  return reply(200, { dossiers: found.map(row), searched, ...(start ? { nextCursor: encode({ at: String(start.GSI1SK) }) } : {}) });
}

/**
 * The desks whose waiting lists the caller reads: a desk officer its own (its branch, or the main
 * desk), an operator every desk (the main desk, then the branches by code).
 */
async function desksOf(caller: Caller): Promise<string[]> {
  if (hasRole(caller, 'desk')) {
    const branches = branchesOf(caller);
    return branches.length ? branches.map(waitingDeskKey) : [waitingDeskKey(undefined)];
  }
  return [waitingDeskKey(undefined), ...(await listBranches()).map((b) => waitingDeskKey(b.code))];
}

/**
 * The dossiers waiting for a supplement (status 5), a desk's newest first, from the WAITING items
 * (commons/ops-index.ts): one query of a desk's partition per page (the next desk's when one is
 * read to its end), checked on the dossiers (an item left behind is skipped). Reads the page, not
 * the open set.
 */
async function byWaiting(caller: Caller, cursor: string | undefined) {
  const desks = await desksOf(caller);
  const from = cursor ? decode(cursor, WaitingCursor) : { desk: 0, at: undefined };
  if (from.desk >= desks.length) throw invalidCursor();
  let desk = from.desk;
  let at = from.at;
  const found: Dossier[] = [];
  let searched = 0;
  while (desk < desks.length && found.length < LIMIT && searched < READ_BUDGET) {
    const pk = desks[desk]!;
    const start = at ? { PK: opsPartition(at.slice(at.indexOf('#') + 1)), SK: 'WAITING', GSI1PK: pk, GSI1SK: at } : undefined;
    const page = await indexPage(pk, start, Math.min(LIMIT - found.length, READ_BUDGET - searched));
    searched += page.read;
    for (const d of page.dossiers) if (d.applicant && !d.closedAt && d.status === 5) found.push(d);
    if (page.last) at = String(page.last.GSI1SK);
    else {
      desk++;
      at = undefined;
    }
  }
  const next = desk < desks.length ? encode({ desk, ...(at ? { at } : {}) }) : undefined;
  return reply(200, { dossiers: found.map(row), searched, ...(next ? { nextCursor: next } : {}) });
}

/** The open dossiers in one status: one bounded pass over the open index's shards, then `nextCursor`. */
async function byStatus(status: number, cursor: string | undefined) {
  const from = cursor ? decode(cursor, StatusCursor).shards : undefined;
  const page = await scanOpenPage(from, STATUS_PER_SHARD, {
    FilterExpression: '#status = :status',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':status': status },
  });
  const found = (page.items as unknown as Dossier[]).filter((d) => d.applicant && !d.closedAt).sort(newestFirst);
  return reply(200, { dossiers: found.map(row), searched: page.read, ...(page.next ? { nextCursor: encode({ shards: page.next }) } : {}) });
}

/**
 * GET /dossiers?q=&status=&cursor= (desk, operators): a dossier by its code (closed ones too), or
 * the open dossiers whose applicant's name (diacritics ignored, from the start of a word) or
 * phone (from its first digits, or its last 4 to 6) matches, newest first, and/or in one status.
 * Read from the search index kept with each open dossier (commons/search-index.ts), a page at a
 * time (`nextCursor`): the reads are bounded by the page, not by how many dossiers are open.
 * The query is personal data: it is never logged, and the index's keys are hashes.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/dossiers',
  summary: 'Search dossiers by code, applicant name or phone (desk, operators)',
  operationId: 'searchDossiers',
  roles: ['desk', 'operator'],
  access: { table: ['GetItem', 'Query', 'BatchGetItem'] },
  query: SearchQuery,
  responses: { 200: DossierList },
  errors: OFFICER_ERRORS,
  handler: async ({ caller, query: { q, status, cursor } }) => {
    const code = (q ?? '').toUpperCase();
    if (DOSSIER_CODE.test(code)) {
      const d = await getDossier(code);
      const hit = d && (status === undefined || d.status === status);
      return reply(200, { dossiers: hit ? [row(d)] : [], searched: 1 });
    }
    if (q === undefined) return status === 5 ? byWaiting(caller, cursor) : byStatus(status!, cursor);
    const token = queryToken(q);
    if (!token) return reply(200, { dossiers: [], searched: 0 });
    return byToken(token, q, status, cursor);
  },
});
