import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/** POST /dossiers against the real stand-ins: idempotency, validation, and nothing written when refused. */
describe('receiving a dossier', () => {
  let h: Harness;
  let desk: string;
  const valid = (n: number) => ({ procedureCode: 'DL-LHND', applicant: applicant(n), channel: 'counter' });
  const post = (body: unknown, key: string | null = uniqueKey(), token = desk) =>
    h.call('POST', '/dossiers', { token, body, headers: key ? { 'idempotency-key': key } : {} });
  const seq = (code: string) => Number(code.split('-').pop());

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    desk = await h.token('desk-officer-1', ['desk']);
  });
  afterAll(() => h?.stop());

  it('answers a retry with the same dossier, and the citizen gets one receipt', async () => {
    const key = uniqueKey();
    const first = await post(valid(1), key);
    const again = await post(valid(1), key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const { lookupPin: firstPin, ...firstRest } = first.body;
    const { lookupPin: againPin, ...againRest } = again.body;
    expect(againRest).toEqual(firstRest);
    // the PIN is never kept in clear, not even in the idempotency record: the replay issues a new one
    expect(againPin).toMatch(/^\d{8}$/);
    const scan = await new DynamoDBClient({ endpoint: h.runtime.dynamoDbUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }).send(new ScanCommand({ TableName: 'motcua' }));
    expect(JSON.stringify(scan.Items)).not.toContain(`"${firstPin}"`);
    expect(JSON.stringify(scan.Items)).not.toContain(`"${againPin}"`);
    const lookup = (pin: string) => h.call('GET', `/public/dossiers/${first.body.code}`, { headers: { 'x-lookup-pin': pin } });
    expect((await lookup(againPin)).status).toBe(200);
    if (againPin !== firstPin) expect((await lookup(firstPin)).status).toBe(404);
    await eventually(async () => (await h.emailsTo(applicant(1).email)).length === 1);
    await h.settled(); // the workflow waits for an officer and the email queue is drained: a second receipt would be here
    expect((await h.emailsTo(applicant(1).email)).length).toBe(1);
  });

  it('refuses a reused key with another body, naming the header', async () => {
    const key = uniqueKey();
    expect((await post(valid(2), key)).status).toBe(201);
    const reused = await post(valid(3), key);
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(reused.body.errors[0].field).toBe('Idempotency-Key');
  });

  it.each([
    ['no Idempotency-Key', null, 'Idempotency-Key', null],
    ['a bad email', uniqueKey(), 'applicant.email', { ...valid(4), applicant: { ...applicant(4), email: 'not-an-email' } }],
    ['an unknown field', uniqueKey(), 'applicant.extra', { ...valid(4), applicant: { ...applicant(4), extra: 1 } }],
    ['a bad channel', uniqueKey(), 'channel', { ...valid(4), channel: 'fax' }],
    ['a bad ID number', uniqueKey(), 'applicant.idNumber', { ...valid(4), applicant: { ...applicant(4), idNumber: '12ab' } }],
    ['no body', uniqueKey(), 'body', undefined],
  ])('refuses %s with problem+json naming the field', async (_, key, field, body) => {
    const res = await post(body === null ? valid(4) : body, key);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses invalid JSON and an unknown procedure', async () => {
    const bad = await h.call('POST', '/dossiers', { token: desk, body: '{"procedureCode":', headers: { 'idempotency-key': uniqueKey() } });
    expect(bad.status).toBe(400);
    const unknown = await post({ ...valid(5), procedureCode: 'NO-SUCH' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('procedureCode');
  });

  it('writes nothing for refused requests: the next code follows the last one', async () => {
    const before = await post(valid(6));
    await post({ ...valid(7), channel: 'fax' });
    await post({ ...valid(7), procedureCode: 'NO-SUCH' });
    await post(valid(7), null);
    await h.call('POST', '/dossiers', { token: await h.token('x', ['agency-STP']), body: valid(7), headers: { 'idempotency-key': uniqueKey() } });
    const after = await post(valid(8));
    expect(seq(after.body.code)).toBe(seq(before.body.code) + 1);
  });

  it('normalises Vietnamese names to NFC', async () => {
    const decomposed = 'Nguyễn Văn An'.normalize('NFD');
    const res = await post({ ...valid(9), applicant: { ...applicant(9), name: decomposed } });
    const read = await h.call('GET', `/dossiers/${res.body.code}`, { token: desk });
    expect(read.body.applicant.name).toBe('Nguyễn Văn An'.normalize('NFC'));
  });
});
