import * as z from 'zod';

/** Response shapes of the fee and payment routes (docs/fees.md). Money: integer đồng. */
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?\+07:00$/, 'a local time with +07:00');
const dong = z.number().int().min(0);
const method = z.enum(['online', 'cash', 'card']);
export const ReceiptFields = z.object({ invoiceTemplateNo: z.string(), invoiceIssueNo: z.string(), invoiceNo: z.string() });

export const PaymentStarted = z.object({ paymentId: z.string(), dossierCode: z.string(), total: dong, currency: z.literal('VND'), payUrl: z.string() });

export const PaymentRecorded = z.object({
  paymentId: z.string(),
  dossierCode: z.string(),
  outcome: z.enum(['recorded', 'duplicate']),
  total: dong,
  method,
  paidAt: localTime,
  receipt: ReceiptFields,
  /** A payment for a dossier that had moved on: recorded, and listed by the day's reconciliation. */
  reconcile: z.string().optional(),
});

export const ConfirmationAnswer = z.object({ paymentId: z.string(), outcome: z.enum(['recorded', 'duplicate', 'cancelled', 'failed']), reconcile: z.string().optional() });

const count = z.object({ count: z.number().int(), total: dong });
export const PaymentList = z.object({
  from: z.string(),
  to: z.string(),
  payments: z.array(
    z.object({ paymentId: z.string(), dossierCode: z.string(), procedureCode: z.string(), unit: z.string(), method, total: dong, paidAt: localTime, receipt: ReceiptFields, reconcile: z.string().optional() }),
  ),
  total: dong,
  byDay: z.record(z.string(), count),
  byMethod: z.record(z.string(), count),
  byProcedure: z.record(z.string(), count),
});

export const Reconciliation = z.object({
  date: z.string(),
  /** Online payments: recorded by the platform, settled by the hub (its signed statement). */
  platform: count,
  hub: count,
  /** Online refunds: recorded by the platform, made by the hub. */
  refunds: z.object({ platform: count, hub: count }),
  /** Counter money (cash, card): taken, handed back, and what the desks' drawers must hold. */
  counter: z.object({ paid: count, refunded: count, net: z.number().int() }),
  /** The day's net money in đồng: the hub's, the platform's online, the counter's, and the total. */
  net: z.object({ hub: z.number().int(), online: z.number().int(), counter: z.number().int(), total: z.number().int() }),
  balanced: z.boolean(),
  mismatches: z.array(
    z.object({
      paymentId: z.string(),
      refundId: z.string().optional(),
      kind: z.enum(['hub-only', 'platform-only', 'amount-differs', 'flagged', 'refund-hub-only', 'refund-platform-only', 'refund-amount-differs']),
      platformAmount: dong.optional(),
      hubAmount: dong.optional(),
      note: z.string().optional(),
    }),
  ),
});

export const RefundAnswer = z.object({
  refundId: z.string(),
  paymentId: z.string(),
  dossierCode: z.string(),
  method,
  /** Integer đồng: never more than was paid. */
  amount: dong,
  ground: z.enum(['not-owed', 'paid-twice', 'refused', 'withdrawn']),
  /** `requested`: asked of the hub (online), refunded when the hub confirms; `refunded`: handed back at the counter. */
  state: z.enum(['requested', 'refunded', 'failed']),
  requestedAt: localTime,
  refundedAt: localTime.optional(),
});

export const RefundConfirmationAnswer = z.object({ refundId: z.string(), outcome: z.enum(['refunded', 'duplicate', 'failed']) });

/** A receipt as a file (the reports' shape): `bien-lai-<series>-<number>.pdf`, application/pdf, the bytes in base64. */
export const ReceiptPdfFile = z.object({ filename: z.string(), mediaType: z.literal('application/pdf'), base64: z.string() });
