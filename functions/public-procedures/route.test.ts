import { DynamoDBDocumentClient } from '../commons/aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeTable, lltp } from '../../test/support/online-unit';
import { hanoiProcedures } from '../../test/support/centre';
import { invoke } from '../../test/support/route-unit';
import { PublicProcedureList } from '../contracts/online';
import { route } from './route';

const db = mockClient(DynamoDBDocumentClient);
const lhnd = { PK: 'CATALOGUE', SK: 'PROCEDURE#DL-LHND#0001', ...hanoiProcedures.find((p) => p.code === 'DL-LHND')! };
// a version not yet in force is not listed
const future = { ...lltp, SK: 'PROCEDURE#TP-LLTP#0002', version: 2, effectiveFrom: '2999-01-01', name: { vi: 'Tương lai', en: 'Future' } };

describe('GET /public/procedures', () => {
  beforeEach(() => {
    db.reset();
    fakeTable(db, [], [lhnd, future]);
  });

  it('lists the versions in force with their online level, to anyone', async () => {
    const answer = await invoke(route, { as: 'public' });
    expect(answer.status).toBe(200);
    const { items } = PublicProcedureList.parse(answer.body);
    expect(items.map((p) => [p.code, p.version, p.level])).toEqual([
      ['DL-LHND', 1, 'partly'],
      ['TP-LLTP', 1, 'fully'],
      ['XD-GPXD', 1, 'none'],
    ]);
  });

  it('finds a name typed without diacritics, and filters by field and level', async () => {
    const codes = async (query: Record<string, string>) => (await invoke(route, { query })).body.items.map((p: { code: string }) => p.code);
    expect(await codes({ q: 'ly lich tu phap' })).toEqual(['TP-LLTP']);
    expect(await codes({ q: 'LỮ HÀNH' })).toEqual(['DL-LHND']);
    expect(await codes({ q: 'judicial' })).toEqual(['TP-LLTP']);
    expect(await codes({ field: 'du lich' })).toEqual(['DL-LHND']);
    expect(await codes({ level: 'none' })).toEqual(['XD-GPXD']);
    expect(await codes({ q: 'không có' })).toEqual([]);
  });

  it('refuses an unknown level or query key (400 naming it)', async () => {
    const answer = await invoke(route, { query: { level: 'half' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('level');
    expect((await invoke(route, { query: { sort: 'name' } })).status).toBe(400);
  });
});
