import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../commons/aws';
import { getApology, isConditionFailed, keys, putIfAbsent } from '../commons/store';
import { derivedAppointment, stepQueueKeys, type Situation } from '../commons/situation';
import { stepDueAt } from '../core/deadlines';
import type { Apology, Pause } from '../core/dossier';
import { pauseKey } from '../core/step-rules';

async function update(params: {
  key: Record<string, string>;
  set: string;
  condition?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: params.key,
        UpdateExpression: params.set,
        ConditionExpression: params.condition,
        ExpressionAttributeNames: params.names,
        ExpressionAttributeValues: params.values,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

const lastRequest = (s: Situation) => [...(s.step.history ?? [])].reverse().find((h) => h.outcome === 'request-supplement');
const lastRefusal = (s: Situation) => [...(s.step.history ?? [])].reverse().find((h) => h.outcome === 'refuse');

/** A refusal (form 03) stops the whole dossier: status 8, the reason kept as a fact. */
export async function stopRefused(s: Situation) {
  const refusal = lastRefusal(s);
  await update({
    key: keys.dossier(s.dossier.code),
    set: 'SET #status = :stopped, #stop = :stop',
    condition: 'NOT (#status IN (:withdrawn, :stopped))',
    names: { '#status': 'status', '#stop': 'stop' },
    values: {
      ':stopped': 8,
      ':withdrawn': 7,
      ':stop': { kind: 'refused', at: refusal?.at ?? s.now.toISOString(), stepId: s.step.stepId, agency: s.step.agency, reason: refusal?.reason ?? '' },
    },
  });
}

/**
 * An apology fact n for the step: a lapse (undecided at its due time: the budget again) or a
 * delay the agency reported before its due time (up to the date it gave). Written under a
 * deterministic key first; the dossier and the step then take it in, each write repeatable.
 */
export async function recordExtension(s: Situation, kind: 'lapse' | 'delay') {
  const { dossier, step, cal, now } = s;
  const n = (step.extensions ?? 0) + 1;
  let fact = await getApology(dossier.code, step.stepId, n);
  if (!fact) {
    const currentDue = s.dueAt ?? now;
    const hours =
      kind === 'lapse'
        ? step.budgetHours
        : Math.max(0, Math.round(cal.workingTimeBetween(currentDue, new Date(step.pendingDelay!.newDueAt)) * 60) / 60);
    const extended = { ...step, extensionHours: (step.extensionHours ?? 0) + hours };
    const extendedDossier = { ...dossier, extensions: { ...dossier.extensions, [step.stepId]: extended.extensionHours } };
    const reason =
      kind === 'lapse'
        ? { vi: 'quá thời hạn giải quyết của bước xử lý', en: 'the step passed its due time undecided' }
        : { vi: step.pendingDelay!.reason, en: step.pendingDelay!.reason };
    const candidate: Apology = {
      code: dossier.code,
      stepId: step.stepId,
      n,
      kind,
      at: (kind === 'delay' ? step.pendingDelay!.at : now.toISOString()),
      agency: step.agency,
      reason,
      hours,
      originalDueAt: currentDue.toISOString(),
      newDueAt: (stepDueAt(cal, extended, dossier.pauses) ?? currentDue).toISOString(),
      originalAppointmentAt: dossier.appointmentAt,
      newAppointmentAt: await derivedAppointment(extendedDossier),
    };
    await putIfAbsent({ ...keys.apology(dossier.code, step.stepId, n), ...candidate });
    fact = (await getApology(dossier.code, step.stepId, n))!;
  }
  const totalHours = (step.extensionHours ?? 0) + fact.hours;
  await update({
    key: keys.dossier(dossier.code),
    set: 'SET extensions.#step = :h, appointmentAt = :app',
    names: { '#step': step.stepId },
    values: { ':h': totalHours, ':app': fact.newAppointmentAt },
  });
  await update({
    key: keys.step(dossier.code, step.stepId),
    set: 'SET extensions = :n, extensionHours = :h, dueAt = :due, GSI1SK = :sk REMOVE pendingDelay',
    condition: 'extensions = :prev',
    values: { ':n': n, ':prev': n - 1, ':h': totalHours, ':due': fact.newDueAt, ':sk': stepQueueKeys(step, fact.newDueAt).GSI1SK },
  });
}

/** Supplement requested (form 02): the dossier's clock stops from the request, status 5. */
export async function openPause(s: Situation) {
  const { dossier, step } = s;
  const request = lastRequest(s);
  const key = pauseKey(step.stepId, step.supplementRounds);
  const pause: Pause = {
    stepId: step.stepId,
    round: step.supplementRounds,
    agency: step.agency,
    from: request?.at ?? s.now.toISOString(),
    missing: request?.missing ?? [],
    reason: request?.reason ?? '',
  };
  await update({
    key: keys.dossier(dossier.code),
    set: 'SET pauses.#k = :p, openPause = :k, #status = :paused',
    condition: 'attribute_not_exists(pauses.#k) AND NOT (#status IN (:withdrawn, :stopped))',
    names: { '#k': key, '#status': 'status' },
    values: { ':p': pause, ':k': key, ':paused': 5, ':withdrawn': 7, ':stopped': 8 },
  });
}

/** The supplement arrived: the step goes back to the agency that asked, with its due time moved. */
export async function resumeStep(s: Situation) {
  const { dossier, step } = s;
  const due = s.dueAt?.toISOString() ?? null;
  await update({
    key: keys.step(dossier.code, step.stepId),
    set: 'SET #state = :pending, dueAt = :due, GSI1PK = :pk, GSI1SK = :sk',
    condition: '#state = :asked AND supplementRounds = :r',
    names: { '#state': 'state' },
    values: { ':pending': 'pending', ':asked': 'supplement-requested', ':r': step.supplementRounds, ':due': due, ...prefix(stepQueueKeys(step, due)) },
  });
  await update({
    key: keys.dossier(dossier.code),
    set: 'SET appointmentAt = :app',
    values: { ':app': await derivedAppointment(dossier) },
  });
}

const prefix = (k: { GSI1PK: string; GSI1SK: string }) => ({ ':pk': k.GSI1PK, ':sk': k.GSI1SK });
