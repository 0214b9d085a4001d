import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateMachineArn } from '../../infra/local/stepfunctions';
import { getStep } from '../../functions/commons/store';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/** The local Step Functions endpoint, driven with the ordinary AWS SDK client. */
describe('local Step Functions endpoint', () => {
  let h: Harness;
  let sfn: SFNClient;
  let desk: string;
  const arn = stateMachineArn('dossier');

  const receive = async (procedureCode = 'DL-LHND', n = 1) =>
    (
      await h.call('POST', '/dossiers', {
        token: desk,
        headers: { 'idempotency-key': uniqueKey() },
        body: { procedureCode, applicant: applicant(n), channel: 'counter' },
      })
    ).body.code as string;

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    desk = await h.token('desk-1', ['desk']);
    sfn = new SFNClient({ endpoint: h.runtime.stepFunctionsUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  });
  afterAll(() => h?.stop());

  it('answers SendTaskSuccess for an unknown token with TaskDoesNotExist', async () => {
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'nope', output: '{}' }))).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
  });

  it('starts each dossier once: the same name and input is the same execution, another input is refused', async () => {
    const code = await receive();
    const running = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: code, input: JSON.stringify({ dossierCode: code }) }));
    expect(running.executionArn).toContain(`:execution:motcua-dossier:${code}`);
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: code, input: '{"dossierCode":"OTHER-261202-0001"}' })),
    ).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: running.executionArn }));
    expect(described.status).toBe('RUNNING');
    expect(JSON.parse(described.input!)).toEqual({ dossierCode: code }); // ids only, no personal data
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'RUNNING' }));
    expect(listed.executions?.map((e) => e.name)).toContain(code);
  });

  it('lists executions as AWS does: newest start first, maxResults a page, then a nextToken', async () => {
    await receive('DL-LHND', 2);
    await receive('DL-LHND', 3);
    const all = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 1000 }))).executions ?? [];
    expect(all.length).toBeGreaterThan(1);
    const starts = all.map((e) => e.startDate!.getTime());
    expect([...starts].sort((x, y) => y - x)).toEqual(starts);
    const paged: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 1, nextToken }));
      expect(page.executions!.length).toBeLessThanOrEqual(1);
      paged.push(...page.executions!.map((e) => e.executionArn!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(paged).toEqual(all.map((e) => e.executionArn));
    await expect(sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 1001 }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('keeps the task token on the step; a decision after its execution stopped still lands', async () => {
    const code = await receive('DL-LHND', 2);
    const step = await eventually(async () => {
      const s = await getStep(code, 's1-sdl');
      return s?.taskToken ? s : undefined;
    });
    const executionArn = `${arn.replace(':stateMachine:', ':execution:')}:${code}`;
    await sfn.send(new StopExecutionCommand({ executionArn }));
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('ABORTED');
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: step.taskToken!, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    const decided = await h.call('POST', `/dossiers/${code}/steps/s1-sdl/decision`, { token: sdl, body: { outcome: 'approve' } });
    expect(decided.status).toBe(202);
    expect((await getStep(code, 's1-sdl'))?.state).toBe('approved');
  });

  it('does not lose or double a decision that races the due time', async () => {
    const sdl = await h.token('sdl-1', ['agency-SDL']);
    for (let i = 0; i < 5; i++) {
      const who = applicant(10 + i);
      const code = await receive('DL-LHND', 10 + i);
      await eventually(async () => (await getStep(code, 's1-sdl'))?.taskToken);
      const step = (await getStep(code, 's1-sdl'))!;
      // move the clock to the very due time and decide at once
      const [decision] = await Promise.all([
        h.call('POST', `/dossiers/${code}/steps/s1-sdl/decision`, { token: sdl, body: { outcome: 'approve' } }),
        h.call('POST', '/_local/clock', { body: { set: new Date(step.dueAt!).toISOString() } }),
      ]);
      expect(decision.status).toBe(202);
      const emails = await eventually(async () => {
        const mine = await h.emailsTo(who.email);
        return mine.some((e) => e.subject.includes('đã có kết quả')) ? mine : undefined;
      });
      const final = (await getStep(code, 's1-sdl'))!;
      expect(final.state).toBe('approved');
      expect(emails.filter((e) => e.subject.includes('đã có kết quả')).length).toBe(1);
      expect(emails.filter((e) => e.subject.includes('xin lỗi')).length).toBe(final.extensions);
      await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    }
  });
});
