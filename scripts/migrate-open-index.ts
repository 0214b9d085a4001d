import { QueryCommand } from '../functions/commons/aws/dynamodb';
import { documentClient, tableName } from '../functions/commons/aws';
import { LEGACY_OPEN, openIndexKeys } from '../functions/commons/open-index';
import { indexForSearch } from '../functions/commons/search-index';
import { updateIf } from '../functions/commons/store';
import type { Dossier } from '../functions/core/dossier';

/**
 * Issue 26: tables written before the open-dossier index was sharded hold every open dossier under
 * GSI1PK = OPEN, and no search index. Run once after deploying (TABLE_NAME and AWS credentials of
 * the centre's account in the environment; `npx tsx scripts/migrate-open-index.ts`):
 * each open dossier moves to its shard OPEN#<n> (a conditional write: a dossier closed meanwhile,
 * which has no GSI1PK any more, is left alone) and gets its search index items. Idempotent: run it
 * again and it finds nothing under OPEN. Until it has run, resume and the ops lists miss the
 * dossiers still under OPEN and the search finds them by code only: run it in the deploy's window.
 */
export async function migrateOpenIndex(log = (s: string) => console.log(s)): Promise<{ moved: number; closed: number }> {
  let moved = 0;
  let closed = 0;
  for (;;) {
    // always the first page again: the items moved leave the partition
    const out = await documentClient().send(
      new QueryCommand({ TableName: tableName(), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': LEGACY_OPEN }, Limit: 100 }),
    );
    const items = (out.Items ?? []) as unknown as (Dossier & { PK: string; SK: string })[];
    if (!items.length) break;
    await Promise.all(
      items.map(async (d) => {
        if (d.applicant && !d.closedAt) await indexForSearch(d);
        const done = await updateIf({
          Key: { PK: d.PK, SK: d.SK },
          UpdateExpression: 'SET GSI1PK = :shard',
          ConditionExpression: 'GSI1PK = :old',
          ExpressionAttributeValues: { ':shard': openIndexKeys(d.code).GSI1PK, ':old': LEGACY_OPEN },
        });
        if (done) moved++;
        else closed++;
      }),
    );
    log(`moved ${moved} open dossiers to their shards`);
  }
  return { moved, closed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { moved, closed } = await migrateOpenIndex();
  console.log(`done: ${moved} moved, ${closed} closed meanwhile (left alone)`);
}
