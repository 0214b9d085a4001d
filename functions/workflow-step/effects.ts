import { getApology, keys, putIfAbsent, stepQueueKeys, updateIf } from '../commons/store';
import type { Situation } from '../commons/situation';
import { appointmentAt, stepDueAt } from '../core/deadlines';
import type { Apology, Dossier, Pause, StepDecision } from '../core/dossier';
import { pauseKey } from '../core/step-rules';

const lastDecision = (s: Situation, outcome: StepDecision['outcome']) => s.step.history?.findLast((h) => h.outcome === outcome);

/** The appointment derived from the dossier's facts (the stored one while the clock is paused). */
const derivedAppointment = (s: Situation, d: Dossier) => appointmentAt(s.cal, d)?.toISOString() ?? d.appointmentAt;

/** A refusal (form 03) stops the whole dossier: status 8, the reason kept as a fact. */
export async function stopRefused(s: Situation) {
  const refusal = lastDecision(s, 'refuse');
  await updateIf({
    Key: keys.dossier(s.dossier.code),
    UpdateExpression: 'SET #status = :stopped, #stop = :stop',
    ConditionExpression: 'NOT (#status IN (:withdrawn, :stopped))',
    ExpressionAttributeNames: { '#status': 'status', '#stop': 'stop' },
    ExpressionAttributeValues: {
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
      newAppointmentAt: derivedAppointment(s, extendedDossier),
    };
    await putIfAbsent({ ...keys.apology(dossier.code, step.stepId, n), ...candidate });
    fact = (await getApology(dossier.code, step.stepId, n))!;
  }
  const totalHours = (step.extensionHours ?? 0) + fact.hours;
  await updateIf({
    Key: keys.dossier(dossier.code),
    UpdateExpression: 'SET extensions.#step = :h, appointmentAt = :app',
    ExpressionAttributeNames: { '#step': step.stepId },
    ExpressionAttributeValues: { ':h': totalHours, ':app': fact.newAppointmentAt },
  });
  await updateIf({
    Key: keys.step(dossier.code, step.stepId),
    UpdateExpression: 'SET extensions = :n, extensionHours = :h, dueAt = :due, GSI1SK = :sk REMOVE pendingDelay',
    ConditionExpression: 'extensions = :prev',
    ExpressionAttributeValues: { ':n': n, ':prev': n - 1, ':h': totalHours, ':due': fact.newDueAt, ':sk': stepQueueKeys(step, fact.newDueAt).GSI1SK },
  });
}

/** Supplement requested (form 02): the dossier's clock stops from the request, status 5. */
export async function openPause(s: Situation) {
  const { dossier, step } = s;
  const request = lastDecision(s, 'request-supplement');
  const key = pauseKey(step.stepId, step.supplementRounds);
  const pause: Pause = {
    stepId: step.stepId,
    round: step.supplementRounds,
    agency: step.agency,
    from: request?.at ?? s.now.toISOString(),
    missing: request?.missing ?? [],
    reason: request?.reason ?? '',
  };
  await updateIf({
    Key: keys.dossier(dossier.code),
    UpdateExpression: 'SET pauses.#k = :p, openPause = :k, #status = :paused',
    ConditionExpression: 'attribute_not_exists(pauses.#k) AND NOT (#status IN (:withdrawn, :stopped))',
    ExpressionAttributeNames: { '#k': key, '#status': 'status' },
    ExpressionAttributeValues: { ':p': pause, ':k': key, ':paused': 5, ':withdrawn': 7, ':stopped': 8 },
  });
}

/** The supplement arrived: the step goes back to the agency that asked, with its due time moved. */
export async function resumeStep(s: Situation) {
  const { dossier, step } = s;
  const due = s.dueAt?.toISOString() ?? null;
  const queue = stepQueueKeys(step, due);
  await updateIf({
    Key: keys.step(dossier.code, step.stepId),
    UpdateExpression: 'SET #state = :pending, dueAt = :due, GSI1PK = :pk, GSI1SK = :sk',
    ConditionExpression: '#state = :asked AND supplementRounds = :r',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: {
      ':pending': 'pending',
      ':asked': 'supplement-requested',
      ':r': step.supplementRounds,
      ':due': due,
      ':pk': queue.GSI1PK,
      ':sk': queue.GSI1SK,
    },
  });
  await updateIf({
    Key: keys.dossier(dossier.code),
    UpdateExpression: 'SET appointmentAt = :app',
    ExpressionAttributeValues: { ':app': derivedAppointment(s, dossier) },
  });
}
