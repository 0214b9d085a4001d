import type { Dossier, Step } from './dossier';
import { isStopped } from './dossier';

/**
 * What a waiting step needs next, decided from the stored facts alone. The workflow asks this
 * after every task (CheckStep), so a fresh execution started at any moment — a resume after a
 * crash, a retry — carries on exactly where the dossier stands, and no effect is done twice.
 */
export type Effect = 'stop-refused' | 'record-delay' | 'open-pause' | 'resume-step' | 'record-lapse';
export type StepEmail = 'apology' | 'supplement-request' | 'supplement-received' | 'agency-warning';

export type StepNext =
  | { next: 'stop' }
  | { next: 'done' }
  | { next: 'email'; event: StepEmail; eventKey: string }
  | { next: 'act'; effect: Effect }
  | { next: 'await-supplement'; pauseKey: string }
  | { next: 'await'; timeoutSeconds: number };

export interface StepSituation {
  dossier: Pick<Dossier, 'status' | 'pauses'>;
  step: Pick<Step, 'stepId' | 'state' | 'extensions' | 'supplementRounds' | 'pendingDelay' | 'sent' | 'atDesk'>;
  now: Date;
  /** Derived due time (null while the dossier's clock is paused). */
  dueAt: Date | null;
  /** Derived warning time for the agency. */
  warnAt: Date | null;
}

/** Re-check a paused clock this often (seconds). */
export const PAUSED_RECHECK_SECONDS = 3600;

export const pauseKey = (stepId: string, round: number) => `${stepId}-${round}`;

export function nextStep({ dossier, step, now, dueAt, warnAt }: StepSituation): StepNext {
  // an email is handled once sent, or once recorded as failed after its retries
  const sent = (key: string) => step.sent?.[key] === true || step.sent?.[key] === 'failed';
  if (isStopped(dossier)) return { next: 'stop' };
  if (step.state === 'refused') return { next: 'act', effect: 'stop-refused' };

  for (let n = 1; n <= (step.extensions ?? 0); n++) {
    const eventKey = `apology-${step.stepId}-${n}`;
    if (!sent(eventKey)) return { next: 'email', event: 'apology', eventKey };
  }
  if (step.pendingDelay) return { next: 'act', effect: 'record-delay' };

  const rounds = step.supplementRounds ?? 0;
  const key = pauseKey(step.stepId, rounds);
  const pause = dossier.pauses?.[key];
  if (step.state === 'supplement-requested') {
    if (!pause) return { next: 'act', effect: 'open-pause' };
    if (!sent(`supplement-request-${key}`)) return { next: 'email', event: 'supplement-request', eventKey: `supplement-request-${key}` };
    if (!pause.to) return { next: 'await-supplement', pauseKey: key };
    return { next: 'act', effect: 'resume-step' };
  }
  if (rounds > 0 && pause?.to && !sent(`supplement-received-${key}`)) {
    return { next: 'email', event: 'supplement-received', eventKey: `supplement-received-${key}` };
  }
  if (step.state === 'approved') return { next: 'done' };

  if (!dueAt) return { next: 'await', timeoutSeconds: PAUSED_RECHECK_SECONDS };
  if (now >= dueAt) return { next: 'act', effect: 'record-lapse' };
  const warningKey = `warning-${step.stepId}-${step.extensions ?? 0}`;
  const warningPending = !step.atDesk && warnAt !== null && !sent(warningKey);
  if (warningPending && now >= warnAt!) return { next: 'email', event: 'agency-warning', eventKey: warningKey };
  const target = warningPending ? warnAt! : dueAt;
  return { next: 'await', timeoutSeconds: Math.max(1, Math.ceil((target.getTime() - now.getTime()) / 1000)) };
}
