import { ScanCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, scenario, startHarness, uniqueKey, type Harness } from '../support/local';

/** Faults injected in the local runtime: SES refusing, DynamoDB unreachable. */
describe('faults', () => {
  let h: Harness;
  let s: ReturnType<typeof scenario>;
  let desk: string, sdl: string;
  const fault = (body: unknown) => h.call('POST', '/_local/faults', { body });

  beforeAll(async () => {
    h = await startHarness({ resume: false, retryScale: 0.001 });
    s = scenario(h);
    await s.setClock('2026-12-02T09:00:00+07:00');
    desk = await h.token('desk-1', ['desk']);
    sdl = await h.token('sdl-1', ['agency-SDL']);
  });
  afterAll(() => h?.stop());

  it('retries an email SES throttles, and sends it once', async () => {
    const who = applicant(1);
    await fault({ service: 'ses', status: 429, count: 3, match: 'outbound-emails' });
    await s.receive(desk, 'DL-LHND', who);
    await s.email(who.email, 'Giấy tiếp nhận');
    expect((await h.emailsTo(who.email)).length).toBe(1);
    expect(h.runtime.faults.ses.injected).toBeGreaterThanOrEqual(3);
  });

  it('retries an email SES keeps refusing, shows it to operators, and the workflow goes on', async () => {
    const who = applicant(2);
    await fault({ service: 'ses', status: 503, count: 50, match: 'outbound-emails' });
    const { code } = await s.receive(desk, 'DL-LHND', who);
    const operator = await h.token('op-1', ['operator']);
    // the letter is not given up: operators see it being retried, with SES's error
    const retrying = await eventually(async () => {
      const d = (await h.call('GET', `/dossiers/${code}`, { token: operator })).body;
      return d.emails?.find((e: { eventKey: string; state: string }) => e.eventKey === 'receipt' && e.state === 'retrying');
    });
    expect(retrying).toMatchObject({ id: `${code}~receipt`, lastError: 'ServiceUnavailable' });
    expect(retrying.attempts).toBeGreaterThanOrEqual(1);
    // the workflow went on meanwhile: the step is in the agency's queue
    await s.task('SDL', sdl, code);
    await h.call('DELETE', '/_local/faults');
    // once SES answers again the receipt goes out, once
    await s.email(who.email, 'Giấy tiếp nhận');
    await s.decide(sdl, code, 's1-sdl', { outcome: 'approve' });
    await s.email(who.email, 'đã có kết quả');
    expect((await h.emailsTo(who.email)).filter((e) => e.subject.includes('Giấy tiếp nhận'))).toHaveLength(1);
  });

  it('answers 503 with Retry-After while DynamoDB is unreachable, and writes nothing', async () => {
    const db = new DynamoDBClient({ endpoint: h.runtime.dynamoDbUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const count = async () => (await db.send(new ScanCommand({ TableName: 'motcua', Select: 'COUNT' }))).Count;
    const before = await count();
    await fault({ service: 'dynamodb', down: true });
    const res = await h.call('POST', '/dossiers', {
      token: desk,
      headers: { 'idempotency-key': uniqueKey() },
      body: { procedureCode: 'DL-LHND', applicant: applicant(3), channel: 'counter' },
    });
    const read = await h.call('GET', '/procedures', { token: desk });
    await fault({ service: 'dynamodb', down: false });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(read.status).toBe(503);
    expect(await count()).toBe(before);
    // and once it is back, the same request goes through
    expect((await h.call('GET', '/procedures', { token: desk })).status).toBe(200);
    db.destroy();
  });
});
