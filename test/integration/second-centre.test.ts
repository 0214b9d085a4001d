import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, scenario, startHarness, type Harness } from '../support/local';

/**
 * Another province's centre, a small made-up one (test/fixtures/centre-demo): its own desk,
 * department, procedure and a calendar year of its own; it runs with no change of code.
 */
describe('a second centre, from its folder alone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ resume: false, centreDir: 'test/fixtures/centre-demo' });
  });
  afterAll(() => h?.stop());

  it('has its agencies and its procedure, and nothing of Hanoi', async () => {
    const desk = await h.token('mc-1', ['desk']);
    const agencies = (await h.call('GET', '/agencies', { token: desk })).body.agencies;
    expect(agencies.map((a: { code: string }) => a.code)).toEqual(['MC', 'STNMT']);
    const procedures = (await h.call('GET', '/procedures', { token: desk })).body.procedures;
    expect(procedures.map((p: { code: string }) => p.code)).toEqual(['MT-GPMT']);
    expect(JSON.parse(process.env.CENTRE_PROFILE!).code).toBe('demo');
  });

  it("adds its own calendar year to the national ones", async () => {
    const operator = await h.token('op-1', ['operator']);
    const year = await h.call('GET', '/calendars/2028', { token: operator });
    expect(year.status).toBe(200);
    expect(year.body.entries.map((e: { date: string }) => e.date)).toEqual(['2028-01-01']);
  });

  it('receives a dossier at its desk and routes it to its department, whose system can read its queue', async () => {
    const s = scenario(h);
    const dossier = await s.receive(await h.token('mc-1', ['desk']), 'MT-GPMT', applicant(1));
    expect(dossier.code).toMatch(/^MC-\d{6}-\d{4}$/);
    await h.registerClient('STNMT');
    const task = await s.task('STNMT', await h.clientToken('STNMT', ['motcua/tasks.read']), dossier.code);
    expect(task.stepId).toBe('s1-stnmt');
  });
});
