import { DeleteCommand, PutCommand } from './aws/dynamodb';
import { documentClient, tableName } from './aws';
import { openShardKeys, openShardOf } from './open-index';

/**
 * Sparse indexes of open dossiers for the reads that must not walk the whole open set (issue 26),
 * one item each beside the dossier's partition (`WORKFLOW#<code>`, ids and instants only: no
 * personal data), on GSI1:
 *
 * - WAITING (the desk's list of dossiers waiting for a supplement, `GET /dossiers?status=5`):
 *     WORKFLOW#<code> / WAITING   GSI1 WAITING#<desk> / <receivedAt>#<code>   (desk: the branch, `-` the main desk)
 *   put before the status becomes 5 (a supplement asked: workflow/effects.ts openPause), deleted
 *   once no request is left open (commons/supplement.ts) and when the dossier closes. The reader
 *   checks the status on the dossier: an item left behind (a crash before its delete) is skipped,
 *   and none is ever missing for a dossier in status 5.
 *
 * - DUE (the operators' overdue list, `GET /ops/overdue`):
 *     WORKFLOW#<code> / DUE   GSI1 DUE#<n> / <instant>#<code>   (n: the open index's shard)
 *   the instant is a LOWER BOUND of the dossier's original appointment: put at receipt with the
 *   appointment counted without pauses (pauses only ever move it later: a closed one never
 *   brings it earlier, an open one stops the clock), raised to the appointment counted with its
 *   closed pauses when a supplement closes the last one; deleted when the result is ready
 *   (`resultReadyAt`: no longer overdue) and when the dossier closes. Reading `<= now` finds
 *   every overdue dossier and those paused past it; the reader decides on the dossier itself.
 */
export const opsPartition = (code: string) => `WORKFLOW#${code}`;
export const MAIN_DESK = '-';
export const WAITING_PREFIX = 'WAITING#';
export const DUE_PREFIX = 'DUE#';

export const waitingKeys = (code: string) => ({ PK: opsPartition(code), SK: 'WAITING' });
export const dueKeys = (code: string) => ({ PK: opsPartition(code), SK: 'DUE' });
/** The partition of a desk's dossiers waiting for a supplement (branch: the branch desk's code; none: the main desk). */
export const waitingDeskKey = (branch: string | undefined) => `${WAITING_PREFIX}${branch ?? MAIN_DESK}`;
export const dueShardKeys = () => openShardKeys().map((k) => `${DUE_PREFIX}${k.slice('OPEN#'.length)}`);

/** `pause`: the request that put it (a supplement answering other requests does not delete it). */
export const waitingItem = (d: { code: string; branch?: string; receivedAt: string }, pause: string) => ({
  ...waitingKeys(d.code),
  GSI1PK: waitingDeskKey(d.branch),
  GSI1SK: `${d.receivedAt}#${d.code}`,
  code: d.code,
  pause,
});
export const dueItem = (code: string, at: string) => ({ ...dueKeys(code), GSI1PK: `${DUE_PREFIX}${openShardOf(code)}`, GSI1SK: `${at}#${code}`, code });

const put = (Item: Record<string, unknown>) => documentClient().send(new PutCommand({ TableName: tableName(), Item }));
const remove = (Key: { PK: string; SK: string }) => documentClient().send(new DeleteCommand({ TableName: tableName(), Key }));

export const markWaiting = (d: Parameters<typeof waitingItem>[0], pause: string) => put(waitingItem(d, pause));
/**
 * Off the waiting list: when the dossier closes, or (`answered`) when a supplement answered the
 * last open requests — then only if the item is still one of theirs: a request made meanwhile put
 * its own, and it stays.
 */
export async function unmarkWaiting(code: string, answered?: string[]): Promise<void> {
  if (!answered) {
    await remove(waitingKeys(code));
    return;
  }
  try {
    await documentClient().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: waitingKeys(code),
        ConditionExpression: `attribute_not_exists(PK) OR pause IN (${answered.map((_, i) => `:p${i}`).join(', ')})`,
        ExpressionAttributeValues: Object.fromEntries(answered.map((k, i) => [`:p${i}`, k])),
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
/**
 * The dossier's DUE item at `at` (an instant no later than its original appointment). `lowerOnly`
 * (at receipt): never raises one already there — a retried intake counts its appointment from a
 * later instant than the dossier it finds, and two desk officers checking at once each write
 * theirs before one of them is refused; the earliest stays, and a lower bound is always safe.
 */
export async function markDue(code: string, at: string, options: { lowerOnly?: boolean } = {}): Promise<void> {
  const item = dueItem(code, at);
  if (!options.lowerOnly) {
    await put(item);
    return;
  }
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK) OR GSI1SK > :sk', ExpressionAttributeValues: { ':sk': item.GSI1SK } }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
export const unmarkDue = (code: string) => remove(dueKeys(code));
