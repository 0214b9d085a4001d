import { BatchWriteCommand, DynamoDBDocumentClient } from './aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../test/support/route-unit';
import { batchWrite, type WriteRequest } from './batch-write';
import { tableName } from './aws';

const db = mockClient(DynamoDBDocumentClient);
const puts = (n: number): WriteRequest[] => Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { PK: `TOKENS#X`, SK: `SEARCH#${i}` } } }));
const sent = () => db.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems![tableName()]!);

describe('batchWrite', () => {
  beforeEach(() => db.reset());

  it('sends 25 requests a call: an intake’s 22 index items are one call, 60 are three', async () => {
    db.on(BatchWriteCommand).resolves({});
    await batchWrite(puts(22));
    expect(sent().map((b) => b.length)).toEqual([22]);
    db.resetHistory();
    await batchWrite(puts(60));
    expect(sent().map((b) => b.length).sort()).toEqual([10, 25, 25]);
    db.resetHistory();
    await batchWrite([]);
    expect(sent()).toEqual([]);
  });

  it('sends the unprocessed items again until none is left: nothing lost', async () => {
    const all = puts(5);
    db.on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [tableName()]: all.slice(2) as never } })
      .resolvesOnce({ UnprocessedItems: { [tableName()]: all.slice(4) as never } })
      .resolves({});
    await batchWrite(all);
    expect(sent().map((b) => b.length)).toEqual([5, 3, 1]);
    expect(sent()[2]).toEqual(all.slice(4));
  });

  it('throws when DynamoDB keeps items unprocessed (the caller’s retry writes them again)', async () => {
    db.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({ UnprocessedItems: input.RequestItems }));
    await expect(batchWrite(puts(3))).rejects.toThrow(/unprocessed/);
    expect(sent()).toHaveLength(8);
  });
});
