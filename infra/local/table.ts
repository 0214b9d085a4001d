import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readCatalogue } from '../../functions/commons/catalogue-files';
import { changedAnything, loadCatalogue } from '../../functions/commons/catalogue-load';
import { table as schema } from '../registry';

/** The registry's key schema, as the stack's table has it (infra/constructs/data.ts). */
export async function ensureTable(client: DynamoDBClient, name: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  const keyed = (pk: string, sk: string) => [
    { AttributeName: pk, KeyType: 'HASH' as const },
    { AttributeName: sk, KeyType: 'RANGE' as const },
  ];
  const names = ['PK', 'SK', ...schema.indexes.flatMap((x) => [`${x.name}PK`, `${x.name}SK`])];
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: names.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: keyed('PK', 'SK'),
      GlobalSecondaryIndexes: schema.indexes.map((x) => ({
        IndexName: x.name,
        KeySchema: keyed(`${x.name}PK`, `${x.name}SK`),
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  for (let i = 0; i < 100; i++) {
    const t = await client.send(new DescribeTableCommand({ TableName: name }));
    if (t.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Table ${name} did not become active`);
}

/**
 * Load the centre's folder (agencies, procedures, calendars) with the deploy's own loader
 * (functions/commons/catalogue-load.ts, run on AWS by the custom resource): on first start it
 * fills the table; later starts change only what the folder changed (a new procedure version).
 * Answers whether anything was written. TABLE_NAME and the DynamoDB endpoint must be set.
 */
export async function seedIfEmpty(centreDir: string): Promise<boolean> {
  // Agencies' systems' clients are not the folder's: POST /_local/agency-clients registers one,
  // as `npm run agency-client -- add` does on AWS.
  return changedAnything(await loadCatalogue(readCatalogue(centreDir)));
}
