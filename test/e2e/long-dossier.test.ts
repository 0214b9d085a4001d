import { writeFileSync, mkdirSync } from 'node:fs';
import { GetExecutionHistoryCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDossier, getStep } from '../../functions/commons/store';
import { stateMachineArn } from '../../infra/local/stepfunctions';
import { applicant, eventually, scenario, startHarness, type Email, type Harness } from '../support/local';

const icsOf = (e: Email) => {
  const a = (e as unknown as { attachments?: { content: string }[] }).attachments?.[0];
  return a ? Buffer.from(a.content, 'base64').toString('utf8') : undefined;
};
const field = (ics: string, name: string) => new RegExp(`^${name}[^:]*:(.*)$`, 'm').exec(ics)?.[1]?.trim();

/**
 * Point 4 of issue 10: one dossier open for 400 days of clock time, through ten supplement
 * rounds and the lapses between them. Its execution hands over to fresh ones (old or long) and
 * the dossier finishes with its letters right: SEQUENCE strictly increasing, dates never going back.
 */
describe('a dossier open for 400 days', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let sfn: SFNClient;
  let desk: string, stp: string, catp: string, op: string;

  beforeAll(async () => {
    h = await startHarness();
    s = scenario(h);
    await s.setClock('2025-07-01T09:00:00+07:00'); // a Tuesday: 400 days later is still within the bundled calendars
    [desk, stp, catp, op] = await Promise.all([h.token('desk-1', ['desk']), h.token('stp-1', ['agency-STP']), h.token('catp-1', ['agency-CATP']), h.token('op-1', ['operator'])]);
    sfn = new SFNClient({ endpoint: h.runtime.stepFunctionsUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  });
  afterAll(() => h?.stop());

  it('goes through ten supplement rounds and their lapses, hands over, and finishes with its letters right', async () => {
    const who = applicant(1);
    const { code } = await s.receive(desk, 'TP-LLTP', who);
    const start = Date.parse((await h.call('GET', '/_local/clock')).body.now);
    const settle = async (stepId: string, agency: string, token: string) => {
      // the step is back in its queue with a due time in the future, every letter sent
      await eventually(async () => {
        const now = Date.parse((await h.call('GET', '/_local/clock')).body.now);
        const t = await s.task(agency, token, code, stepId);
        const d = await getDossier(code);
        const st = await getStep(code, stepId);
        const unsent = Object.entries(d?.letters ?? {}).some(([k, l]) => l.by === stepId && !st?.sent?.[k]);
        return t.dueAt && Date.parse(t.dueAt) > now && !unsent;
      }, 60_000).catch(async (e) => {
        const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: stateMachineArn('dossier'), maxResults: 1000 }));
        const d = await getDossier(code);
        const st = await getStep(code, stepId);
        const last = await Promise.all(executions.map(async (x) => ({ name: x.name, status: x.status, tail: ((await sfn.send(new GetExecutionHistoryCommand({ executionArn: x.executionArn }))).events ?? []).slice(-6).map((ev) => `${ev.type} ${JSON.stringify((ev as any).stateEnteredEventDetails?.name ?? (ev as any).error ?? '')}`) })));
        console.log(JSON.stringify({ rounds, exec: last, execName: d?.executionName, status: d?.status, step: { state: st?.state, dueAt: st?.dueAt, hasToken: !!st?.taskToken, sent: st?.sent } }, null, 1));
        throw e;
      });
    };
    let rounds = 0;
    for (const [stepId, agency, token] of [['s1-stp', 'STP', stp], ['s2-catp', 'CATP', catp]] as const) {
      await settle(stepId, agency, token);
      for (let r = 0; r < 5; r++) {
        await h.advance('P20D'); // undecided: it lapses, again and again
        await settle(stepId, agency, token);
        await s.decide(token, code, stepId, { outcome: 'request-supplement', missing: [`Giấy tờ ${rounds + 1}`], reason: 'Thiếu giấy tờ' });
        await s.status(desk, code, 5);
        await h.advance('P20D'); // paused: nothing lapses, nothing wakes
        const supplied = await h.call('POST', `/dossiers/${code}/supplement`, { token: desk, body: { documents: [{ name: `Bổ sung ${rounds + 1}`, ref: `upload://${rounds}` }] } });
        expect(supplied.status).toBe(202);
        rounds++;
        await s.status(desk, code, 4);
        await settle(stepId, agency, token);
        // across the hand-overs a resume never starts a second execution
        const resumed = await h.call('POST', `/ops/dossiers/${code}/resume`, { token: op });
        expect(resumed.body.workflow, `round ${rounds}`).toBe('running');
      }
      await s.decide(token, code, stepId, { outcome: 'approve' });
    }
    await s.task('TTHCC', desk, code, 'return');
    await s.decide(desk, code, 'return', { outcome: 'approve' });
    await eventually(async () => (await getDossier(code))?.closedAt, 60_000);
    const end = Date.parse((await h.call('GET', '/_local/clock')).body.now);
    const days = (end - start) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(400);
    expect(rounds).toBe(10);

    // executions: handed over at least once, none left running, the dossier names the last
    // (closedAt is written by the execution's last task: it ends a moment later)
    const mine = await eventually(async () => {
      const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: stateMachineArn('dossier'), maxResults: 1000 }));
      const ours = executions.filter((e) => e.name === code || e.name!.startsWith(`${code}-r`));
      return ours.every((e) => e.status !== 'RUNNING') && ours;
    }, 30_000);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.filter((e) => e.status === 'RUNNING')).toHaveLength(0);
    expect(mine.filter((e) => e.status === 'FAILED')).toHaveLength(0);
    expect((await getDossier(code))!.executionName).toBe(mine.map((e) => e.name!).sort((a, b) => a.length - b.length || a.localeCompare(b)).at(-1));
    const histories = await Promise.all(mine.map(async (e) => (await sfn.send(new GetExecutionHistoryCommand({ executionArn: e.executionArn }))).events?.length ?? 0));

    // the letters, in SEQUENCE order: strictly increasing, the dates never going back
    // letters leave through the email queue: wait until the last ones (returned, rating) are in the mailbox
    const count = (ms: Email[], part: string) => ms.filter((m) => m.subject.includes(part)).length;
    const mails = await eventually(async () => {
      const ms = await h.emailsTo(who.email);
      return count(ms, 'Phiếu yêu cầu bổ sung') >= 10 && count(ms, 'Đã nhận hồ sơ bổ sung') >= 10 && count(ms, 'Đã trả kết quả') >= 1 && ms;
    }, 60_000);
    const withIcs = mails.map((m) => ({ m, ics: icsOf(m) })).filter((x) => x.ics && !x.ics.includes('METHOD:CANCEL'));
    const read = withIcs.map(({ m, ics }) => ({ subject: m.subject, seq: Number(field(ics!, 'SEQUENCE')), start: field(ics!, 'DTSTART')! })).sort((a, b) => a.seq - b.seq);
    for (let k = 1; k < read.length; k++) {
      expect(read[k]!.seq).toBeGreaterThan(read[k - 1]!.seq);
      expect(read[k]!.start >= read[k - 1]!.start, `${read[k - 1]!.start} then ${read[k]!.start}`).toBe(true);
    }
    const apologies = mails.filter((m) => m.subject.includes('Phiếu xin lỗi')).length;
    expect(apologies).toBeGreaterThanOrEqual(10);
    expect(mails.filter((m) => m.subject.includes('Phiếu yêu cầu bổ sung'))).toHaveLength(10);
    expect(mails.filter((m) => m.subject.includes('Đã nhận hồ sơ bổ sung'))).toHaveLength(10);
    expect(mails.filter((m) => m.subject.includes('Đã trả kết quả'))).toHaveLength(1);

    mkdirSync('.vitest', { recursive: true });
    writeFileSync('.vitest/long-dossier.json', JSON.stringify({ code, clockDays: Math.round(days), rounds, apologies, executions: mine.length, largestHistory: Math.max(...histories), histories }, null, 2));
  }, 300_000);
});
