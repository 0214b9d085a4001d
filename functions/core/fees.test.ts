import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFees, FEE_CAP, FeeError, FeesBody, formatDong, refundAmount, refundGround, sumDong, type FeeLineSpec } from './fees';

const name = { vi: 'Lệ phí', en: 'Fee' };
const amount = fc.integer({ min: 1, max: FEE_CAP });

describe('fee arithmetic', () => {
  it('the total is the integer sum of the lines, whatever the lines', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 20 }), (amounts) => {
        const specs: FeeLineSpec[] = amounts.map((a, i) => ({ code: `F-${i}`, kind: 'le-phi', name, amount: a }));
        const { lines, total } = computeFees(specs);
        expect(Number.isSafeInteger(total)).toBe(true);
        expect(total).toBe(lines.reduce((s, l) => s + l.amount, 0));
        expect(lines.map((l) => l.amount)).toEqual(amounts);
      }),
    );
  });

  it('a line chosen by an answer takes the answer\'s amount; a missing answer names the field', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), amount, { minKeys: 1 }), fc.constantFrom('a', 'b', 'c', 'd', 'x'), (values, answer) => {
        const specs: FeeLineSpec[] = [{ code: 'F', kind: 'phi', name, amountBy: { field: 'copies', values } }];
        if (answer in values) expect(computeFees(specs, { copies: answer }).total).toBe(values[answer]);
        else expect(() => computeFees(specs, { copies: answer })).toThrow(FeeError);
      }),
    );
  });

  it('never lets a float become money', () => {
    fc.assert(fc.property(fc.double({ noInteger: true }), (x) => { expect(() => sumDong([1, x])).toThrow(FeeError); }));
    expect(() => computeFees([{ code: 'F', kind: 'phi', name, amount: 0.1 }])).toThrow(FeeError);
  });

  it('the catalogue refuses decimals, zero, negatives, amounts over the cap, and both amount and amountBy', () => {
    for (const bad of [0.5, 0, -1, FEE_CAP + 1]) expect(FeesBody.safeParse([{ code: 'F', kind: 'phi', name, amount: bad }]).success).toBe(false);
    expect(FeesBody.safeParse([{ code: 'F', kind: 'phi', name, amount: 1, amountBy: { field: 'x', values: { a: 1 } } }]).success).toBe(false);
    expect(FeesBody.safeParse([{ code: 'F', kind: 'phi', name }]).success).toBe(false);
    expect(FeesBody.safeParse([{ code: 'F', kind: 'phi', name, amount: 1 }, { code: 'F', kind: 'phi', name, amount: 2 }]).success).toBe(false);
    expect(FeesBody.safeParse([{ code: 'LLTP-01', kind: 'le-phi', name, amount: 200_000 }]).success).toBe(true);
  });

  it('formats đồng the Vietnamese way', () => {
    expect(formatDong(200_000)).toBe('200.000 đ');
    expect(formatDong(1_500_000)).toBe('1.500.000 đ');
    expect(formatDong(5)).toBe('5 đ');
  });

  it('refunds never more than was paid, in whole đồng, the whole payment by default', () => {
    fc.assert(
      fc.property(amount, fc.oneof(fc.integer({ min: -5, max: FEE_CAP + 5 }), fc.double(), fc.constant(undefined)), (paid, asked) => {
        const ok = asked === undefined || (Number.isSafeInteger(asked) && asked > 0 && asked <= paid);
        if (ok) expect(refundAmount(paid, asked)).toBe(asked ?? paid);
        else expect(() => refundAmount(paid, asked)).toThrow(FeeError);
      }),
    );
  });

  it('refunds a fee on a ground the rules give: refused or withdrawn before any approval, money not owed, paid twice', () => {
    const paid = { state: 'paid' as const };
    const none: { stepId: string; history: { outcome?: string }[] }[] = [{ stepId: 's1', history: [] }];
    const approved = [{ stepId: 's1', history: [{ outcome: 'approve' }] }];
    expect(refundGround({ stop: { kind: 'withdrawn' } }, none, paid)).toEqual({ ok: true, ground: 'withdrawn' });
    expect(refundGround({ stop: { kind: 'refused' } }, [{ stepId: 's1', history: [{ outcome: 'refuse' }] }], paid)).toEqual({ ok: true, ground: 'refused' });
    expect(refundGround({ stop: { kind: 'withdrawn' } }, approved, paid)).toMatchObject({ ok: false });
    expect(refundGround({}, none, paid)).toMatchObject({ ok: false });
    expect(refundGround({}, approved, { ...paid, reconcile: 'already-paid' })).toEqual({ ok: true, ground: 'paid-twice' });
    expect(refundGround({ stop: { kind: 'withdrawn' } }, approved, { ...paid, reconcile: 'dossier-moved-on' })).toEqual({ ok: true, ground: 'not-owed' });
    expect(refundGround({ stop: { kind: 'withdrawn' } }, none, { state: 'pending' })).toMatchObject({ ok: false });
  });
});
