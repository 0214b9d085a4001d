import { describe, expect, it } from 'vitest';
import { attributeValueSize, itemSize, writeUnits } from '../../bench/lib/dynamo-meter';
import { billedGbSeconds, cost, pollingUsage, PRICES, type Usage } from '../../bench/lib/pricing';

/** The pure helpers of bench/ (pricing, capacity units): no stand-ins, no timing. */
const usage: Usage = { stateTransitions: 1000, lambdaInvocations: 1e6, lambdaGbSeconds: 1, writeUnits: 1e6, readUnits: 1e6, emails: 1000, apiRequests: 1e6 };

describe('bench pricing', () => {
  it('prices each service with the us-east-1 figures of issue 6', () => {
    const c = cost(usage);
    expect(c.stateTransitions).toBeCloseTo(0.025, 10);
    expect(c.lambdaInvocations).toBeCloseTo(0.2, 10);
    expect(c.lambdaGbSeconds).toBeCloseTo(0.0000133334, 12);
    expect(c.writeUnits).toBeCloseTo(0.625, 10);
    expect(c.readUnits).toBeCloseTo(0.125, 10);
    expect(c.emails).toBeCloseTo(0.1, 10);
    expect(c.apiRequests).toBeCloseTo(1, 10);
    expect(c.total).toBeCloseTo(0.025 + 0.2 + 0.0000133334 + 0.625 + 0.125 + 0.1 + 1, 10);
    expect(PRICES.stateTransition).toBe(0.000025);
  });

  it('bills a Lambda duration rounded up to the millisecond, at the function memory', () => {
    expect(billedGbSeconds(10.2, 256)).toBeCloseTo(0.011 * 0.25, 12);
    expect(billedGbSeconds(1, 1024)).toBeCloseTo(0.001, 12);
  });

  it('turns callback waits into hourly polls', () => {
    const p = pollingUsage(
      { ...usage, stateTransitions: 30, lambdaInvocations: 20, lambdaGbSeconds: 0.1, writeUnits: 50, readUnits: 20 },
      { waitHours: [1.5, 0.2], callbackWaits: 2, awaitGbSeconds: 0.001, awaitWriteUnits: 2, checkGbSeconds: 0.002, checkReadUnits: 1 },
    );
    expect(p.polls).toBe(3); // ⌈1.5⌉ + at least one
    expect(p.stateTransitions).toBe(30 - 2 + 3 * 3);
    expect(p.lambdaInvocations).toBe(20 - 2 + 3);
    expect(p.lambdaGbSeconds).toBeCloseTo(0.1 - 0.002 + 0.006, 12);
    expect(p.writeUnits).toBe(46);
    expect(p.readUnits).toBe(23);
  });
});

describe('bench capacity units', () => {
  it('sizes items the way DynamoDB does', () => {
    expect(attributeValueSize({ S: 'abc' })).toBe(3);
    expect(attributeValueSize({ S: 'Bình' })).toBe(5); // UTF-8 bytes
    expect(attributeValueSize({ N: '123' })).toBe(3);
    expect(attributeValueSize({ BOOL: true })).toBe(1);
    expect(attributeValueSize({ L: [{ S: 'a' }, { S: 'b' }] })).toBe(3 + 2 + 2);
    expect(itemSize({ PK: { S: 'DOSSIER#1' }, n: { N: '7' } })).toBe(2 + 9 + 1 + 2);
  });

  it('charges 1 KB write units for the table and for each index entry touched', () => {
    const big = (extra: Record<string, unknown>) => ({ PK: { S: 'A' }, SK: { S: 'B' }, blob: { S: 'x'.repeat(1500) }, ...extra }) as never;
    const ix = [{ name: 'GSI1', keys: ['GSI1PK', 'GSI1SK'] }];
    const inQueue = big({ GSI1PK: { S: 'QUEUE#STP' }, GSI1SK: { S: '1' } });
    expect(writeUnits(undefined, inQueue, ix)).toEqual({ table: 2, index: 2 }); // new item, new index entry
    expect(writeUnits(inQueue, inQueue, ix)).toEqual({ table: 2, index: 2 }); // same index key: rewritten
    expect(writeUnits(inQueue, big({ GSI1PK: { S: 'QUEUE#STP' }, GSI1SK: { S: '2' } }), ix)).toEqual({ table: 2, index: 4 }); // moved
    expect(writeUnits(inQueue, big({}), ix)).toEqual({ table: 2, index: 2 }); // left the index
    expect(writeUnits(inQueue, undefined, ix, true)).toEqual({ table: 2, index: 0 }); // refused by its condition
    expect(writeUnits(undefined, { PK: { S: 'A' } } as never, ix)).toEqual({ table: 1, index: 0 });
  });
});
