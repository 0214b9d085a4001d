import * as z from 'zod';
import type { Text } from './model';
import { dong } from './money';

/**
 * Fees (phí, lệ phí) as data, and their arithmetic. Pure. Money is integer đồng everywhere: an
 * amount that is not a safe integer > 0 and ≤ FEE_CAP is refused when the procedure is
 * published, and a total is an integer sum of integers (never a float, never rounded).
 *
 * A procedure version lists its fee lines and says when they are due:
 *   `submission`     — once the dossier is received, before processing counts (status 6 first);
 *   `before-return`  — after the last agency's approval, before the result is handed back.
 * The national terms (OpenCPS KeypayDVCQGTerm PhiLePhi): LoaiPhiLePhi = kind, MaPhiLePhi = code,
 * TenPhiLePhi = name, SoTien = amount.
 */

/** A sane cap for one line: 100 million đồng (the shipped procedures' fees are far below). */
export const FEE_CAP = 100_000_000;
/** A line's amount chosen by a form answer: at most this many answers. */
const MAX_CHOICES = 50;

export type FeeKind = 'phi' | 'le-phi';
export type FeesDue = 'submission' | 'before-return';

export interface FeeLineSpec {
  /** Unique within the procedure, e.g. `LLTP-01`. */
  code: string;
  kind: FeeKind;
  name: Text;
  /** A fixed amount in đồng … */
  amount?: number;
  /** … or one chosen by a form answer (the answer's value → đồng). */
  amountBy?: { field: string; values: Record<string, number> };
}

/** One line of an obligation as the citizen is asked to pay it. */
export interface FeeLine {
  code: string;
  kind: FeeKind;
  name: Text;
  amount: number;
}

export const FEE_CODE = /^[A-Z0-9][A-Z0-9-]{0,29}$/;
const label = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'must not be empty').max(300, 'at most 300 characters'));
export const Money = z
  .number('expected an amount in đồng')
  .int('whole đồng (no decimals)')
  .positive('more than 0 đồng')
  .max(FEE_CAP, `at most ${FEE_CAP} đồng`);

export const FeeLineBody = z
  .object({
    code: z.string().regex(FEE_CODE, 'upper-case letters, digits and dashes, e.g. LLTP-01'),
    kind: z.enum(['phi', 'le-phi']),
    name: z.object({ vi: label, en: label }).strict(),
    amount: Money.optional(),
    amountBy: z
      .object({
        field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/, 'a form field name'),
        values: z.record(z.string().min(1).max(100), Money).refine((v) => Object.keys(v).length >= 1 && Object.keys(v).length <= MAX_CHOICES, `1 to ${MAX_CHOICES} answers`),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((l) => (l.amount === undefined) !== (l.amountBy === undefined), { message: 'either amount or amountBy, not both', path: ['amount'] });

export const FeesBody = z
  .array(FeeLineBody)
  .max(20, 'at most 20 fee lines')
  .refine((ls) => new Set(ls.map((l) => l.code)).size === ls.length, 'fee codes are unique within a procedure');

export const FeesDueBody = z.enum(['submission', 'before-return']);

export class FeeError extends Error {
  override name = 'FeeError';
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Integer sum; refuses anything that is not a safe integer (a float never becomes money). */
export function sumDong(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new FeeError('amount', `not whole đồng: ${a}`);
    total += a;
    if (!Number.isSafeInteger(total)) throw new FeeError('amount', 'total out of range');
  }
  return total;
}

/**
 * The lines a dossier owes and their total, from the procedure's lines and the form's answers.
 * A line chosen by an answer that is missing or not listed: FeeError naming the field.
 */
export function computeFees(specs: readonly FeeLineSpec[] | undefined, answers: Record<string, unknown> = {}): { lines: FeeLine[]; total: number } {
  const lines = (specs ?? []).map((s): FeeLine => {
    let amount: number | undefined = s.amount;
    if (s.amountBy) {
      const answer = answers[s.amountBy.field];
      amount = typeof answer === 'string' || typeof answer === 'number' ? s.amountBy.values[String(answer)] : undefined;
      if (amount === undefined) throw new FeeError(s.amountBy.field, `the answer chooses the fee ${s.code}: one of ${Object.keys(s.amountBy.values).join(', ')}`);
    }
    if (amount === undefined || !Number.isSafeInteger(amount) || amount <= 0) throw new FeeError('amount', `fee ${s.code}: not whole đồng`);
    return { code: s.code, kind: s.kind, name: { vi: s.name.vi, en: s.name.en }, amount };
  });
  return { lines, total: sumDong(lines.map((l) => l.amount)) };
}

/** "200.000 đ" — Vietnamese grouping, for letters and pages (integers only). */
export function formatDong(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new FeeError('amount', `not whole đồng: ${amount}`);
  return dong(amount);
}

export type PaymentMethod = 'online' | 'cash' | 'card';
export type PaymentState = 'pending' | 'paid' | 'cancelled' | 'failed';

/** The dossier's obligation (status 6): what is owed, since when, and whether it is paid. */
export interface FeeObligation {
  due: FeesDue;
  lines: FeeLine[];
  total: number;
  currency: 'VND';
  /** When the obligation arose: the clock's fee pause starts here (docs/fees.md). */
  since: string;
  paidAt?: string;
  /** The payment that settled it. */
  paymentId?: string;
  /** Refunds made (refund id → the payment refunded, the amount in đồng, when): the outbox's `fee-refunded`. */
  refunds?: Record<string, { paymentId: string; amount: number; at: string }>;
}

/** The pause key of the fee wait in `dossier.pauses` (kind `fee`). */
export const FEE_PAUSE_KEY = 'fee-1';

/**
 * Refunds (docs/fees.md, "Refunds"). A payment is refunded at most once, never more than was
 * paid, and only on one of these grounds (the rules as understood; unverified in docs/fees.md):
 *   `not-owed`     — the money came after the dossier had moved on (withdrawn, stopped): nothing was owed;
 *   `paid-twice`   — the obligation was already settled by another payment;
 *   `refused`      — the dossier was refused before any agency approved a step (refused at intake or appraisal's first step);
 *   `withdrawn`    — the citizen withdrew the dossier before processing produced anything (no step approved).
 * Any other paid fee stays paid: the service was rendered (Law 97/2015/QH13 leaves refunds to each
 * fee's own act; none of the shipped ones provides for a refund once processing has begun).
 */
export type RefundGround = 'not-owed' | 'paid-twice' | 'refused' | 'withdrawn';
export type RefundState = 'requested' | 'refunded' | 'failed';

export type RefundDecision = { ok: true; ground: RefundGround } | { ok: false; why: string };

/** Whether a paid payment may be refunded, and on which ground. Pure. */
export function refundGround(
  dossier: { stop?: { kind: 'refused' | 'withdrawn' } },
  steps: readonly { stepId: string; history: readonly { outcome?: string }[] }[],
  payment: { state: PaymentState; reconcile?: string },
): RefundDecision {
  if (payment.state !== 'paid') return { ok: false, why: 'the payment is not paid' };
  if (payment.reconcile === 'already-paid') return { ok: true, ground: 'paid-twice' };
  if (payment.reconcile === 'dossier-moved-on') return { ok: true, ground: 'not-owed' };
  if (!dossier.stop) return { ok: false, why: 'the dossier is neither refused nor withdrawn: the fee was owed' };
  const approved = steps.find((s) => s.history.some((h) => h.outcome === 'approve'));
  if (approved) return { ok: false, why: `processing had begun (step ${approved.stepId} was approved): the fee is not refunded` };
  return { ok: true, ground: dossier.stop.kind };
}

/** An amount to refund: whole đồng, > 0, never more than was paid. */
export function refundAmount(paid: number, asked: number | undefined): number {
  const amount = asked ?? paid;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new FeeError('amount', 'whole đồng, more than 0');
  if (amount > paid) throw new FeeError('amount', `at most ${paid} đồng (what was paid)`);
  return amount;
}
