import { describe, expect, it } from 'vitest';
import type { Letter } from './dossier';
import { handOverDue, nextStep, PAUSED_WAIT_SECONDS, type StepSituation } from './step-rules';

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
const letter = (by: string, facts: string[]): Letter => ({
  event: 'apology', at: '2026-12-03T10:00:00Z', by, agencies: ['STP'], reasons: [], facts, originalAppointmentAt: '2026-12-04T10:00:00Z', newAppointmentAt: '2026-12-07T10:00:00Z', sequence: 1,
});

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

  it('never lapses nor warns on the return step: the result waits for the citizen', () => {
    const s = withStep({ atDesk: true }, { now: at('2026-12-09T07:00:00Z') });
    expect(nextStep(s)).toEqual({ next: 'await', timeoutSeconds: PAUSED_WAIT_SECONDS, paused: true });
  });

  it('records a lapse at the due time, then announces it in a letter, sent by the step that wrote it', () => {
    expect(nextStep({ ...base(), now: at('2026-12-03T10:00:00Z') })).toEqual({ next: 'act', effect: 'record-lapse' });
    expect(nextStep(withStep({ extensions: 1 }))).toEqual({ next: 'act', effect: 'announce' });
    const written = { status: 4 as const, pauses: {}, letters: { 'apology-1': letter('s1-stp', ['s1-stp#1']) } };
    expect(nextStep(withStep({ extensions: 1 }, { dossier: written }))).toEqual({ next: 'email', event: 'apology', eventKey: 'apology-1' });
    const sent = withStep({ extensions: 1, sent: { 'apology-1': true, 'warning-s1-stp-1': true } }, { dossier: written });
    expect(nextStep(sent).next).toBe('await');
  });

  it('leaves a letter covering its lapse to the sibling that wrote it', () => {
    const dossier = { status: 4 as const, pauses: {}, letters: { 'apology-1': letter('s1-sxd', ['s1-sxd#1', 's1-stp#1']) } };
    const s = withStep({ extensions: 1, sent: { 'warning-s1-stp-1': true } }, { dossier });
    expect(nextStep(s).next).toBe('await');
  });

  it('warns again before a new due time after an extension', () => {
    const dossier = { status: 4 as const, pauses: {}, letters: { 'apology-1': letter('s1-stp', ['s1-stp#1']) } };
    const s = withStep({ extensions: 1, sent: { 'apology-1': true, 'warning-s1-stp-0': true } }, { dossier, now: at('2026-12-03T07:00:00Z') });
    expect(nextStep(s)).toEqual({ next: 'email', event: 'agency-warning', eventKey: 'warning-s1-stp-1' });
  });

  it('records a reported delay while the step is pending, never once it is decided', () => {
    const delay = { reason: 'x', newDueAt: '2026-12-05T10:00:00Z', at: '2026-12-01T02:00:00Z', by: 'o' };
    expect(nextStep(withStep({ pendingDelay: delay }))).toEqual({ next: 'act', effect: 'record-delay' });
    expect(nextStep(withStep({ pendingDelay: delay, state: 'approved' }))).toEqual({ next: 'done' });
  });

  it('walks a supplement round: pause, request email, wait, resume, the letter', () => {
    const asked = { state: 'supplement-requested' as const, supplementRounds: 1 };
    expect(nextStep(withStep(asked))).toEqual({ next: 'act', effect: 'open-pause' });
    const pause = { stepId: 's1-stp', round: 1, agency: 'STP', from: '2026-12-01T02:00:00Z', missing: [], reason: '' };
    const paused = { status: 5 as const, pauses: { 's1-stp-1': pause } };
    expect(nextStep(withStep(asked, { dossier: paused }))).toEqual({ next: 'email', event: 'supplement-request', eventKey: 'supplement-request-s1-stp-1' });
    const emailed = { ...asked, sent: { 'supplement-request-s1-stp-1': true } };
    expect(nextStep(withStep(emailed, { dossier: paused }))).toEqual({ next: 'await-supplement', pauseKey: 's1-stp-1' });
    const supplied = { status: 4 as const, pauses: { 's1-stp-1': { ...pause, to: '2026-12-02T02:00:00Z', supply: 1 } } };
    expect(nextStep(withStep(emailed, { dossier: supplied }))).toEqual({ next: 'act', effect: 'resume-step' });
    const received: Letter = { event: 'supplement-received', at: '2026-12-02T02:00:00Z', by: 's1-stp', agencies: ['STP'], reasons: [], originalAppointmentAt: '', sequence: 1 };
    const resumed = { ...emailed, state: 'pending' as const };
    const withLetter = { ...supplied, letters: { 'supplement-received-1': received } };
    expect(nextStep(withStep(resumed, { dossier: withLetter }))).toEqual({ next: 'email', event: 'supplement-received', eventKey: 'supplement-received-1' });
    const done = { ...resumed, sent: { ...resumed.sent, 'supplement-received-1': true } };
    expect(nextStep(withStep(done, { dossier: withLetter })).next).toBe('await');
  });

  it('waits for a callback, not an hourly timer, while the clock is paused', () => {
    expect(nextStep({ ...base(), dueAt: null, now: at('2027-01-01T00:00:00Z') })).toEqual({ next: 'await', timeoutSeconds: PAUSED_WAIT_SECONDS, paused: true });
    expect(PAUSED_WAIT_SECONDS).toBeGreaterThanOrEqual(7 * 24 * 3600);
  });

  it('stops when the dossier is withdrawn or stopped, and stops the dossier on a refusal', () => {
    expect(nextStep({ ...base(), dossier: { status: 7, pauses: {} } })).toEqual({ next: 'stop' });
    expect(nextStep({ ...base(), dossier: { status: 8, pauses: {} } })).toEqual({ next: 'stop' });
    expect(nextStep(withStep({ state: 'refused' }))).toEqual({ next: 'act', effect: 'stop-refused' });
  });

  it('is done once approved and every letter of the step has gone', () => {
    expect(nextStep(withStep({ state: 'approved' }))).toEqual({ next: 'done' });
    expect(nextStep(withStep({ state: 'approved', extensions: 1 }))).toEqual({ next: 'act', effect: 'announce' });
  });
});

describe('handOverDue', () => {
  const wait = { next: 'await', timeoutSeconds: 10 } as const;
  const now = at('2026-12-01T00:00:00Z');
  it('hands over at a wait once the loops times the stage width reach the bound, or the execution is old', () => {
    expect(handOverDue(wait, { loops: 10, width: 2, now }, { loopsTimesWidth: 20, maxAgeDays: 200 })).toBe(true);
    expect(handOverDue(wait, { loops: 9, width: 2, now }, { loopsTimesWidth: 20, maxAgeDays: 200 })).toBe(false);
    expect(handOverDue(wait, { loops: 1, width: 1, now, startedAt: '2026-05-01T00:00:00Z' }, { loopsTimesWidth: 20, maxAgeDays: 200 })).toBe(true);
    expect(handOverDue({ next: 'act', effect: 'record-lapse' }, { loops: 99, width: 9, now }, { loopsTimesWidth: 20, maxAgeDays: 200 })).toBe(false);
  });
});
