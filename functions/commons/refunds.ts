import { conflict, HttpProblem } from './http';
import { requestHubRefund } from './payment-hub';
import { paymentKey, queueLetter, strip, type Payment } from './payments';
import { logger } from './powertools';
import { getItem, keys, putIfAbsent, queryAll, updateIf } from './store';
import type { PaymentMethod, RefundGround, RefundState } from '../core/fees';
import { localDate } from '../core/local-time';

/**
 * Refunds of fees (docs/fees.md, "Refunds"). One refund per payment (`REFUND#R<payment's id>`),
 * never more than was paid (core/fees.ts refundAmount), on a ground the rules give (refundGround).
 * Online: asked of the hub server to server (signed), refunded when the hub's signed confirmation
 * arrives (POST /public/payments/refund-confirm). At the counter: the desk hands the cash back and
 * records it at once. Once refunded, and safe to repeat at every step: the refund's state changes
 * once; the day item (`REFUNDDAY#<local day>`) that the reconciliation reads, the dossier's fact
 * (`fees.refunds.<id>`: the outbox's `fee-refunded`) and the letter (event key
 * `payment-refund-<id>`) are each written once. No personal data on the day item.
 */
export interface Refund {
  id: string;
  paymentId: string;
  dossierCode: string;
  procedureCode: string;
  unit: string;
  branch?: string;
  method: PaymentMethod;
  amount: number;
  currency: 'VND';
  ground: RefundGround;
  /** The officer's reason, told to the citizen in the letter. */
  reason: string;
  state: RefundState;
  requestedAt: string;
  requestedBy: string;
  refundedAt?: string;
  /** Online: the hub's reference of the refund. */
  hubRef?: string;
  /** The payment's receipt (the letter and the citizen's page name it). */
  receipt?: Payment['receipt'];
}

/** A refund as the day's reconciliation reads it (no personal data). */
export type RefundDayItem = Pick<Refund, 'paymentId' | 'dossierCode' | 'procedureCode' | 'unit' | 'branch' | 'method' | 'amount' | 'hubRef'> & {
  refundId: string;
  refundedAt: string;
};

export const refundIdOf = (paymentId: string) => `R${paymentId.slice(1)}`;
export const refundKey = (id: string) => ({ PK: `REFUND#${id}`, SK: 'REFUND' });
const refunddayKey = (day: string, at: string, id: string) => ({ PK: `REFUNDDAY#${day}`, SK: `${at}#${id}` });

export const getRefund = async (id: string) => strip<Refund>(await getItem(refundKey(id)));

/** Ask the hub for an online refund (again: the hub keys it by the refund's id). */
async function askHub(r: Refund, payment: Payment): Promise<void> {
  try {
    await requestHubRefund({ refundId: r.id, paymentId: r.paymentId, hubRef: payment.hubRef ?? '', amount: r.amount, currency: 'VND' });
  } catch (error) {
    logger.error('the hub did not take the refund', { dossierCode: r.dossierCode, refundId: r.id, error: (error as Error).message });
    throw new HttpProblem(502, 'Bad Gateway', `The payment hub did not take the refund ${r.id} (${(error as Error).message}); it stays requested: ask again`);
  }
  logger.info('refund asked of the hub', { dossierCode: r.dossierCode, paymentId: r.paymentId, refundId: r.id, amount: r.amount });
}

/**
 * Start the refund of a paid payment: recorded `requested`; online, asked of the hub; at the
 * counter, refunded at once (the cash handed back by `by`). A second call finds the refund: one
 * still `requested` online is asked of the hub again (a lost request is not lost), a `failed` one
 * is asked again; one refunded already is a conflict.
 */
export async function startRefund(payment: Payment, input: { amount: number; ground: RefundGround; reason: string; by: string; at: string }): Promise<Refund> {
  const id = refundIdOf(payment.id);
  const fresh: Refund = {
    id,
    paymentId: payment.id,
    dossierCode: payment.dossierCode,
    procedureCode: payment.procedureCode,
    unit: payment.unit,
    ...(payment.branch ? { branch: payment.branch } : {}),
    method: payment.method,
    amount: input.amount,
    currency: 'VND',
    ground: input.ground,
    reason: input.reason,
    state: 'requested',
    requestedAt: input.at,
    requestedBy: input.by,
    ...(payment.receipt ? { receipt: payment.receipt } : {}),
  };
  let refund = fresh;
  if (!(await putIfAbsent({ ...refundKey(id), ...fresh }))) {
    const existing = (await getRefund(id))!;
    if (existing.state === 'refunded') throw conflict(`Payment ${payment.id} was refunded already (${existing.amount} đồng)`);
    if (existing.state === 'failed') {
      await updateIf({
        Key: refundKey(id),
        UpdateExpression: 'SET #state = :requested, requestedAt = :at, requestedBy = :by, reason = :reason, amount = :amount',
        ConditionExpression: '#state = :failed',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':requested': 'requested', ':failed': 'failed', ':at': input.at, ':by': input.by, ':reason': input.reason, ':amount': input.amount },
      });
    }
    refund = (await getRefund(id))!;
  }
  await updateIf({ Key: paymentKey(payment.id), UpdateExpression: 'SET refundId = :id', ExpressionAttributeValues: { ':id': id } });
  if (refund.method === 'online') {
    await askHub(refund, payment);
    return refund;
  }
  return completeRefund(id, { at: input.at });
}

/**
 * The refund done (the hub's confirmation, or the cash handed back). Safe to repeat: the state
 * changes once; the day item, the dossier's fact and the letter are each written once.
 */
export async function completeRefund(id: string, facts: { at: string; hubRef?: string }): Promise<Refund> {
  const changed = (await updateIf({
    Key: refundKey(id),
    UpdateExpression: `SET #state = :refunded, refundedAt = :at${facts.hubRef ? ', hubRef = :ref' : ''}`,
    ConditionExpression: '#state = :requested',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':refunded': 'refunded', ':requested': 'requested', ':at': facts.at, ...(facts.hubRef ? { ':ref': facts.hubRef } : {}) },
    ReturnValues: 'ALL_NEW',
  })) as Refund | undefined;
  const r = changed ?? (await getRefund(id));
  if (!r) throw new Error(`refund ${id} not found`);
  if (r.state !== 'refunded') return r;
  const at = r.refundedAt!;
  await putIfAbsent({
    ...refunddayKey(localDate(at), at, id),
    refundId: id,
    paymentId: r.paymentId,
    dossierCode: r.dossierCode,
    procedureCode: r.procedureCode,
    unit: r.unit,
    ...(r.branch ? { branch: r.branch } : {}),
    method: r.method,
    amount: r.amount,
    refundedAt: at,
    ...(r.hubRef ? { hubRef: r.hubRef } : {}),
  });
  await updateIf({ Key: paymentKey(r.paymentId), UpdateExpression: 'SET refunded = :amount', ExpressionAttributeValues: { ':amount': r.amount } });
  // the dossier's fact: the outbox derives `fee-refunded` from it (core/events.ts)
  const fact = { paymentId: r.paymentId, amount: r.amount, at };
  await updateIf({
    Key: keys.dossier(r.dossierCode),
    UpdateExpression: 'SET fees.refunds = if_not_exists(fees.refunds, :none)',
    ConditionExpression: 'attribute_exists(fees)',
    ExpressionAttributeValues: { ':none': {} },
  });
  await updateIf({
    Key: keys.dossier(r.dossierCode),
    UpdateExpression: 'SET fees.refunds.#id = if_not_exists(fees.refunds.#id, :fact)',
    ConditionExpression: 'attribute_exists(fees.refunds)',
    ExpressionAttributeNames: { '#id': id },
    ExpressionAttributeValues: { ':fact': fact },
  });
  await queueLetter(r.dossierCode, 'payment-refund', `payment-refund-${id.toLowerCase()}`);
  logger.info('refund recorded', { dossierCode: r.dossierCode, paymentId: r.paymentId, refundId: id, method: r.method, amount: r.amount, duplicate: !changed });
  return r;
}

/** The hub could not refund: the refund is `failed` and may be asked again. */
export async function failRefund(id: string): Promise<void> {
  await updateIf({
    Key: refundKey(id),
    UpdateExpression: 'SET #state = :failed',
    ConditionExpression: '#state = :requested',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':failed': 'failed', ':requested': 'requested' },
  });
}

/** The refunds made on a local day. */
export async function refundsOn(day: string): Promise<RefundDayItem[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `REFUNDDAY#${day}` } });
  return items.map((i) => strip<RefundDayItem>(i)!);
}

