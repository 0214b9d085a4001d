import { describe, expect, it } from 'vitest';
import { nextStep, PAUSED_RECHECK_SECONDS, type StepSituation } from './step-rules';

const at = (s: string) => new Date(s);
const base = (): StepSituation => ({
  dossier: { status: 4, pauses: {} },
  step: { stepId: 's1-stp', state: 'pending', extensions: 0, supplementRounds: 0, sent: {}, atDesk: false },
  now: at('2026-12-01T02:00:00Z'),
  dueAt: at('2026-12-03T10:00:00Z'),
  warnAt: at('2026-12-03T06:00:00Z'),
});
const withStep = (s: Partial<StepSituation['step']>, rest: Partial<StepSituation> = {}): StepSituation => {
  const b = base();
  return { ...b, ...rest, step: { ...b.step, ...s } };
};

describe('nextStep', () => {
  it('waits until the warning, then until the due time', () => {
    const b = base();
    expect(nextStep(b)).toEqual({ next: 'await', timeoutSeconds: (b.warnAt!.getTime() - b.now.getTime()) / 1000 });
    const warned = withStep({ sent: { 'warning-s1-stp-0': true } });
    expect(nextStep(warned)).toEqual({ next: 'await', timeoutSeconds: (warned.dueAt!.getTime() - warned.now.getTime()) / 1000 });
  });

  it('warns the agency once it is within the warning time', () => {
    expect(nextStep({ ...base(), now: at('2026-12-03T07:00:00Z') })).toEqual({ next: 'email', event: 'agency-warning', eventKey: 'warning-s1-stp-0' });
  });

  it('does not warn the one-stop desk about its own return step', () => {
    const s = withStep({ atDesk: true }, { now: at('2026-12-03T07:00:00Z') });
    expect(nextStep(s).next).toBe('await');
  });

  it('records a lapse at the due time, then apologises once per lapse', () => {
    expect(nextStep({ ...base(), now: at('2026-12-03T10:00:00Z') })).toEqual({ next: 'act', effect: 'record-lapse' });
    expect(nextStep(withStep({ extensions: 2, sent: { 'apology-s1-stp-1': true } }))).toEqual({ next: 'email', event: 'apology', eventKey: 'apology-s1-stp-2' });
    const both = withStep({ extensions: 2, sent: { 'apology-s1-stp-1': true, 'apology-s1-stp-2': true, 'warning-s1-stp-2': true } });
    expect(nextStep(both).next).toBe('await');
  });

  it('warns again before a new due time after an extension', () => {
    const s = withStep({ extensions: 1, sent: { 'apology-s1-stp-1': true, 'warning-s1-stp-0': true } }, { now: at('2026-12-03T07:00:00Z') });
    expect(nextStep(s)).toEqual({ next: 'email', event: 'agency-warning', eventKey: 'warning-s1-stp-1' });
  });

  it('records a reported delay before anything else but unsent apologies', () => {
    const delay = { reason: 'x', newDueAt: '2026-12-05T10:00:00Z', at: '2026-12-01T02:00:00Z', by: 'o' };
    expect(nextStep(withStep({ pendingDelay: delay }))).toEqual({ next: 'act', effect: 'record-delay' });
    expect(nextStep(withStep({ pendingDelay: delay, extensions: 1 })).next).toBe('email');
  });

  it('walks a supplement round: pause, request email, wait, resume, received email', () => {
    const asked = { state: 'supplement-requested' as const, supplementRounds: 1 };
    expect(nextStep(withStep(asked))).toEqual({ next: 'act', effect: 'open-pause' });
    const pause = { stepId: 's1-stp', round: 1, agency: 'STP', from: '2026-12-01T02:00:00Z', missing: [], reason: '' };
    const paused = { status: 5 as const, pauses: { 's1-stp-1': pause } };
    expect(nextStep(withStep(asked, { dossier: paused }))).toEqual({ next: 'email', event: 'supplement-request', eventKey: 'supplement-request-s1-stp-1' });
    const emailed = { ...asked, sent: { 'supplement-request-s1-stp-1': true } };
    expect(nextStep(withStep(emailed, { dossier: paused }))).toEqual({ next: 'await-supplement', pauseKey: 's1-stp-1' });
    const supplied = { status: 4 as const, pauses: { 's1-stp-1': { ...pause, to: '2026-12-02T02:00:00Z' } } };
    expect(nextStep(withStep(emailed, { dossier: supplied }))).toEqual({ next: 'act', effect: 'resume-step' });
    const resumed = { ...emailed, state: 'pending' as const };
    expect(nextStep(withStep(resumed, { dossier: supplied }))).toEqual({ next: 'email', event: 'supplement-received', eventKey: 'supplement-received-s1-stp-1' });
    const done = { ...resumed, sent: { ...resumed.sent, 'supplement-received-s1-stp-1': true } };
    expect(nextStep(withStep(done, { dossier: supplied })).next).toBe('await');
  });

  it('rechecks a paused clock instead of lapsing', () => {
    expect(nextStep({ ...base(), dueAt: null, now: at('2027-01-01T00:00:00Z') })).toEqual({ next: 'await', timeoutSeconds: PAUSED_RECHECK_SECONDS });
  });

  it('stops when the dossier is withdrawn or stopped, and stops the dossier on a refusal', () => {
    expect(nextStep({ ...base(), dossier: { status: 7, pauses: {} } })).toEqual({ next: 'stop' });
    expect(nextStep({ ...base(), dossier: { status: 8, pauses: {} } })).toEqual({ next: 'stop' });
    expect(nextStep(withStep({ state: 'refused' }))).toEqual({ next: 'act', effect: 'stop-refused' });
  });

  it('is done once approved and every email of the step has gone', () => {
    expect(nextStep(withStep({ state: 'approved' }))).toEqual({ next: 'done' });
    expect(nextStep(withStep({ state: 'approved', extensions: 1 })).next).toBe('email');
  });
});
