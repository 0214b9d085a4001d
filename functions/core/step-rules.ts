import type { Dossier, Step } from './dossier';
import { announcedFacts, isStopped } from './dossier';
import { eventKeys, HANDOVER, type Effect, type StepEmail, type StepNextValue } from './workflow-contract';

export type { Effect, StepEmail } from './workflow-contract';

/**
 * What a waiting step needs next, decided from the stored facts alone. The workflow asks this
 * after every task (CheckStep), so a fresh execution started at any moment — a resume after a
 * crash, a retry, a hand-over — carries on exactly where the dossier stands, and no effect is
 * done twice.
 */
export type StepNext =
  | { next: 'stop' }
  | { next: 'done' }
  | { next: 'email'; event: StepEmail; eventKey: string }
  | { next: 'act'; effect: Effect }
  | { next: 'await-supplement'; pauseKey: string }
  /** `paused`: nothing is due (the dossier's clock is stopped, or the result waits for the citizen): only a callback wakes it. */
  | { next: 'await'; timeoutSeconds: number; paused?: true }
  | { next: 'hand-over' };

/** Every `next` the rules give is one the contract (and so the ASL's Choice) knows, but `email`: CheckStep queues the letter and asks again. */
const nextKnown: Exclude<StepNext['next'], 'email'> extends StepNextValue ? true : never = true;
void nextKnown;

export interface StepSituation {
  dossier: Pick<Dossier, 'status' | 'pauses'> & Partial<Pick<Dossier, 'letters'>>;
  step: Pick<Step, 'stepId' | 'state' | 'extensions' | 'supplementRounds' | 'pendingDelay' | 'sent' | 'atDesk'>;
  now: Date;
  /** Derived due time (null while the dossier's clock is paused). */
  dueAt: Date | null;
  /** Derived warning time for the agency. */
  warnAt: Date | null;
}

/**
 * A wait with nothing due: a step whose clock is paused, or the desk's return step. Only a
 * callback ends it (the supplement, a decision, a stop); this long timeout only lets a very old
 * execution hand over (workflow-contract HANDOVER) — no hourly wake-ups.
 */
export const PAUSED_WAIT_SECONDS = 30 * 24 * 3600;
/** @deprecated the name of the old hourly re-check; a paused wait is now PAUSED_WAIT_SECONDS. */
export const PAUSED_RECHECK_SECONDS = PAUSED_WAIT_SECONDS;

export const pauseKey = (stepId: string, round: number) => `${stepId}-${round}`;

export function nextStep({ dossier, step, now, dueAt, warnAt }: StepSituation): StepNext {
  // an email is handled once sent, or once recorded as failed after its retries
  const sent = (key: string) => step.sent?.[key] === true || step.sent?.[key] === 'failed';
  if (isStopped(dossier)) return { next: 'stop' };
  if (step.state === 'refused') return { next: 'act', effect: 'stop-refused' };

  // apologies are letters at the dossier's level: every fact of this step goes into one
  const announced = announcedFacts(dossier);
  for (let n = 1; n <= (step.extensions ?? 0); n++) {
    if (!announced.has(`${step.stepId}#${n}`)) return { next: 'act', effect: 'announce' };
  }
  for (const [key, letter] of Object.entries(dossier.letters ?? {})) {
    if (letter.by === step.stepId && !sent(key)) return { next: 'email', event: letter.event, eventKey: key };
  }
  // a decision closes the step to delays: a delay stored beside a decision is never recorded
  if (step.pendingDelay && step.state === 'pending') return { next: 'act', effect: 'record-delay' };

  const rounds = step.supplementRounds ?? 0;
  const key = pauseKey(step.stepId, rounds);
  const pause = dossier.pauses?.[key];
  if (step.state === 'supplement-requested') {
    if (!pause) return { next: 'act', effect: 'open-pause' };
    const request = eventKeys.supplementRequest(key);
    if (!sent(request)) return { next: 'email', event: 'supplement-request', eventKey: request };
    if (!pause.to) return { next: 'await-supplement', pauseKey: key };
    return { next: 'act', effect: 'resume-step' };
  }
  if (step.state === 'approved') return { next: 'done' };

  // the result is ready: the citizen collects it when they come; nothing lapses, nobody apologises
  if (step.atDesk) return { next: 'await', timeoutSeconds: PAUSED_WAIT_SECONDS, paused: true };
  if (!dueAt) return { next: 'await', timeoutSeconds: PAUSED_WAIT_SECONDS, paused: true };
  if (now >= dueAt) return { next: 'act', effect: 'record-lapse' };
  const warningKey = eventKeys.warning(step.stepId, step.extensions ?? 0);
  const warningPending = warnAt !== null && !sent(warningKey);
  if (warningPending && now >= warnAt!) return { next: 'email', event: 'agency-warning', eventKey: warningKey };
  const target = warningPending ? warnAt! : dueAt;
  return { next: 'await', timeoutSeconds: Math.max(1, Math.ceil((target.getTime() - now.getTime()) / 1000)) };
}

/**
 * Hand the dossier to a fresh execution at a wait, when this one has looped long enough or is
 * old (AWS ends an execution at 25,000 history events or one year).
 */
export function handOverDue(next: StepNext, run: { loops: number; width: number; startedAt?: string; now: Date }, bounds: { loopsTimesWidth: number; maxAgeDays: number } = HANDOVER): boolean {
  if (next.next !== 'await' && next.next !== 'await-supplement') return false;
  if (run.loops * Math.max(1, run.width) >= bounds.loopsTimesWidth) return true;
  const started = run.startedAt ? Date.parse(run.startedAt) : NaN;
  return Number.isFinite(started) && run.now.getTime() - started >= bounds.maxAgeDays * 86_400_000;
}
