import { DynamoDBDocumentClient } from './aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeTable } from '../../test/support/fake-table';
import '../../test/support/route-unit';
import { migrateOpenIndex } from '../../scripts/migrate-open-index';
import { OPEN_SHARDS, openIndexKeys, openShardOf, queryOpen } from './open-index';
import { searchItems } from './search-index';

const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;
const code = (n: number) => `TTHCC-261207-${String(n).padStart(4, '0')}`;
const meta = (n: number, extra: Record<string, unknown> = {}) => ({
  PK: `DOSSIER#${code(n)}`, SK: 'META', code: code(n), status: 4, receivedAt: `2026-12-07T0${n % 10}:00:00.000Z`,
  applicant: { name: 'Nguyễn Thị Bình', email: 'b@example.vn', phone: `+8491234${String(n).padStart(4, '0')}` }, ...extra,
});

describe('the open-dossier index over 16 keys', () => {
  beforeEach(() => {
    db.reset();
    table = new FakeTable().serve(db);
  });

  it('spreads codes over every shard, the same code always to the same one', () => {
    const counts = new Array(OPEN_SHARDS).fill(0);
    for (let n = 1; n <= 1600; n++) counts[openShardOf(code(n))]++;
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(140);
    expect(openIndexKeys(code(7))).toEqual(openIndexKeys(code(7)));
  });

  it('reads every shard and merges by code', async () => {
    for (let n = 1; n <= 40; n++) table.put({ ...meta(n), ...openIndexKeys(code(n)) });
    table.put(meta(41)); // closed: no GSI1 key
    expect((await queryOpen()).map((d) => d.code)).toEqual(Array.from({ length: 40 }, (_, k) => code(k + 1)));
  });

  it('moves a table’s OPEN items to their shards with their search items, once (scripts/migrate-open-index.ts)', async () => {
    for (let n = 1; n <= 30; n++) table.put({ ...meta(n), GSI1PK: 'OPEN', GSI1SK: code(n) });
    const first = await migrateOpenIndex(() => {});
    expect(first).toEqual({ moved: 30, closed: 0 });
    expect(table.all().filter((i) => i.GSI1PK === 'OPEN')).toEqual([]);
    expect((await queryOpen()).length).toBe(30);
    const d = table.get({ PK: `DOSSIER#${code(5)}`, SK: 'META' })!;
    expect(d.GSI1PK).toBe(openIndexKeys(code(5)).GSI1PK);
    for (const i of searchItems(d as never)) expect(table.get(i)).toEqual(i);
    expect(await migrateOpenIndex(() => {})).toEqual({ moved: 0, closed: 0 });
  }, 30_000);
});
