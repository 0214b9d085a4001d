import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { FakeTable } from '../../test/support/fake-table';
import { openIndexKeys } from '../commons/open-index';
import { searchItems } from '../commons/search-index';
import { waitingItem } from '../commons/ops-index';
import { DossierList } from '../contracts/responses';
import { fold } from '../core/text';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
let table: FakeTable;

const procedure = { code: 'DL-LHND', version: 1, name: { vi: 'Thủ tục', en: 'Procedure' }, receivingAgency: 'TTHCC', stages: [] };
const codeOf = (n: number) => `TTHCC-261207-${String(n).padStart(4, '0')}`;
const dossier = (n: number, applicant: { name: string; phone?: string }, status = 4) => ({
  PK: `DOSSIER#${codeOf(n)}`, SK: 'META', ...openIndexKeys(codeOf(n)),
  code: codeOf(n), status, procedure, applicant: { email: `a${n}@example.com`, ...applicant },
  receivedAt: new Date(Date.parse('2026-12-07T00:00:00.000Z') + n * 3600_000).toISOString(), appointmentAt: '2026-12-11T02:00:00.000Z', pinHash: 'scrypt$secret$hash',
});
/** An open dossier as intake writes it: the dossier and its search index items. */
const open = (d: ReturnType<typeof dossier> & { branch?: string }) => {
  table.put(d);
  for (const i of searchItems(d)) table.put(i);
  // waiting for a supplement: on its desk's waiting list (workflow/effects.ts openPause)
  if (d.status === 5) table.put(waitingItem(d, 's1-x-1'));
};

describe('GET /dossiers', () => {
  beforeEach(() => {
    db.reset();
    table = new FakeTable().serve(db);
    open(dossier(1, { name: 'Nguyễn Thị Bình', phone: '0912345678' }));
    open(dossier(2, { name: 'Trần Văn Đức', phone: '0987654321' }, 5));
    open(dossier(3, { name: 'Lê Thị Bình' }));
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await invoke(route, { query: { q: 'Bình' } })).status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses an agency officer (403): searching is for the desk and operators', async () => {
    const answer = await invoke(route, { as: officerOf('CA'), query: { q: 'Bình' } });
    expect(answer.status).toBe(403);
    expect(db.calls()).toHaveLength(0);
  });

  it('refuses any agency system: the route has no scopes (403)', async () => {
    db.on(GetCommand, { Key: { PK: 'CLIENT#client-ca', SK: 'AGENCY' } }).resolves({ Item: { agency: 'CA' } });
    expect((await invoke(route, { as: { clientId: 'client-ca', scopes: ['motcua/dossiers.read'] }, query: { q: 'Bình' } })).status).toBe(403);
  });

  it.each([
    ['neither q nor status', {}, 'q'],
    ['a one-letter q', { q: 'B' }, 'q'],
    ['a status out of range', { status: '11' }, 'status'],
    ['a cursor it never gave', { q: 'binh', cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    ['a status cursor naming no shard', { status: '5', cursor: Buffer.from(JSON.stringify({ shards: { 'QUEUE#CA': null } })).toString('base64url') }, 'cursor'],
  ])('names the wrong field for %s (400)', async (_, query, field) => {
    const answer = await invoke(route, { as: desk, query });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('finds open dossiers by name without diacritics, newest first (200), from the index of the query’s token only', async () => {
    const answer = await invoke(route, { as: desk, query: { q: 'thi binh' } });
    expect(answer.status).toBe(200);
    const list = DossierList.parse(answer.body);
    expect(list.dossiers.map((d) => d.code)).toEqual(['TTHCC-261207-0003', 'TTHCC-261207-0001']);
    // two index items read (the token "thi binh"), not the open set
    expect(list.searched).toBe(2);
    expect(list.nextCursor).toBeUndefined();
    expect(list.dossiers[0]).toMatchObject({ applicantName: 'Lê Thị Bình', receivedAt: '2026-12-07T10:00:00+07:00' });
    expect(JSON.stringify(answer.body)).not.toContain('secret');
    expect(fold('Trần Văn Đức')).toBe('tran van duc');
    const queries = db.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(queries).toHaveLength(1);
    expect(String(queries[0]!.ExpressionAttributeValues![':pk'])).toMatch(/^SEARCH#[0-9a-f]{32}$/);
    expect(JSON.stringify(queries)).not.toMatch(/binh|thi/);
    // the candidates' rows in one request, the row's fields only (no PIN hash, no procedure version)
    const gets = db.commandCalls(BatchGetCommand).map((c) => Object.values(c.args[0].input.RequestItems!)[0]!);
    expect(gets).toHaveLength(1);
    expect(gets[0]!.Keys).toHaveLength(2);
    expect(gets[0]!.ProjectionExpression).not.toMatch(/pin/i);
    expect(db.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('finds by phone (+84 as 0) and by status alone', async () => {
    const byPhone = await invoke(route, { as: operator, query: { q: '+84 987 654' } });
    expect(byPhone.body.dossiers.map((d: { code: string }) => d.code)).toEqual(['TTHCC-261207-0002']);
    expect((await invoke(route, { as: desk, query: { q: '5678' } })).body.dossiers.map((d: { code: string }) => d.code)).toEqual(['TTHCC-261207-0001']);
    const waiting = await invoke(route, { as: desk, query: { status: '5' } });
    expect(waiting.body.dossiers.map((d: { code: string }) => d.code)).toEqual(['TTHCC-261207-0002']);
    expect(waiting.body.nextCursor).toBeUndefined();
  });

  it('finds open dossiers by the end of their code (the desk page says so), not a closed one', async () => {
    // dossier 3 has no phone; its code ends in 0003 — found by its code's end alone
    const byEnd = await invoke(route, { as: desk, query: { q: '0003' } });
    expect(byEnd.status).toBe(200);
    expect(byEnd.body.dossiers.map((d: { code: string }) => d.code)).toEqual(['TTHCC-261207-0003']);
    expect(byEnd.body.searched).toBe(1);
    table.put({ ...dossier(4, { name: 'Phạm Văn C' }, 10), GSI1PK: undefined, GSI1SK: undefined, closedAt: '2026-12-07T09:00:00.000Z' });
    expect((await invoke(route, { as: desk, query: { q: '0004' } })).body.dossiers).toEqual([]);
  });

  it('reads one dossier by its code (closed ones too), filtered by status', async () => {
    table.put({ ...dossier(9, { name: 'Phạm Văn C' }, 10), GSI1PK: undefined, GSI1SK: undefined, closedAt: '2026-12-07T09:00:00.000Z' });
    const hit = await invoke(route, { as: desk, query: { q: 'tthcc-261207-0009' } });
    expect(hit.status).toBe(200);
    expect(hit.body).toEqual({ dossiers: [expect.objectContaining({ code: 'TTHCC-261207-0009', status: 10 })], searched: 1 });
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
    const other = await invoke(route, { as: desk, query: { q: 'TTHCC-261207-0009', status: '4' } });
    expect(other.body).toEqual({ dossiers: [], searched: 1 });
  });

  it('pages through many matches with a cursor, each page reading a bounded number of items', async () => {
    for (let n = 10; n < 130; n++) open(dossier(n, { name: `Nguyễn Văn An ${n}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await invoke(route, { as: desk, query: { q: 'nguyen van', ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      expect(page.body.dossiers.length).toBeLessThanOrEqual(50);
      expect(page.body.searched).toBeLessThanOrEqual(200);
      seen.push(...page.body.dossiers.map((d: { code: string }) => d.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe(codeOf(129));
    expect(seen.at(-1)).toBe(codeOf(10));
  });

  it('stops a page at its read budget when a common token matches few of the whole query', async () => {
    for (let n = 10; n < 400; n++) open(dossier(n, { name: `Hoàng Thị Lan ${n}` }));
    open(dossier(5, { name: 'Đỗ Thị Lan Hương' }));
    const page = await invoke(route, { as: desk, query: { q: 'thi lan huong' } });
    // the token is "lan huong": one candidate
    expect(page.body.dossiers.map((d: { code: string }) => d.code)).toEqual([codeOf(5)]);
    const common = await invoke(route, { as: desk, query: { q: 'hoang thi lan 1' } });
    expect(common.body.searched).toBeLessThanOrEqual(200);
  });

  it('does not find a closed dossier by name or phone (its index is gone), nor one whose index outlived it', async () => {
    const d = dossier(7, { name: 'Vũ Minh Khôi', phone: '0977000111' });
    open(d);
    // closed but its index items left (a close that died halfway): the dossier says closed
    table.put({ ...d, GSI1PK: undefined, GSI1SK: undefined, closedAt: '2026-12-08T00:00:00.000Z', status: 10 });
    expect((await invoke(route, { as: desk, query: { q: 'vu minh' } })).body.dossiers).toEqual([]);
    expect((await invoke(route, { as: desk, query: { q: '0977000111' } })).body.dossiers).toEqual([]);
  });

  it('lists the dossiers waiting for a supplement from their desk’s waiting list: a page read, never the open set', async () => {
    // 1,000 open dossiers; 100 more waiting at the main desk, 20 at branch CN1; 2 of the main desk's items left behind (status 4 now)
    for (let n = 10; n < 1010; n++) open(dossier(n, { name: `Ngô Văn ${n}` }, n % 10 === 0 ? 5 : 4));
    for (let n = 2000; n < 2020; n++) open({ ...dossier(n, { name: `Đỗ Thị ${n}` }, 5), branch: 'CN1' });
    for (const n of [20, 30]) table.put({ ...dossier(n, { name: `Ngô Văn ${n}` }, 4) });
    const read = async (as: typeof desk) => {
      const found: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await invoke(route, { as, query: { status: '5', ...(cursor ? { cursor } : {}) } });
        expect(page.status).toBe(200);
        expect(page.body.searched).toBeLessThanOrEqual(50 + 2); // a page, and the 2 items left behind read again past it
        found.push(...page.body.dossiers.map((d: { code: string }) => d.code));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      return { found, pages };
    };
    db.resetHistory();
    const main = await read(desk);
    expect(main.found).toHaveLength(99); // 98 of the 100, and dossier 2
    expect(main.found).not.toContain(codeOf(20));
    expect(main.found.every((c) => Number(c.slice(-4)) < 2000)).toBe(true);
    expect(main.found.slice(0, 3)).toEqual([codeOf(1000), codeOf(990), codeOf(980)]); // newest first
    expect(main.pages).toBe(2);
    // no read of the open index's shards
    expect(db.commandCalls(QueryCommand).every((c) => String(c.args[0].input.ExpressionAttributeValues![':pk']).startsWith('WAITING#'))).toBe(true);
    const branch = await read({ sub: 'desk-cn1', groups: ['desk', 'branch-CN1'] });
    expect(branch.found).toHaveLength(20);
    // an operator reads every desk's: the main desk's, then the branches'
    table.put({ PK: 'CATALOGUE', SK: 'BRANCH#CN1', code: 'CN1', name: { vi: 'Chi nhánh 1', en: 'Branch 1' } });
    const all = await read(operator);
    expect(all.found).toEqual([...main.found, ...branch.found]);
  });

  it('lists another status a bounded pass at a time over the open index’s shards', async () => {
    for (let n = 10; n < 1010; n++) open(dossier(n, { name: `Ngô Văn ${n}` }, n % 10 === 0 ? 6 : 4));
    const found = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await invoke(route, { as: desk, query: { status: '6', ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      expect(page.body.searched).toBeLessThanOrEqual(16 * 50);
      for (const d of page.body.dossiers) found.add(d.code);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(found.size).toBe(100);
    expect(pages).toBeGreaterThan(1);
  });
});
