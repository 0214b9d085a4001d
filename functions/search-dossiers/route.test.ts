import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { DossierList } from '../contracts/responses';
import { fold, route } from './route';

const db = mockClient(DynamoDBDocumentClient);

const procedure = { code: 'DL-LHND', version: 1, name: { vi: 'Thủ tục', en: 'Procedure' }, receivingAgency: 'TTHCC', stages: [] };
const dossier = (n: number, applicant: Record<string, string>, status = 4) => ({
  PK: `DOSSIER#TTHCC-261207-000${n}`, SK: 'META', GSI1PK: 'OPEN', GSI1SK: `TTHCC-261207-000${n}`,
  code: `TTHCC-261207-000${n}`, status, procedure, applicant: { email: `a${n}@example.com`, ...applicant },
  receivedAt: `2026-12-07T0${n}:00:00.000Z`, appointmentAt: '2026-12-11T02:00:00.000Z', pinHash: 'scrypt$secret$hash',
});
const open = [
  dossier(1, { name: 'Nguyễn Thị Bình', phone: '0912345678' }),
  dossier(2, { name: 'Trần Văn Đức', phone: '0987654321' }, 5),
  dossier(3, { name: 'Lê Thị Bình' }),
];

describe('GET /dossiers', () => {
  beforeEach(() => {
    db.reset();
    db.on(QueryCommand, { IndexName: 'GSI1', ExpressionAttributeValues: { ':pk': 'OPEN' } }).resolves({ Items: open });
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
  ])('names the wrong field for %s (400)', async (_, query, field) => {
    const answer = await invoke(route, { as: desk, query });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('finds open dossiers by name without diacritics, newest first (200)', async () => {
    const answer = await invoke(route, { as: desk, query: { q: 'thi binh' } });
    expect(answer.status).toBe(200);
    const list = DossierList.parse(answer.body);
    expect(list.dossiers.map((d) => d.code)).toEqual(['TTHCC-261207-0003', 'TTHCC-261207-0001']);
    expect(list.searched).toBe(3);
    expect(list.dossiers[0]).toMatchObject({ applicantName: 'Lê Thị Bình', receivedAt: '2026-12-07T10:00:00+07:00' });
    expect(JSON.stringify(answer.body)).not.toContain('secret');
    expect(fold('Trần Văn Đức')).toBe('tran van duc');
  });

  it('finds by phone (+84 as 0) and by status alone', async () => {
    const byPhone = await invoke(route, { as: operator, query: { q: '+84 987 654' } });
    expect(byPhone.body.dossiers.map((d: { code: string }) => d.code)).toEqual(['TTHCC-261207-0002']);
    const waiting = await invoke(route, { as: desk, query: { status: '5' } });
    expect(waiting.body.dossiers.map((d: { code: string }) => d.code)).toEqual(['TTHCC-261207-0002']);
  });

  it('reads one dossier by its code (closed ones too), filtered by status', async () => {
    db.on(GetCommand, { Key: { PK: 'DOSSIER#TTHCC-261201-0009', SK: 'META' } }).resolves({ Item: { ...dossier(9, { name: 'Phạm Văn C' }, 10), code: 'TTHCC-261201-0009' } });
    const hit = await invoke(route, { as: desk, query: { q: 'tthcc-261201-0009' } });
    expect(hit.status).toBe(200);
    expect(hit.body).toEqual({ dossiers: [expect.objectContaining({ code: 'TTHCC-261201-0009', status: 10 })], searched: 1 });
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
    const other = await invoke(route, { as: desk, query: { q: 'TTHCC-261201-0009', status: '4' } });
    expect(other.body).toEqual({ dossiers: [], searched: 1 });
  });
});
