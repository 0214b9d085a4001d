import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, type Harness } from '../support/local';
import { CITY, cityAgencyCode, cityBranchCode, cityProcedureCode, writeCityFolder } from '../support/city';

/**
 * Issue 19, item 2: a generated city's centre (150 agencies, 30 branch desks, 50 procedures,
 * test/support/city.ts) loads and runs locally: its catalogue is seeded, a branch desk receives a
 * dossier that two of the city's agencies handle before the same branch hands it back.
 */
describe("a city's centre, locally", () => {
  let h: Harness;
  let city: { dir: string; remove: () => void };
  beforeAll(async () => {
    city = writeCityFolder(CITY);
    h = await startHarness({ resume: false, centreDir: city.dir });
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
    city?.remove();
  });

  it('loads 150 agencies and 50 procedures, and runs a dossier from the 17th branch through two agencies back to that branch', async () => {
    const s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    const operator = await h.token('op-1', ['operator']);
    expect((await h.call('GET', '/agencies', { token: operator })).body.agencies).toHaveLength(CITY.agencies);
    expect(new Set((await h.call('GET', '/procedures', { token: operator })).body.procedures.map((p: { code: string }) => p.code)).size).toBe(CITY.procedures);

    const branch = cityBranchCode(17);
    const desk = await h.token(`desk-${branch.toLowerCase()}`, ['desk', `branch-${branch}`]);
    const procedure = cityProcedureCode(3); // routed through CQ003, then CQ010
    const { code } = await s.receive(desk, procedure, applicant(7));
    expect(code.startsWith(`${branch}-261202-`)).toBe(true);
    for (const agency of [cityAgencyCode(3), cityAgencyCode(10)]) {
      const officer = await h.token(`officer-${agency.toLowerCase()}`, [`agency-${agency}`]);
      const task = await s.task(agency, officer, code);
      await s.decide(officer, code, task.stepId, { outcome: 'approve' });
    }
    const task = await s.task('TTHCC', desk, code, 'return');
    // another branch's desk cannot hand it back
    const other = await h.token('desk-cn02', ['desk', `branch-${cityBranchCode(2)}`]);
    expect((await h.call('POST', `/dossiers/${code}/steps/return/decision`, { token: other, body: { outcome: 'approve' } })).status).toBe(403);
    await s.decide(desk, code, task.stepId, { outcome: 'approve' });
    await s.status(desk, code, 10);
  });
});
