import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { A, B, form, NOW } from '../../test/support/figures-fixture';
import { setClockSource } from '../commons/clock';
import { readFacts } from '../commons/figures-read';
import { OfficerReport } from '../contracts/evaluation';
import { route } from './route';

vi.mock('../commons/figures-read', async (original) => ({
  ...(await original<object>()),
  readFacts: vi.fn(async (from: string, to: string) => (await import('../../test/support/figures-facts')).fixtureFacts(from, to)),
}));
vi.mock('../commons/evaluation-store', () => ({ evaluationFormIfAny: vi.fn(async () => form) }));

const query = { from: '2026-12-01', to: '2026-12-31' };
const catp1 = { sub: 'catp-1', groups: ['agency-CATP'] };
const headCatp = { sub: 'catp-head', groups: ['agency-CATP', 'head-CATP'] };
const headStp = { sub: 'stp-head', groups: ['agency-STP', 'head-STP'] };

describe('GET /reports/officers', () => {
  beforeAll(() => setClockSource(() => NOW.getTime()));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    vi.mocked(readFacts).mockClear();
  });

  it('not signed in: 401; a citizen-facing caller never gets here', async () => {
    expect((await invoke(route, { query })).status).toBe(401);
  });

  it('an officer sees their own figures only (late step named, evaluation per criterion)', async () => {
    const answer = await invoke(route, { as: catp1, query });
    expect(answer.status).toBe(200);
    const report = OfficerReport.parse(answer.body);
    expect(report.scope).toBe('own');
    expect(report.officers.map((o) => o.key)).toEqual(['catp-1']);
    expect(report.officers[0]!.late.steps).toEqual([{ code: A, stepId: 's2-catp', agency: 'CATP', officer: 'catp-1', decided: true }]);
    expect(report.officers[0]!.evaluations.criteria.find((c) => c.id === 'overall')).toMatchObject({ count: 1, mean: 4 });
    expect(report.agencies).toEqual([]);
  });

  it("another officer's figures: 403; another agency's (not its head): 403", async () => {
    expect((await invoke(route, { as: catp1, query: { ...query, officer: 'stp-1' } })).status).toBe(403);
    expect((await invoke(route, { as: catp1, query: { ...query, agency: 'CATP' } })).status).toBe(403);
    expect((await invoke(route, { as: headStp, query: { ...query, agency: 'CATP' } })).status).toBe(403);
    expect((await invoke(route, { as: headStp, query: { ...query, officer: 'catp-1' } })).status).toBe(403);
  });

  it("an agency's head sees the agency's figures and its officers' (group head-<AGENCY>)", async () => {
    const answer = await invoke(route, { as: headCatp, query });
    expect(answer.status).toBe(200);
    expect(answer.body.scope).toBe('agency');
    expect(answer.body.agencies.map((a: { key: string }) => a.key)).toEqual(['CATP']);
    expect(answer.body.officers.map((o: { key: string }) => o.key)).toEqual(['catp-1']);
    expect(answer.body.agencies[0].late.steps.map((s: { code: string }) => s.code)).toEqual([A, B]);
    expect((await invoke(route, { as: headCatp, query: { ...query, officer: 'catp-1' } })).status).toBe(200);
  });

  it('an operator sees everyone; the desk officer their own', async () => {
    const all = await invoke(route, { as: operator, query });
    expect(all.body.scope).toBe('all');
    expect(all.body.officers.map((o: { key: string }) => o.key)).toEqual(['catp-1', 'desk-1', 'desk-2', 'stp-1']);
    const own = await invoke(route, { as: { sub: 'desk-1', groups: ['desk'] }, query });
    expect(own.body.officers.map((o: { key: string }) => o.key)).toEqual(['desk-1']);
    expect(own.body.officers[0].handled.dossiers).toEqual([A, B]);
    expect((await invoke(route, { as: desk, query: { from: '2026-12-31', to: '2026-12-01' } })).status).toBe(400);
    expect((await invoke(route, { as: officerOf('STP'), query })).status).toBe(200);
  });
});
