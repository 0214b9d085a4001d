import { DeleteCommand, PutCommand } from './aws/dynamodb';
import type { Applicant } from '../core/dossier';
import { applicantTokens, codeTokens } from '../core/search-tokens';
import { documentClient, tableName } from './aws';
import { sha256 } from './personal-data';
import { queryAll } from './store';
import { inParallel } from './in-parallel';

/**
 * The desk's search index: one item per (open dossier, token), beside the dossier's partition,
 *   TOKENS#<code> / SEARCH#<h>   GSI1 SEARCH#<h> / <receivedAt>#<code>   (newest first, read backwards)
 * where h is a hash of the token (core/search-tokens.ts), so that no name or phone number is ever
 * in a key (keys reach logs, metrics and the stream's consumers). The items hold the code only:
 * the answer's row is read from the dossier. Written when a dossier opens (received at the desk,
 * an online dossier accepted), rewritten when its phone is corrected, removed when it closes and
 * again, to be sure, when its personal data is anonymised: a closed dossier is found by its code.
 * Not in DOSSIER#<code>: every read of the dossier's partition (its page, each workflow task)
 * would read twenty-odd index items more, and the table's stream (filtered to DOSSIER# keys,
 * the national portal's outbox) would wake for each of their writes.
 */
export const searchPartition = (code: string) => `TOKENS#${code}`;
export const SEARCH_PREFIX = 'SEARCH#';
export const tokenKey = (token: string) => `${SEARCH_PREFIX}${sha256(`motcua-search\n${token}`).slice(0, 32)}`;

export const searchItemKeys = (code: string, token: string) => ({ PK: searchPartition(code), SK: tokenKey(token) });

/** The index items of an open dossier. */
export function searchItems(d: { code: string; receivedAt: string; applicant: Pick<Applicant, 'name' | 'phone'> }) {
  return [...new Set([...applicantTokens(d.applicant), ...codeTokens(d.code)])].map((token) => {
    const key = tokenKey(token);
    return { PK: searchPartition(d.code), SK: key, GSI1PK: key, GSI1SK: `${d.receivedAt}#${d.code}`, code: d.code };
  });
}

const put = (item: Record<string, unknown>) => documentClient().send(new PutCommand({ TableName: tableName(), Item: item }));
const remove = (key: { PK: string; SK: string }) => documentClient().send(new DeleteCommand({ TableName: tableName(), Key: key }));


/** The index items a dossier has now (keys only). */
async function indexedKeys(code: string): Promise<{ PK: string; SK: string }[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)',
    ExpressionAttributeValues: { ':pk': searchPartition(code), ':s': SEARCH_PREFIX },
    ProjectionExpression: 'PK, SK',
    ConsistentRead: true,
  });
  return items.map((i) => ({ PK: String(i.PK), SK: String(i.SK) }));
}

/**
 * Make the dossier's index items those of its applicant now: puts (the same item again is the same
 * item: a retry adds nothing), then the items of details it no longer has go.
 */
export async function indexForSearch(d: Parameters<typeof searchItems>[0], options: { fresh?: boolean } = {}): Promise<void> {
  const items = searchItems(d);
  await inParallel(items, 8, put);
  if (options.fresh) return;
  const wanted = new Set(items.map((i) => i.SK));
  await inParallel((await indexedKeys(d.code)).filter((k) => !wanted.has(k.SK)), 8, remove);
}

/** Every index item of the dossier removed (closed, refused, anonymised): it is found by its code only. */
export async function unindexForSearch(code: string): Promise<number> {
  const keys = await indexedKeys(code);
  await inParallel(keys, 8, remove);
  return keys.length;
}
