import { loadBundledCalendarYears, WorkingCalendar } from '../../functions/core/calendar/working-time';
import { assignedStep, type Dossier, type Step } from '../../functions/core/dossier';
import { handlers, type Evaluation, type EvaluationForm } from '../../functions/core/evaluation';
import { hanoi, hanoiProcedures } from './centre';

/**
 * Dossiers handled by known officers (issue 25's figures), December 2026 (no holiday):
 *   A  received 1/12 09:00 by desk-1; s1-stp decided early by stp-1 (2/12); s2-catp decided LATE by
 *      catp-1 (14/12, due 10/12); returned by desk-2 (15/12); evaluated (all top answers but `visits`: 3).
 *   B  received 1/12 10:00 by desk-1; s1-stp decided on time by stp-1 (3/12); s2-catp pending.
 *   C  received 25/11 by desk-1 (the month before): carried over into December, s1-stp pending.
 */
export const cal = new WorkingCalendar(loadBundledCalendarYears());
export const L = (s: string) => new Date(`${s}+07:00`).toISOString();
export const form: EvaluationForm = hanoi.evaluation!;
const lltp = hanoiProcedures.find((p) => p.code === 'TP-LLTP')!;

export const A = 'TTHCC-261201-0001';
export const B = 'TTHCC-261201-0002';
export const C = 'TTHCC-261125-0001';

const dossier = (code: string, over: Partial<Dossier>): Dossier => ({
  code,
  procedure: lltp,
  status: 4,
  channel: 'counter',
  applicant: { name: 'Nguyễn Thị Bình', email: 'binh@example.vn' },
  documents: [{ name: 'Tờ khai', ref: 'DOC-1' }],
  receivedAt: L('2026-12-01T09:00:00'),
  appointmentAt: L('2026-12-14T14:00:00'),
  stageIndex: 0,
  extensions: {},
  pauses: {},
  pinHash: 'x',
  receivedBy: 'desk-1',
  ...over,
});
const step = (code: string, stepId: string, agency: string, budgetHours: number, assignedAt: string, over: Partial<Step> = {}): Step => ({
  ...assignedStep({ code, stepId, stageIndex: stepId === 's1-stp' ? 0 : stepId === 's2-catp' ? 1 : 2, agency, atDesk: stepId === 'return', name: { vi: stepId, en: stepId }, budgetHours, assignedAt: L(assignedAt), dueAt: null }),
  ...over,
});
const decided = (at: string, by: string): Partial<Step> => ({ state: 'approved', outcome: 'approve', decidedAt: L(at), decidedBy: by, history: [{ outcome: 'approve', at: L(at), by }] });

export const steps: Step[] = [
  step(A, 's1-stp', 'STP', 24, '2026-12-01T09:00:00', decided('2026-12-02T10:00:00', 'stp-1')),
  step(A, 's2-catp', 'CATP', 48, '2026-12-02T10:00:00', decided('2026-12-14T10:00:00', 'catp-1')),
  step(A, 'return', 'TTHCC', 4, '2026-12-14T10:00:00', decided('2026-12-15T09:00:00', 'desk-2')),
  step(B, 's1-stp', 'STP', 24, '2026-12-01T10:00:00', decided('2026-12-04T09:00:00', 'stp-1')),
  step(B, 's2-catp', 'CATP', 48, '2026-12-04T09:00:00'),
  step(C, 's1-stp', 'STP', 24, '2026-11-25T09:00:00'),
];

const dA = dossier(A, { status: 10, stageIndex: 2, resultReadyAt: L('2026-12-14T10:00:00'), returnedAt: L('2026-12-15T09:00:00') });
export const answers = Object.fromEntries(form.criteria.map((c) => [c.id, c.id === 'visits' ? 3 : c.scale.length]));
export const evaluation: Evaluation = { answers, comment: 'Cán bộ hướng dẫn tận tình', at: L('2026-12-15T09:30:00'), via: 'kiosk', officers: handlers(dA, steps.filter((s) => s.code === A)) };

export const dossiers: Dossier[] = [
  { ...dA, evaluation },
  dossier(B, { receivedAt: L('2026-12-01T10:00:00'), stageIndex: 1 }),
  dossier(C, { receivedAt: L('2026-11-25T09:00:00'), appointmentAt: L('2026-12-08T09:00:00'), channel: 'online' }),
];
export const byCode = (codes: string[]) => new Map(dossiers.filter((d) => codes.includes(d.code)).map((d) => [d.code, d]));
/** 20/12/2026: after everything above. */
export const NOW = new Date(L('2026-12-20T09:00:00'));
