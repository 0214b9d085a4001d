import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, eventually, startHarness, uniqueKey, type Harness } from '../support/local';

/**
 * Races through the local gateway against the real stand-ins: two officers deciding one step at
 * the same instant, a hundred intakes at once, and one Idempotency-Key sent ten times at once.
 */
describe('concurrency', () => {
  let h: Harness;
  let db: DynamoDBClient;
  const t: Record<string, string> = {};
  const seq = (code: string) => Number(code.split('-').pop());

  const receive = (who: ReturnType<typeof applicant>, key = uniqueKey(), procedureCode = 'TP-LLTP') =>
    h.call('POST', '/dossiers', { token: t.desk, headers: { 'idempotency-key': key }, body: { procedureCode, applicant: who, channel: 'counter' } });

  /** Every dossier item (META) in the table, straight from DynamoDB. */
  async function dossierItems(): Promise<Record<string, any>[]> {
    const items: Record<string, any>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await db.send(new ScanCommand({ TableName: 'motcua', ExclusiveStartKey: start, ConsistentRead: true }));
      items.push(...(out.Items ?? []).map((i) => unmarshall(i)));
      start = out.LastEvaluatedKey;
    } while (start);
    return items.filter((i) => String(i.PK).startsWith('DOSSIER#') && i.SK === 'META');
  }

  beforeAll(async () => {
    h = await startHarness({ resume: false });
    db = new DynamoDBClient({ endpoint: h.runtime.dynamoDbUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    t.desk = await h.token('desk-1', ['desk']);
    t.stp1 = await h.token('stp-officer-1', ['agency-STP']);
    t.stp2 = await h.token('stp-officer-2', ['agency-STP']);
    t.catp = await h.token('catp-1', ['agency-CATP']);
  });
  afterAll(async () => {
    db?.destroy();
    await h?.stop();
  });

  it('two officers deciding one step at once: exactly one wins, the other gets 409, one decision in the history (10 dossiers)', async () => {
    await h.call('POST', '/_local/clock', { body: { set: '2026-12-02T10:00:00+07:00' } });
    const codes: string[] = [];
    for (let n = 0; n < 10; n++) {
      const res = await receive(applicant(100 + n));
      expect(res.status).toBe(201);
      codes.push(res.body.code);
    }
    await eventually(async () => {
      const tasks = (await h.call('GET', '/agencies/STP/tasks', { token: t.stp1 })).body.tasks as { dossierCode: string }[];
      return codes.every((c) => tasks.some((x) => x.dossierCode === c));
    });
    const winners: Record<string, string> = {};
    for (const [i, code] of codes.entries()) {
      // alternate who sends first, so either outcome can win
      const approve = () => h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: t.stp1, headers: { 'idempotency-key': uniqueKey() }, body: { outcome: 'approve' } });
      const refuse = () => h.call('POST', `/dossiers/${code}/steps/s1-stp/decision`, { token: t.stp2, headers: { 'idempotency-key': uniqueKey() }, body: { outcome: 'refuse', reason: 'Hồ sơ không hợp lệ' } });
      const [a, r] = i % 2 ? await Promise.all([approve(), refuse()]) : (await Promise.all([refuse(), approve()])).reverse();
      expect([a!.status, r!.status].sort(), `${code}: ${JSON.stringify([a!.body, r!.body])}`).toEqual([202, 409]);
      const loser = a!.status === 409 ? a! : r!;
      expect(loser.headers.get('content-type')).toContain('application/problem+json');
      winners[code] = a!.status === 202 ? 'approve' : 'refuse';

      const dossier = (await h.call('GET', `/dossiers/${code}`, { token: t.desk })).body;
      const step = dossier.steps.find((s: { stepId: string }) => s.stepId === 's1-stp');
      expect(step.history, code).toHaveLength(1);
      expect(step.history[0].outcome).toBe(winners[code]);
      expect(step.history[0].by).toBe(winners[code] === 'approve' ? 'stp-officer-1' : 'stp-officer-2');
      expect(step.outcome).toBe(winners[code]);
    }
    // and the workflow carried on once, the winner's way: approve → the City Police step; refuse → stopped (8)
    for (const code of codes) {
      if (winners[code] === 'approve') {
        await eventually(async () => (await h.call('GET', '/agencies/CATP/tasks', { token: t.catp })).body.tasks?.some((x: { dossierCode: string }) => x.dossierCode === code));
      } else {
        await eventually(async () => (await h.call('GET', `/dossiers/${code}`, { token: t.desk })).body.status === 8);
      }
      const steps = (await h.call('GET', `/dossiers/${code}`, { token: t.desk })).body.steps as { stepId: string; history: unknown[] }[];
      expect(steps.find((s) => s.stepId === 's1-stp')!.history).toHaveLength(1);
    }
    console.log(`concurrency: 10 decision races → ${Object.values(winners).filter((w) => w === 'approve').length} approve / ${Object.values(winners).filter((w) => w === 'refuse').length} refuse won, each with exactly one 202 and one 409`);
  });

  const DAY = '2026-12-03T09:00:00+07:00';
  const N = 100;
  let last = 0;

  /**
   * A client that retries a retryable answer (409 in progress, 5xx) with the same key and body, as
   * a client should. The local runtime runs every function on one event loop, so a hundred intakes
   * at once take seconds each; they outlived the 10 s function timeout (500) until local functions
   * got at least five minutes (37ac642). The retry keeps the test meaningful on a slower machine.
   */
  async function untilAnswered(who: ReturnType<typeof applicant>, key: string) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const res = await receive(who, key);
      if (res.status === 201) return res;
      expect(res.status === 409 || res.status >= 500, `${key}: ${res.status} ${JSON.stringify(res.body)}`).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${key}: never answered 201`);
  }

  it(`${N} concurrent intakes: ${N} dossiers, distinct codes, sequence numbers 1..${N} for the day with no gap`, async () => {
    await h.call('POST', '/_local/clock', { body: { set: DAY } });
    const keys = Array.from({ length: N }, () => uniqueKey());
    const first = await Promise.all(keys.map((key, n) => receive(applicant(1000 + n), key)));
    const firstStatuses = first.map((r) => r.status);
    // every first answer is a 201 or a retryable refusal, never a 4xx that would make a client give up
    expect(firstStatuses.filter((s) => s !== 201 && s !== 409 && s < 500), JSON.stringify(first.find((r) => r.status !== 201)?.body)).toEqual([]);
    const results = await Promise.all(first.map((r, n) => (r.status === 201 ? r : untilAnswered(applicant(1000 + n), keys[n]!))));
    expect(results.map((r) => r.status)).toEqual(Array(N).fill(201));
    const codes = results.map((r) => r.body.code as string);
    expect(new Set(codes).size).toBe(N);
    expect(codes.every((c) => c.startsWith('TTHCC-261203-'))).toBe(true);
    expect(codes.map(seq).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    // in the table: exactly these dossiers for the day, each for its own applicant
    const stored = (await dossierItems()).filter((d) => String(d.code).startsWith('TTHCC-261203-'));
    expect(stored.map((d) => d.code).sort()).toEqual([...codes].sort());
    results.forEach((r, n) => expect(stored.find((d) => d.code === r.body.code)!.applicant.email).toBe(applicant(1000 + n).email));
    // a retry of an answered request gets the same code back
    for (const n of [0, N / 2, N - 1]) expect((await receive(applicant(1000 + n), keys[n]!)).body.code).toBe(codes[n]);
    const by = (s: (x: number) => boolean) => firstStatuses.filter(s).length;
    console.log(
      `concurrency: ${N} intakes at once → first answers ${by((x) => x === 201)} × 201, ${by((x) => x === 409)} × 409, ${by((x) => x >= 500)} × 5xx (retried with their key); ` +
        `${N} dossiers, codes 1..${N} with no gap and no duplicate`,
    );
    last = N;
    // let the hundred workflows send their receipts before the next race
    await eventually(async () => {
      const emails = await h.emails();
      return results.every((_, n) => emails.some((e) => e.destination.to.includes(applicant(1000 + n).email)));
    }, 60_000);
  }, 150_000);

  it('one Idempotency-Key sent 10 times at once: 201 or 409, one dossier, one receipt email, no gap after it', async () => {
    await h.call('POST', '/_local/clock', { body: { set: DAY } });
    const who = applicant(5000);
    const key = uniqueKey();
    const results = await Promise.all(Array.from({ length: 10 }, () => receive(who, key)));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409), JSON.stringify(statuses)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.headers.get('retry-after')).toBeTruthy();
    }
    const codes = new Set(results.filter((r) => r.status === 201).map((r) => r.body.code as string));
    expect(codes.size).toBe(1);
    const [code] = [...codes];
    expect((await h.call('GET', `/dossiers/${code}`, { token: t.desk })).status).toBe(200);
    // exactly one dossier for this applicant in the table
    const theirs = (await dossierItems()).filter((d) => d.applicant?.email === who.email);
    expect(theirs.map((d) => d.code)).toEqual([code]);
    // a retry after the race gets the same answer
    const retry = await receive(who, key);
    expect(retry.status).toBe(201);
    expect(retry.body.code).toBe(code);
    // the race consumed one sequence number: the next intake follows it
    expect(seq(code!)).toBe(last + 1);
    const next = await receive(applicant(5001));
    expect(seq(next.body.code)).toBe(seq(code!) + 1);
    // one receipt
    await eventually(async () => (await h.emailsTo(who.email)).length >= 1);
    await h.settled(); // every execution waits for an officer and the email queue is drained
    expect((await h.emailsTo(who.email)).length).toBe(1);
    console.log(`concurrency: one key ×10 at once → ${statuses.filter((s) => s === 201).length} × 201, ${statuses.filter((s) => s === 409).length} × 409, 1 dossier (${code}), 1 receipt`);
  });
});
