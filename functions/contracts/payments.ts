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
  platform: count,
  hub: count,
  balanced: z.boolean(),
  mismatches: z.array(
    z.object({
      paymentId: z.string(),
      kind: z.enum(['hub-only', 'platform-only', 'amount-differs', 'flagged']),
      platformAmount: dong.optional(),
      hubAmount: dong.optional(),
      note: z.string().optional(),
    }),
  ),
});
