import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/commons/store';
import { loadBundledCalendarYears } from '../../functions/core/calendar/working-time';
import { agencies, procedures } from '../../functions/core/seed';
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

/** Seed agencies, procedures and the working calendar on first start only. */
export async function seedIfEmpty(doc: DynamoDBDocumentClient, table: string): Promise<boolean> {
  const existing = await doc.send(
    new QueryCommand({ TableName: table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'CATALOGUE' }, Limit: 1 }),
  );
  if (existing.Items?.length) return false;
  const items = [
    ...agencies.map((a) => ({ ...keys.agency(a.code), ...a })),
    ...procedures.map((p) => ({ ...keys.procedure(p.code, p.version), ...p })),
    ...loadBundledCalendarYears().map((y) => ({ ...keys.calendar(y.year), calendar: y, updatedAt: new Date().toISOString(), updatedBy: 'seed' })),
  ];
  for (let i = 0; i < items.length; i += 25) {
    await doc.send(
      new BatchWriteCommand({ RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
    );
  }
  return true;
}
