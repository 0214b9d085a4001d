import { randomBytes } from 'node:crypto';
import { workingCalendar } from './calendar';
import { now } from './clock';
import { conflict } from './http';
import { requestHubPayment } from './payment-hub';
import { currentCentre } from '../core/centre';
import { compose, UnwritableLetter } from './compose-email';
import { enqueueEmail } from './email-queue';
import { readEmail, requestEmail } from './email-store';
import { wake } from './callback';
import { logger } from './powertools';
import { getDossier, getItem, keys, listDossierItems, putIfAbsent, queryAll, reserveSequence, settleSequence, updateIf } from './store';
import { appointmentAt } from '../core/deadlines';
import { receivingDesk, type Dossier } from '../core/dossier';
import { computeFees, FEE_PAUSE_KEY, type FeeLine, type FeeObligation, type FeesDue, type PaymentMethod, type PaymentState } from '../core/fees';
import { localDate } from '../core/local-time';
import { DossierStatus } from '../core/model';

/**
 * Payments of fees (docs/fees.md). A payment item per attempt (`PAYMENT#<id>`), the dossier's
 * obligation on the dossier (`fees`, status 6, the fee pause), and once paid a day item
 * (`PAYDAY#<local date>` / `<paidAt>#<id>`) that lists and reconciles the day's money: no
 * personal data on it. Recording a payment is safe to repeat at every stage: the payment's state
 * changes once, the receipt number is reserved once per payment (reserveSequence), the dossier's
 * obligation closes once, the letter is queued once (its event key).
 */
export interface Receipt {
  /** Mẫu số (OpenCPS PaymentFileTerm.invoiceTemplateNo). */
  invoiceTemplateNo: string;
  /** Ký hiệu: the series, per centre (desk) and year. */
  invoiceIssueNo: string;
  /** Số: the number within the series, no gap, no duplicate. */
  invoiceNo: string;
}

export interface Payment {
  id: string;
  dossierCode: string;
  procedureCode: string;
  /** The desk the money is collected for (the dossier's receiving desk: its branch or the main desk). */
  unit: string;
  branch?: string;
  lines: FeeLine[];
  total: number;
  currency: 'VND';
  method: PaymentMethod;
  state: PaymentState;
  createdAt: string;
  paidAt?: string;
  /** The payer's name: on the receipt (the only personal data the hub is given). */
  payerName: string;
  /** Online: the hub's transaction reference. */
  hubRef?: string;
  /** At the counter: the officer who took the money. */
  recordedBy?: string;
  receipt?: Receipt;
  /** Confirmations received from the hub (a repeated one is counted, never recorded twice). */
  confirmations?: number;
  /** Why the day's reconciliation must look at it (a confirmation after the dossier moved on). */
  reconcile?: string;
}

export const paymentKey = (id: string) => ({ PK: `PAYMENT#${id}`, SK: 'PAYMENT' });
export const paydayKey = (day: string, paidAt: string, id: string) => ({ PK: `PAYDAY#${day}`, SK: `${paidAt}#${id}` });
/** The national form of an electronic receipt of fees (mẫu số; unverified, docs/fees.md). */
export const RECEIPT_TEMPLATE = '01BLP0-001';

/** An item without its table keys (payments and refunds answer what they stored). */
export const strip = <T>(item: Record<string, unknown> | undefined) => {
  if (!item) return undefined;
  const { PK: _pk, SK: _sk, ...rest } = item;
  return rest as T;
};

export const getPayment = async (id: string) => strip<Payment>(await getItem(paymentKey(id)));

/** The obligation a procedure version puts on a dossier (none when it lists no fee). */
export function obligationOf(d: Pick<Dossier, 'procedure'>, due: FeesDue, at: string, answers: Record<string, unknown> = {}): FeeObligation | undefined {
  const { lines, total } = computeFees(d.procedure.fees, answers);
  if (lines.length === 0) return undefined;
  return { due, lines, total, currency: 'VND', since: at };
}

/** The fee pause in `dossier.pauses` (kind `fee`): the clock waits from the obligation to the payment. */
export const feePause = (agency: string, from: string) => ({ stepId: 'fee', round: 1, agency, from, missing: [], reason: 'financial obligation', kind: 'fee' as const });

/** A letter of the dossier outside the workflow's tasks: recorded once by its event key, queued. */
export async function queueLetter(code: string, event: 'fees-due' | 'payment-receipt' | 'payment-refund', eventKey: string): Promise<void> {
  let item = await readEmail(code, eventKey);
  if (!item) {
    try {
      await compose({ dossierCode: code, event, eventKey });
    } catch (error) {
      if (error instanceof UnwritableLetter) {
        logger.error('letter cannot be written', { dossierCode: code, eventKey, error: error.message });
        return;
      }
      throw error;
    }
    item = (await requestEmail(code, eventKey, event, { event })).item;
  }
  if (item.state === 'queued') await enqueueEmail({ dossierCode: code, eventKey });
  logger.info('email queued', { dossierCode: code, event, eventKey, state: item.state });
}

/**
 * The dossier enters status 6 (from one of `from`): its obligation, the fee pause, then the letter.
 * A retry finds the obligation and only (re)queues the letter.
 */
export async function openObligation(d: Dossier, obligation: FeeObligation, from: number[]): Promise<boolean> {
  const opened = await updateIf({
    Key: keys.dossier(d.code),
    UpdateExpression: 'SET #status = :six, fees = :fees, pauses.#fee = :pause',
    ConditionExpression: `attribute_not_exists(fees) AND #status IN (${from.map((_, i) => `:f${i}`).join(', ')})`,
    ExpressionAttributeNames: { '#status': 'status', '#fee': FEE_PAUSE_KEY },
    ExpressionAttributeValues: {
      ':six': DossierStatus.financialObligation,
      ':fees': obligation,
      ':pause': feePause(receivingDesk(d), obligation.since),
      ...Object.fromEntries(from.map((f, i) => [`:f${i}`, f])),
    },
  });
  const now = opened ? obligation : (await getDossier(d.code))?.fees;
  if (!now) return false;
  if (!now.paidAt) await queueLetter(d.code, 'fees-due', 'fees-due');
  logger.info('financial obligation', { dossierCode: d.code, due: now.due, total: now.total, opened: Boolean(opened) });
  return Boolean(opened);
}

/** Next receipt number of the unit's series for the year, reserved once for this payment. */
async function issueReceipt(p: Payment, paidAt: string): Promise<Receipt> {
  if (p.receipt) return p.receipt;
  const year = localDate(paidAt).slice(0, 4);
  const series = `RCPT${p.unit}`;
  const seq = await reserveSequence(series, year, `pay-${p.id}`);
  const receipt: Receipt = { invoiceTemplateNo: RECEIPT_TEMPLATE, invoiceIssueNo: `${p.unit}/${year.slice(2)}E`, invoiceNo: String(seq).padStart(7, '0') };
  await updateIf({
    Key: paymentKey(p.id),
    UpdateExpression: 'SET receipt = if_not_exists(receipt, :r)',
    ExpressionAttributeValues: { ':r': receipt },
  });
  const kept = (await getPayment(p.id))?.receipt ?? receipt;
  await settleSequence(series, year, `pay-${p.id}`, seq, Math.floor(Date.parse(paidAt) / 1000) + 400 * 86400);
  return kept;
}

export type Recorded = { outcome: 'recorded' | 'duplicate'; payment: Payment; flagged?: string };

/**
 * Record a payment as paid (a hub's confirmation, or money at the counter). Safe to repeat: the
 * second time answers `duplicate` and completes whatever a crash left undone. A payment for a
 * dossier that has moved on (withdrawn, stopped, already paid by another payment) is recorded and
 * flagged for reconciliation: the money came, a person must look.
 */
export async function recordPaid(id: string, facts: { method: PaymentMethod; at: string; hubRef?: string; by?: string }, options: { letter?: boolean } = {}): Promise<Recorded> {
  const first = (await updateIf({
    Key: paymentKey(id),
    UpdateExpression:
      'SET #state = :paid, paidAt = :at, #method = :method, confirmations = if_not_exists(confirmations, :zero) + :one' +
      (facts.hubRef ? ', hubRef = :ref' : '') +
      (facts.by ? ', recordedBy = :by' : ''),
    ConditionExpression: '#state <> :paid',
    ExpressionAttributeNames: { '#state': 'state', '#method': 'method' },
    ExpressionAttributeValues: {
      ':paid': 'paid',
      ':at': facts.at,
      ':method': facts.method,
      ':zero': 0,
      ':one': 1,
      ...(facts.hubRef ? { ':ref': facts.hubRef } : {}),
      ...(facts.by ? { ':by': facts.by } : {}),
    },
    ReturnValues: 'ALL_NEW',
  })) as Payment | undefined;
  let payment = first ?? (await getPayment(id));
  if (!payment) throw new Error(`payment ${id} not found`);
  if (!first && facts.method === 'online') {
    await updateIf({ Key: paymentKey(id), UpdateExpression: 'ADD confirmations :one', ExpressionAttributeValues: { ':one': 1 } });
  }
  const paidAt = payment.paidAt!;
  const receipt = await issueReceipt(payment, paidAt);
  payment = { ...payment, receipt };

  // the dossier's obligation closes once, with this payment
  const dossier = await getDossier(payment.dossierCode);
  let flagged: string | undefined = payment.reconcile;
  if (dossier?.fees && !dossier.fees.paidAt && dossier.status === DossierStatus.financialObligation) {
    // the wait ends when the money came; never before it began (a hub's clock a little behind ours)
    const pause = dossier.pauses?.[FEE_PAUSE_KEY];
    const resumedAt = pause && Date.parse(pause.from) > Date.parse(paidAt) ? pause.from : paidAt;
    const closedPauses = pause ? { ...dossier.pauses, [FEE_PAUSE_KEY]: { ...pause, to: resumedAt } } : dossier.pauses;
    const cal = await workingCalendar();
    const appointment = appointmentAt(cal, { ...dossier, pauses: closedPauses })?.toISOString() ?? dossier.appointmentAt;
    const next = dossier.fees.due === 'before-return' ? DossierStatus.decided : dossier.stageIndex > 0 || dossier.executionName ? DossierStatus.processing : DossierStatus.received;
    await updateIf({
      Key: keys.dossier(dossier.code),
      UpdateExpression: `SET #status = :next, fees.paidAt = :at, fees.paymentId = :id, appointmentAt = :appt${pause ? ', pauses.#fee.#to = :resumed' : ''}`,
      ConditionExpression: '#status = :six AND attribute_not_exists(fees.paidAt)',
      ExpressionAttributeNames: { '#status': 'status', ...(pause ? { '#fee': FEE_PAUSE_KEY, '#to': 'to' } : {}) },
      ExpressionAttributeValues: { ':next': next, ':at': paidAt, ':id': id, ':six': DossierStatus.financialObligation, ':appt': appointment, ...(pause ? { ':resumed': resumedAt } : {}) },
    });
  }
  const after = await getDossier(payment.dossierCode);
  if (after?.fees?.paymentId !== id && !flagged) {
    flagged = after?.fees?.paymentId ? 'already-paid' : 'dossier-moved-on';
    await updateIf({ Key: paymentKey(id), UpdateExpression: 'SET reconcile = if_not_exists(reconcile, :r)', ExpressionAttributeValues: { ':r': flagged } });
    logger.warn('payment recorded for a dossier that has moved on: flagged for reconciliation', { dossierCode: payment.dossierCode, paymentId: id, reason: flagged });
  }
  await putIfAbsent({
    ...paydayKey(localDate(paidAt), paidAt, id),
    paymentId: id,
    dossierCode: payment.dossierCode,
    procedureCode: payment.procedureCode,
    unit: payment.unit,
    ...(payment.branch ? { branch: payment.branch } : {}),
    method: payment.method,
    total: payment.total,
    lines: payment.lines.map((l) => ({ code: l.code, kind: l.kind, amount: l.amount })),
    receipt,
    paidAt,
    ...(payment.hubRef ? { hubRef: payment.hubRef } : {}),
    ...(flagged ? { reconcile: flagged } : {}),
  });
  // the paused steps see the clock run again (their due times are derived from the facts)
  const { steps } = await listDossierItems(payment.dossierCode);
  await Promise.all(steps.filter((s) => s.state === 'pending').map((s) => wake(s.taskToken, s.stepId)));
  if (options.letter !== false) await queueLetter(payment.dossierCode, 'payment-receipt', `payment-receipt-${id.toLowerCase()}`);
  logger.info('payment recorded', { dossierCode: payment.dossierCode, paymentId: id, method: payment.method, total: payment.total, duplicate: !first });
  return { outcome: first ? 'recorded' : 'duplicate', payment, ...(flagged ? { flagged } : {}) };
}

/** A new payment for the dossier's open obligation (online: pending until the hub confirms). */
export async function createPayment(d: Dossier, id: string, method: PaymentMethod, at: string, extra: Partial<Payment> = {}): Promise<Payment> {
  const fees = d.fees!;
  const payment: Payment = {
    id,
    dossierCode: d.code,
    procedureCode: d.procedure.code,
    unit: receivingDesk(d),
    ...(d.branch ? { branch: d.branch } : {}),
    lines: fees.lines,
    total: fees.total,
    currency: 'VND',
    method,
    state: 'pending',
    createdAt: at,
    payerName: d.applicant.name,
    ...extra,
  };
  if (!(await putIfAbsent({ ...paymentKey(id), ...payment }))) return (await getPayment(id))!;
  return payment;
}

export interface PaydayItem {
  paymentId: string;
  dossierCode: string;
  procedureCode: string;
  unit: string;
  branch?: string;
  method: PaymentMethod;
  total: number;
  lines: { code: string; kind: string; amount: number }[];
  receipt: Receipt;
  paidAt: string;
  hubRef?: string;
  reconcile?: string;
}

/** The payments recorded on a local day. */
export async function paymentsOn(day: string): Promise<PaydayItem[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `PAYDAY#${day}` } });
  return items.map((i) => strip<PaydayItem>(i)!);
}

/**
 * Start paying a dossier's open obligation online: a pending payment, the signed request to the
 * hub (server to server), and the hub's page to send the citizen to. The return address is the
 * dossier's page, which only shows the status (the hub's confirmation is what records it).
 */
export async function startOnlinePayment(d: Dossier, returnPath = `/c/${d.code}`) {
  if (d.status !== DossierStatus.financialObligation || !d.fees || d.fees.paidAt) throw conflict(`Dossier ${d.code} has no fee to pay`);
  const id = `P${randomBytes(10).toString('hex').toUpperCase()}`;
  const payment = await createPayment(d, id, 'online', now().toISOString());
  const returnUrl = `${currentCentre().portalUrl.replace(/\/$/, '')}${returnPath}?payment=${id}`;
  const { payUrl } = await requestHubPayment({
    paymentId: id,
    dossierCode: d.code,
    procedureCode: payment.procedureCode,
    unit: payment.unit,
    lines: payment.lines.map((l) => ({ code: l.code, kind: l.kind, amount: l.amount })),
    total: payment.total,
    currency: 'VND',
    returnUrl,
    payerName: payment.payerName,
  });
  logger.info('online payment requested', { dossierCode: d.code, paymentId: id, total: payment.total });
  return { paymentId: id, dossierCode: d.code, total: payment.total, currency: 'VND' as const, payUrl };
}
