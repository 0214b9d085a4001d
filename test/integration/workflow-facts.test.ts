import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStep, keys, updateIf } from '../../functions/commons/store';
import { WorkingCalendar, loadBundledCalendarYears } from '../../functions/core/calendar/working-time';
import { stateMachineArn } from '../../infra/local/stepfunctions';
import { applicant, eventually, scenario, startHarness, type Harness } from '../support/local';

const cal = new WorkingCalendar(loadBundledCalendarYears());
const execArn = (name: string) => `${stateMachineArn('dossier').replace(':stateMachine:', ':execution:')}:${name}`;

/** Issue 10, points 5–8: facts checked at the door, shared reads that survive a bad dossier, a decision closing the step to delays, failed executions listed and resumed. */
describe('facts at the door, and a workflow that survives them', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let sfn: SFNClient;
  let desk: string, sdl: string, op: string;

  beforeAll(async () => {
    h = await startHarness({ retryScale: 0.001 });
    s = scenario(h);
    await s.setClock('2026-12-01T09:00:00+07:00'); // Tuesday
    [desk, sdl, op] = await Promise.all([h.token('desk-1', ['desk']), h.token('sdl-1', ['agency-SDL']), h.token('op-1', ['operator'])]);
    sfn = new SFNClient({ endpoint: h.runtime.stepFunctionsUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  });
  afterAll(() => h?.stop());

  it('(5) refuses a new due time past the procedure’s legal time again, naming newDueAt', async () => {
    const { code } = await s.receive(desk, 'DL-LHND', applicant(1));
    const task = await s.task('SDL', sdl, code, 's1-sdl');
    const delay = (newDueAt: string) => h.call('POST', `/dossiers/${code}/steps/s1-sdl/delay`, { token: sdl, body: { reason: 'Cần xác minh', newDueAt } });
    const typo = await delay('2062-01-05T10:00:00+07:00');
    expect(typo.status).toBe(400);
    expect(typo.body.errors[0].field).toBe('newDueAt');
    const latest = cal.addWorkingTime(new Date(task.dueAt), 80); // DL-LHND: 80 working hours
    expect((await delay(new Date(latest.getTime() + 3600_000).toISOString())).status).toBe(400);
    expect((await delay(latest.toISOString())).status).toBe(202);
    await eventually(async () => (await s.dossier(desk, code)).steps[0].extensions === 1);
  });

  it('(5) the local clock refuses to move back before the facts, with the reason (409)', async () => {
    const back = await s.setClock('2026-11-30T09:00:00+07:00');
    expect(back.status).toBe(409);
    expect(back.headers.get('content-type')).toContain('application/problem+json');
    expect(back.body.detail).toMatch(/cannot move back/);
    expect((await h.call('GET', '/_local/clock')).body.now).not.toContain('2026-11-30');
    expect((await h.call('POST', '/_local/clock', { body: { advance: 'PT1M' } })).status).toBe(200);
  });

  it('(7) a decision while a delay is being recorded is 409, and only the delay takes effect; after a decision a delay is 409', async () => {
    const { code } = await s.receive(desk, 'DL-LHND', applicant(2));
    const task = await s.task('SDL', sdl, code, 's1-sdl');
    // nothing records the delay meanwhile: the execution is stopped
    await sfn.send(new StopExecutionCommand({ executionArn: execArn(code) }));
    const newDueAt = cal.addWorkingTime(new Date(task.dueAt), 12).toISOString();
    const delayed = await h.call('POST', `/dossiers/${code}/steps/s1-sdl/delay`, { token: sdl, body: { reason: 'Chờ xác minh', newDueAt } });
    expect(delayed.status).toBe(202);
    const approve = await h.call('POST', `/dossiers/${code}/steps/s1-sdl/decision`, { token: sdl, body: { outcome: 'approve' } });
    expect(approve.status).toBe(409);
    expect((await getStep(code, 's1-sdl'))!.state).toBe('pending');
    expect((await h.call('POST', `/ops/dossiers/${code}/resume`, { token: op })).status).toBe(202);
    await eventually(async () => !(await getStep(code, 's1-sdl'))!.pendingDelay);
    expect((await h.call('POST', `/dossiers/${code}/steps/s1-sdl/decision`, { token: sdl, body: { outcome: 'approve' } })).status).toBe(202);
    const late = await h.call('POST', `/dossiers/${code}/steps/s1-sdl/delay`, { token: sdl, body: { reason: 'x', newDueAt } });
    expect(late.status).toBe(409);
    await s.status(desk, code, 9);
  });

  it('(6, 8) a bad fact: shared reads skip the dossier and say so; its execution fails, is listed, and resumes once repaired', async () => {
    const { code } = await s.receive(desk, 'DL-LHND', applicant(3));
    const { code: good } = await s.receive(desk, 'DL-LHND', applicant(4));
    await s.task('SDL', sdl, code, 's1-sdl');
    await s.task('SDL', sdl, good, 's1-sdl');
    // a pause that ends before it starts (nothing at the door lets one in any more)
    const bad = { stepId: 's1-sdl', round: 9, agency: 'SDL', from: '2026-12-05T00:00:00.000Z', to: '2026-12-04T00:00:00.000Z', missing: [], reason: '' };
    await updateIf({ Key: keys.dossier(code), UpdateExpression: 'SET pauses.#b = :p', ExpressionAttributeNames: { '#b': 's1-sdl-9' }, ExpressionAttributeValues: { ':p': bad } });

    const logbook = await h.call('GET', '/agencies/SDL/logbook?date=2026-12-01', { token: sdl });
    expect(logbook.status).toBe(200);
    expect(logbook.body.skipped).toEqual([expect.objectContaining({ code, reason: expect.stringContaining('ends before it starts') })]);
    expect(logbook.body.entries.some((e: { dossierCode: string }) => e.dossierCode === good)).toBe(true);
    expect(logbook.body.entries.some((e: { dossierCode: string }) => e.dossierCode === code)).toBe(false);
    const report = await h.call('GET', '/reports/timeliness?from=2026-12-01&to=2026-12-31', { token: op });
    expect(report.status).toBe(200);
    expect(report.body.skipped.map((x: { code: string }) => x.code)).toEqual([code]);
    const sheet = await h.call('GET', `/dossiers/${code}/control-sheet`, { token: desk });
    expect(sheet.status).toBe(200);
    expect(sheet.body.skipped[0].code).toBe(code);

    // the workflow cannot compute it either: woken, its execution fails after its retries
    const token = (await getStep(code, 's1-sdl'))!.taskToken;
    expect(token).toBeTruthy();
    await h.call('POST', `/dossiers/${code}/steps/s1-sdl/decision`, { token: sdl, body: { outcome: 'approve' } });
    const failed = await eventually(async () => {
      const res = await h.call('GET', '/ops/dossiers?state=failed', { token: op });
      return res.body.dossiers?.find((x: { dossierCode: string }) => x.dossierCode === code);
    }, 60_000);
    expect(failed).toMatchObject({ executionStatus: 'FAILED', execution: code });
    expect((await h.call('GET', '/ops/dossiers', { token: op })).status).toBe(400);

    // repaired, resumed: it carries on where it stood
    await updateIf({ Key: keys.dossier(code), UpdateExpression: 'REMOVE pauses.#b', ExpressionAttributeNames: { '#b': 's1-sdl-9' } });
    expect((await h.call('POST', `/ops/dossiers/${code}/resume`, { token: op })).status).toBe(202);
    await s.status(desk, code, 9);
    const after = await h.call('GET', '/ops/dossiers?state=failed', { token: op });
    expect(after.body.dossiers.some((x: { dossierCode: string }) => x.dossierCode === code)).toBe(false);
  });
});
