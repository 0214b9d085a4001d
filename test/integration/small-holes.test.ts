import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

/** Issue 20, item 9: smaller holes found by probing (a strict calendar body, a malformed page path, a rating before the return). */
describe('smaller holes', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string;
  beforeAll(async () => {
    h = await startHarness({ resume: false });
    s = scenario(h);
    await s.setClock('2026-12-02T10:00:00+07:00');
    desk = await h.token('desk-1', ['desk']);
  });
  afterAll(() => h?.stop());

  it('PUT /calendars/{year} is strict: an unknown key or a 150 KB source is refused, naming the field, and nothing is stored', async () => {
    const op = await h.token('op-1', ['operator']);
    const entry = { date: '2027-09-03', kind: 'holiday', name: { vi: 'Nghỉ lễ', en: 'Holiday' }, source: 'Quyết định số 1/QĐ' };
    const put = (body: unknown) => h.call('PUT', '/calendars/2027', { token: op, body });
    const extra = await put({ year: 2027, status: 'announced', entries: [entry], comment: 'x' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field)).toEqual(['comment']);
    const big = await put({ year: 2027, status: 'announced', entries: [{ ...entry, source: 'x'.repeat(150 * 1024) }] });
    expect(big.status).toBe(400);
    expect(big.body.errors.map((e: { field: string }) => e.field)).toEqual(['entries[0].source']);
    const stored = await h.call('GET', '/calendars/2027', { token: op });
    expect(JSON.stringify(stored.body)).not.toContain('xxxxxxxxxx');
  });

  it('a page path with malformed percent-encoding is answered 400, never 500', async () => {
    for (const path of ['/c/%E0', '/c/%', '/%FF', '/officers/%E1%BB']) {
      const res = await fetch(h.runtime.apiUrl + path);
      expect(res.status, path).toBe(400);
    }
  });

  it('a rating before the result is handed back is refused 409 with the reason; once returned it is taken, once', async () => {
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    const d = await s.receive(desk, 'DL-LHND', applicant(1));
    const rate = () => h.call('POST', `/public/dossiers/${d.code}/rating`, { headers: { 'x-lookup-pin': d.lookupPin }, body: { score: 5 } });
    await s.task('SDL', sdl, d.code);
    await s.decide(sdl, d.code, 's1-sdl', { outcome: 'approve' });
    await s.status(desk, d.code, 9);
    const early = await rate();
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/handed back/);
    expect((await h.call('GET', `/public/dossiers/${d.code}`, { headers: { 'x-lookup-pin': d.lookupPin } })).body.canRate).toBe(false);
    await s.task('TTHCC', desk, d.code, 'return');
    await s.decide(desk, d.code, 'return', { outcome: 'approve' });
    await s.status(desk, d.code, 10);
    expect((await rate()).status).toBe(201);
    const again = await rate();
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already been rated/);
  });
});
