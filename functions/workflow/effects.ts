import { getApology, keys, listDossierItems, putIfAbsent, stepQueueKeys, updateIf } from '../commons/store';
import type { Situation } from '../commons/situation';
import { markWaiting } from '../commons/ops-index';
import { appointmentAt, stepDueAt } from '../core/deadlines';
import type { WorkingCalendar } from '../core/calendar/working-time';
import { announcedFacts, openPauses, type Apology, type Dossier, type Letter, type Pause, type Step, type StepDecision } from '../core/dossier';
import { pauseKey } from '../core/step-rules';
import { eventKeys } from '../core/workflow-contract';

const lastDecision = (step: Step, outcome: StepDecision['outcome']) => step.history?.findLast((h) => h.outcome === outcome);

/** A refusal (form 03) stops the whole dossier: status 8, the reason kept as a fact. */
export async function stopRefused(s: Situation) {
  const refusal = lastDecision(s.step, 'refuse');
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
 * An apology fact n for a step: a lapse (undecided at its due time: the budget again) or a delay
 * the agency reported before its due time (up to the date it gave). Written under a
 * deterministic key first; the dossier and the step then take it in, each write repeatable.
 */
async function recordExtension(dossier: Dossier, step: Step, cal: WorkingCalendar, now: Date, kind: 'lapse' | 'delay') {
  const n = (step.extensions ?? 0) + 1;
  let fact = await getApology(dossier.code, step.stepId, n);
  if (!fact) {
    const currentDue = stepDueAt(cal, step, dossier.pauses) ?? now;
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
      at: kind === 'delay' ? step.pendingDelay!.at : now.toISOString(),
      agency: step.agency,
      reason,
      hours,
      originalDueAt: currentDue.toISOString(),
      newDueAt: (stepDueAt(cal, extended, dossier.pauses) ?? currentDue).toISOString(),
      originalAppointmentAt: dossier.announcedAppointmentAt ?? dossier.appointmentAt,
      newAppointmentAt: appointmentAt(cal, extendedDossier)?.toISOString() ?? dossier.appointmentAt,
    };
    await putIfAbsent({ ...keys.apology(dossier.code, step.stepId, n), ...candidate });
    fact = (await getApology(dossier.code, step.stepId, n))!;
  }
  const totalHours = (step.extensionHours ?? 0) + fact.hours;
  await updateIf({
    Key: keys.dossier(dossier.code),
    UpdateExpression: 'SET extensions.#step = :h',
    ExpressionAttributeNames: { '#step': step.stepId },
    ExpressionAttributeValues: { ':h': totalHours },
  });
  await updateIf({
    Key: keys.step(dossier.code, step.stepId),
    UpdateExpression: 'SET extensions = :n, extensionHours = :h, dueAt = :due, GSI1SK = :sk REMOVE pendingDelay',
    // a decision racing the due time may land meanwhile: the lapse happened, the step takes it in
    ConditionExpression: 'extensions = :prev',
    ExpressionAttributeValues: { ':n': n, ':prev': n - 1, ':h': totalHours, ':due': fact.newDueAt, ':sk': stepQueueKeys(step, fact.newDueAt).GSI1SK },
  });
}

/**
 * A lapse or a reported delay: record it, and with it every other lapse or delay of the dossier
 * due at this instant (parallel steps lapse together), then write ONE apology letter for them all.
 */
export async function recordDueFacts(s: Situation) {
  const { steps } = await listDossierItems(s.dossier.code);
  for (const step of steps.filter((x) => x.state === 'pending' && !x.atDesk)) {
    const due = stepDueAt(s.cal, step, s.dossier.pauses);
    if (step.pendingDelay) await recordExtension(s.dossier, step, s.cal, s.now, 'delay');
    else if (due && s.now >= due) await recordExtension(s.dossier, step, s.cal, s.now, 'lapse');
  }
  await announce(s);
}

/** Sum of the apology facts' hours per step: the extensions as the facts say (not the cache). */
const extensionsOf = (apologies: Apology[]) =>
  apologies.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.stepId]: (acc[a.stepId] ?? 0) + a.hours }), {});

const laterOf = (a: string, b?: string | null) => (b && Date.parse(b) > Date.parse(a) ? b : a);

/** Make sure the dossier has a `letters` map (dossiers received before letters existed). */
const lettersMap = (code: string) =>
  updateIf({ Key: keys.dossier(code), UpdateExpression: 'SET letters = if_not_exists(letters, :empty)', ExpressionAttributeValues: { ':empty': {} } });

/**
 * Write a letter at the dossier's level, once, with the next .ics SEQUENCE if it carries an
 * appointment; the appointment it announces is never earlier than the last one announced.
 * Conditional on the counters it read: a racing letter makes it read again.
 */
async function writeLetter(code: string, make: (d: Dossier, apologies: Apology[]) => { key: string; letter: Letter; apologyN?: number } | undefined) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const { dossier, apologies } = await listDossierItems(code);
    if (!dossier) return;
    const made = make(dossier, apologies);
    if (!made || dossier.letters?.[made.key]) return;
    if (!dossier.letters) await lettersMap(code);
    const { key, letter, apologyN } = made;
    const prevSeq = dossier.appointmentSequence ?? 0;
    const values: Record<string, unknown> = { ':l': letter, ':prevSeq': prevSeq };
    let set = 'SET letters.#k = :l';
    if (letter.newAppointmentAt) {
      set += ', appointmentSequence = :seq, announcedAppointmentAt = :app, appointmentAt = :app';
      Object.assign(values, { ':seq': letter.sequence, ':app': letter.newAppointmentAt });
    }
    let condition = 'attribute_not_exists(letters.#k) AND ' + (prevSeq === 0 ? '(attribute_not_exists(appointmentSequence) OR appointmentSequence = :prevSeq)' : 'appointmentSequence = :prevSeq');
    if (apologyN !== undefined) {
      set += ', apologyLetters = :n';
      values[':n'] = apologyN;
      values[':prevN'] = apologyN - 1;
      condition += apologyN === 1 ? ' AND (attribute_not_exists(apologyLetters) OR apologyLetters = :prevN)' : ' AND apologyLetters = :prevN';
    }
    const ok = await updateIf({ Key: keys.dossier(code), UpdateExpression: set, ConditionExpression: condition, ExpressionAttributeNames: { '#k': key }, ExpressionAttributeValues: values });
    if (ok) return;
  }
  throw new Error(`Letter for ${code} could not be written: the dossier kept changing`);
}

/** The apology letter for every fact not yet announced: the late agencies, the one new appointment. */
export async function announce(s: Situation) {
  await writeLetter(s.dossier.code, (d, apologies) => {
    const done = announcedFacts(d);
    const facts = apologies.filter((a) => !done.has(`${a.stepId}#${a.n}`)).sort((a, b) => a.at.localeCompare(b.at) || a.stepId.localeCompare(b.stepId));
    if (facts.length === 0) return undefined;
    const last = d.announcedAppointmentAt ?? d.appointmentAt;
    const derived = appointmentAt(s.cal, { ...d, extensions: { ...d.extensions, ...extensionsOf(apologies) } })?.toISOString();
    const n = (d.apologyLetters ?? 0) + 1;
    const newAppointmentAt = laterOf(derived ?? last, last);
    return {
      key: eventKeys.apologyLetter(n),
      apologyN: n,
      letter: {
        event: 'apology',
        at: s.now.toISOString(),
        by: s.step.stepId,
        agencies: [...new Set(facts.map((f) => f.agency))],
        reasons: [...new Map(facts.map((f) => [`${f.reason.vi}|${f.reason.en}`, f.reason])).values()],
        facts: facts.map((f) => `${f.stepId}#${f.n}`),
        originalAppointmentAt: last,
        newAppointmentAt,
        sequence: (d.appointmentSequence ?? 0) + 1,
      },
    };
  });
}

/** Supplement requested (form 02): this step's pause opens; the dossier's clock stops (status 5). */
export async function openPause(s: Situation) {
  const { dossier, step } = s;
  const request = lastDecision(step, 'request-supplement');
  const key = pauseKey(step.stepId, step.supplementRounds);
  const pause: Pause = {
    stepId: step.stepId,
    round: step.supplementRounds,
    agency: step.agency,
    from: request?.at ?? s.now.toISOString(),
    missing: request?.missing ?? [],
    reason: request?.reason ?? '',
  };
  // the desk's list of dossiers waiting for a supplement finds it before its status says so
  await markWaiting(dossier, key);
  await updateIf({
    Key: keys.dossier(dossier.code),
    UpdateExpression: 'SET pauses.#k = :p, #status = :paused',
    ConditionExpression: 'attribute_not_exists(pauses.#k) AND NOT (#status IN (:withdrawn, :stopped))',
    ExpressionAttributeNames: { '#k': key, '#status': 'status' },
    ExpressionAttributeValues: { ':p': pause, ':paused': 5, ':withdrawn': 7, ':stopped': 8 },
  });
}

/**
 * The supplement arrived: the step goes back to the agency that asked, with its due time moved;
 * the citizen gets one letter per supplement (it may have answered several requests), with the
 * new appointment once no request is left open.
 */
export async function resumeStep(s: Situation) {
  const { dossier, step } = s;
  const key = pauseKey(step.stepId, step.supplementRounds);
  const due = s.dueAt?.toISOString() ?? null;
  const queue = stepQueueKeys(step, due);
  // The letter first, then the step: the step's update is what ends this effect (the next look
  // finds it pending), so a task that failed between the two (a write refused, retries spent)
  // would never come back to write the letter. Written once per supplement (writeLetter), the
  // letter is safe to write again when the step's update is what failed.
  const supply = dossier.pauses[key]?.supply;
  if (supply !== undefined) {
    await writeLetter(dossier.code, (d) => {
      const answered = Object.values(d.pauses ?? {}).filter((p) => p.supply === supply);
      const last = d.announcedAppointmentAt ?? d.appointmentAt;
      const derived = openPauses(d).length === 0 ? appointmentAt(s.cal, d)?.toISOString() : undefined;
      return {
        key: eventKeys.supplementReceived(supply),
        letter: {
          event: 'supplement-received',
          at: s.now.toISOString(),
          by: step.stepId,
          agencies: [...new Set(answered.map((p) => p.agency))],
          reasons: [],
          originalAppointmentAt: last,
          ...(derived ? { newAppointmentAt: laterOf(derived, last), sequence: (d.appointmentSequence ?? 0) + 1 } : {}),
        },
      };
    });
  }
  await updateIf({
    Key: keys.step(dossier.code, step.stepId),
    UpdateExpression: 'SET #state = :pending, dueAt = :due, GSI1PK = :pk, GSI1SK = :sk REMOVE taskToken',
    ConditionExpression: '#state = :asked AND supplementRounds = :r',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':pending': 'pending', ':asked': 'supplement-requested', ':r': step.supplementRounds, ':due': due, ':pk': queue.GSI1PK, ':sk': queue.GSI1SK },
  });
}
