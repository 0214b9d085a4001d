import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

describe('GET /dossiers?q= — the desk’s search', () => {
  let h: Harness;
  let desk: string;
  let codes: string[];
  beforeAll(async () => {
    h = await startHarness({ resume: false });
    const s = scenario(h);
    desk = await h.token('desk-1', ['desk']);
    const a = await s.receive(desk, 'TP-LLTP', { ...applicant(1), name: 'Phạm Đức Anh', phone: '0901 234 567' });
    const b = await s.receive(desk, 'DL-LHND', { ...applicant(2), name: 'Hoàng Thị Mai', phone: '0912345678' });
    codes = [a.code, b.code];
  });
  afterAll(() => h?.stop());

  const search = async (q: string, token = desk) => h.call('GET', `/dossiers?q=${encodeURIComponent(q)}`, { token });

  it('finds by applicant name without diacritics, by phone digits, and by code', async () => {
    expect((await search('pham duc')).body.dossiers.map((d: { code: string }) => d.code)).toEqual([codes[0]]);
    expect((await search('Đức Anh')).body.dossiers.map((d: { code: string }) => d.code)).toEqual([codes[0]]);
    expect((await search('0901234567')).body.dossiers.map((d: { code: string }) => d.code)).toEqual([codes[0]]);
    expect((await search(codes[1]!.toLowerCase())).body.dossiers.map((d: { code: string }) => d.code)).toEqual([codes[1]]);
    expect((await search('nobody at all')).body.dossiers).toEqual([]);
  });

  it('lists the open dossiers in one status (the desk’s list of those waiting for a supplement)', async () => {
    const s = scenario(h);
    const stp = await h.token('stp-1', ['agency-STP']);
    await s.task('STP', stp, codes[0]!);
    await s.decide(stp, codes[0]!, 's1-stp', { outcome: 'request-supplement', missing: ['Ảnh'], reason: 'Thiếu ảnh' });
    await s.status(desk, codes[0]!, 5);
    const waiting = await h.call('GET', '/dossiers?status=5', { token: desk });
    expect(waiting.body.dossiers.map((d: { code: string }) => d.code)).toEqual([codes[0]]);
    expect((await h.call('GET', `/dossiers?status=5&q=${codes[1]}`, { token: desk })).body.dossiers).toEqual([]);
    expect((await h.call('GET', '/dossiers', { token: desk })).body.errors[0].field).toBe('q');
  });

  it('names a too-short query, and is for the desk and operators only', async () => {
    const short = await search('a');
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toBe('q');
    expect((await search('mai', await h.token('op-1', ['operator']))).status).toBe(200);
    expect((await search('mai', await h.token('stp-1', ['agency-STP']))).status).toBe(403);
  });
});
