import { DynamoDBClient, GetItemCommand, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/** Items that do not grow with the city: the day's counter, idempotency partitions, an agency's queue in pages. */
describe('items that do not grow', () => {
  let h: Harness;
  let db: DynamoDBClient;
  let desk: string;
  let stp: string;
  const codes: string[] = [];
  let received = 0;
  const receive = (n: number, key = uniqueKey()) => {
    received++;
    return h.call('POST', '/dossiers', { token: desk, headers: { 'idempotency-key': key }, body: { procedureCode: 'TP-LLTP', applicant: applicant(n), channel: 'counter' } });
  };
  const counterItem = async () =>
    (await db.send(new GetItemCommand({ TableName: 'motcua', Key: { PK: { S: 'COUNTER#TTHCC#261202' }, SK: { S: 'COUNTER' } }, ConsistentRead: true }))).Item!;

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    db = new DynamoDBClient({ endpoint: h.runtime.dynamoDbUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    desk = await h.token('desk-1', ['desk']);
    stp = await h.token('stp-1', ['agency-STP']);
  });
  afterAll(async () => {
    db?.destroy();
    await h?.stop();
  });

  it('keeps the day’s counter item the same size across 200 intakes, with codes 1..200 and no gap', async () => {
    const sizes: number[] = [];
    const attributes: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => receive(batch * 20 + i)));
      for (const a of answers) {
        expect(a.status, JSON.stringify(a.body)).toBe(201);
        codes.push(a.body.code);
      }
      const item = await counterItem();
      sizes.push(JSON.stringify(item).length);
      attributes.push(Object.keys(item).sort().join(','));
    }
    const item = await counterItem();
    console.log(`counter item after 20, 40 … 200 intakes: ${sizes.join(', ')} bytes (as JSON), ${attributes.map((a) => a.split(',').length).join(', ')} attributes`);
    // the same attributes after every batch; only the number's digits grow (9 → 10 → 100)
    expect(attributes).toEqual(Array(10).fill('PK,SK,seq'));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);
    expect(codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  }, 300_000);

  /** The idempotency records, every page of the scan: one answer stops at 1 MB, which the table's search index items pass. */
  async function idempotencyRecords() {
    const records: NonNullable<ScanCommandOutput['Items']> = [];
    let start: ScanCommandOutput['LastEvaluatedKey'];
    do {
      const page = await db.send(new ScanCommand({ TableName: 'motcua', FilterExpression: 'begins_with(PK, :p)', ExpressionAttributeValues: { ':p': { S: 'IDEMPOTENCY#' } }, ExclusiveStartKey: start }));
      records.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return records;
  }

  it('gives the same code to a retry of the same request, after its binding left the counter', async () => {
    const key = uniqueKey();
    const first = await receive(500, key);
    expect(first.status).toBe(201);
    // the idempotency record answers a plain retry; remove it to see what a retry after it expired gets
    const records = await idempotencyRecords();
    const { DeleteItemCommand } = await import('@aws-sdk/client-dynamodb');
    for (const r of records) await db.send(new DeleteItemCommand({ TableName: 'motcua', Key: { PK: r.PK!, SK: r.SK! } }));
    const again = await receive(500, key);
    expect(again.status).toBe(201);
    expect(again.body.code).toBe(first.body.code);
    expect(Object.keys(await counterItem()).sort()).toEqual(['PK', 'SK', 'seq']);
  });

  it('spreads idempotency records over partitions: each record is its own partition key', async () => {
    for (let i = 0; i < 5; i++) expect((await receive(600 + i)).status).toBe(201);
    const records = await idempotencyRecords();
    expect(records.length).toBeGreaterThanOrEqual(5);
    expect(new Set(records.map((r) => r.PK!.S)).size).toBe(records.length);
  });

  it('pages an agency’s queue: soonest due first, every task once, a tampered cursor refused', async () => {
    while (received < 70) expect((await receive(700 + received)).status).toBe(201);
    const retried = 1; // the retry above received the same dossier again
    await eventually(async () => (await h.call('GET', '/agencies/STP/tasks?limit=500', { token: stp })).body.tasks?.length >= received - retried, 120_000);
    const all = (await h.call('GET', '/agencies/STP/tasks?limit=500', { token: stp })).body.tasks as { dossierCode: string; dueAt: string }[];
    const seen: { dossierCode: string; dueAt: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await h.call('GET', `/agencies/STP/tasks?limit=30${cursor ? `&cursor=${cursor}` : ''}`, { token: stp });
      expect(res.status).toBe(200);
      expect(res.body.tasks.length).toBeLessThanOrEqual(30);
      seen.push(...res.body.tasks);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(all.length / 30));
    expect(seen.map((t) => t.dossierCode)).toEqual(all.map((t) => t.dossierCode));
    expect(new Set(seen.map((t) => t.dossierCode)).size).toBe(seen.length);
    const due = seen.map((t) => Date.parse(t.dueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    // a cursor from this queue, edited to point into another agency's queue, or garbage: 400 naming the field
    const first = (await h.call('GET', '/agencies/STP/tasks?limit=1', { token: stp })).body.nextCursor as string;
    const keys = JSON.parse(Buffer.from(first, 'base64url').toString());
    const edited = Buffer.from(JSON.stringify({ ...keys, GSI1PK: 'QUEUE#CATP' })).toString('base64url');
    for (const bad of [edited, 'garbage!', Buffer.from('{"PK":1}').toString('base64url'), Buffer.from(JSON.stringify({ ...keys, SK: 'META' })).toString('base64url')]) {
      const res = await h.call('GET', `/agencies/STP/tasks?cursor=${encodeURIComponent(bad)}`, { token: stp });
      expect(res.status, bad).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
    }
    for (const limit of ['0', '501', 'ten', '-1']) expect((await h.call('GET', `/agencies/STP/tasks?limit=${limit}`, { token: stp })).status, limit).toBe(400);
  }, 180_000);
});
