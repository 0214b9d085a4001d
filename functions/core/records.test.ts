import { describe, expect, it } from 'vitest';
import { loadBundledCalendarYears, WorkingCalendar } from './calendar/working-time';
import { assignedStep, type Apology, type Dossier, type Pause, type Step } from './dossier';
import {
  classify,
  controlSheet,
  daysInclusive,
  dossierTimeliness,
  isLocalDate,
  localDayRange,
  monthsBetween,
  pausesBefore,
  stepDues,
  stepTimeliness,
  timelinessReport,
} from './records';
import { hanoiProcedures as procedures } from '../../test/support/centre';

const cal = new WorkingCalendar(loadBundledCalendarYears());
/** Local Vietnam time → UTC ISO. */
const L = (s: string) => new Date(`${s}+07:00`).toISOString();
const lltp = procedures.find((p) => p.code === 'TP-LLTP')!;
const lhnd = procedures.find((p) => p.code === 'DL-LHND')!;

// Received Tue 1/12/2026 09:00: s1-stp (24 h) is due Fri 4/12 09:00 (no holidays in December 2026).
const dossier = (over: Partial<Dossier> = {}): Dossier => ({
  code: 'TTHCC-261201-0001',
  procedure: lltp,
  status: 4,
  channel: 'counter',
  applicant: { name: 'Nguyễn Thị Bình', email: 'binh@example.vn' },
  documents: [],
  receivedAt: L('2026-12-01T09:00:00'),
  appointmentAt: L('2026-12-14T14:00:00'),
  stageIndex: 0,
  extensions: {},
  pauses: {},
  pinHash: 'x',
  receivedBy: 'desk-1',
  ...over,
});
const step = (over: Partial<Step> = {}): Step => ({
  ...assignedStep({
    code: 'TTHCC-261201-0001',
    stepId: 's1-stp',
    stageIndex: 0,
    agency: 'STP',
    atDesk: false,
    name: { vi: 'Tra cứu', en: 'Search' },
    budgetHours: 24,
    assignedAt: L('2026-12-01T09:00:00'),
    dueAt: L('2026-12-04T09:00:00'),
  }),
  ...over,
});
const decided = (at: string, over: Partial<Step> = {}) =>
  step({ state: 'approved', outcome: 'approve', decidedAt: L(at), history: [{ outcome: 'approve', at: L(at), by: 'stp-1' }], ...over });
const pause = (over: Partial<Pause> = {}): Pause => ({
  stepId: 's1-stp', round: 1, agency: 'STP', from: L('2026-12-02T09:00:00'), to: L('2026-12-03T09:00:00'), missing: ['Bản sao CCCD'], reason: 'Thiếu', ...over,
});
const now = new Date(L('2026-12-20T09:00:00'));

describe('classify: a decision against the original due', () => {
  const due = L('2026-12-04T09:00:00');
  it.each([
    ['exactly at the due', '2026-12-04T09:00:00', 'on-time'],
    ['one millisecond after', '2026-12-04T09:00:00.001', 'late'],
    ['one minute after', '2026-12-04T09:01:00', 'late'],
    ['the same day, before the due', '2026-12-04T08:00:00', 'on-time'],
    ['the same day, just after local midnight', '2026-12-04T00:00:00', 'on-time'],
    ['the evening before (local day earlier)', '2026-12-03T23:59:59', 'early'],
    ['an earlier day', '2026-12-02T10:00:00', 'early'],
    ['a later day', '2026-12-07T08:00:00', 'late'],
  ])('%s → %s', (_label, at, expected) => {
    expect(classify(L(at), due)).toBe(expected);
  });

  it('uses the local day, not the UTC day', () => {
    // 00:30 local on 4/12 is 17:30 UTC on 3/12: the same local day as the due → on time, not early.
    expect(classify('2026-12-03T17:30:00.000Z', L('2026-12-04T16:00:00'))).toBe('on-time');
    // 06:00 local on 4/12 is still 3/12 in UTC... and 23:00 local on 3/12 is an earlier local day.
    expect(classify(L('2026-12-03T23:00:00'), '2026-12-04T01:00:00.000Z')).toBe('early');
  });
});

describe('pausesBefore', () => {
  it('keeps pauses begun before the act, closes an open one at it, drops later ones', () => {
    const ps = {
      'a-1': pause({ from: L('2026-12-02T09:00:00'), to: L('2026-12-02T15:00:00') }),
      'b-1': pause({ stepId: 'b', from: L('2026-12-03T09:00:00'), to: undefined }),
      'c-1': pause({ stepId: 'c', from: L('2026-12-05T09:00:00'), to: undefined }),
    };
    const out = pausesBefore(ps, L('2026-12-04T10:00:00'));
    expect(Object.keys(out).sort()).toEqual(['a-1', 'b-1']);
    expect(out['a-1']!.to).toBe(L('2026-12-02T15:00:00'));
    expect(out['b-1']!.to).toBe(L('2026-12-04T10:00:00'));
    expect(pausesBefore(ps, null)).toBe(ps);
  });

  it('a pause that begins exactly at the act does not count for it', () => {
    expect(pausesBefore({ k: pause({ from: L('2026-12-02T09:00:00') }) }, L('2026-12-02T09:00:00'))).toEqual({});
  });
});

describe('stepTimeliness', () => {
  const d = dossier();
  it('early, on time and late against the original due', () => {
    expect(stepTimeliness(cal, decided('2026-12-03T16:00:00'), d)).toBe('early');
    expect(stepTimeliness(cal, decided('2026-12-04T09:00:00'), d)).toBe('on-time');
    expect(stepTimeliness(cal, decided('2026-12-04T09:01:00'), d)).toBe('late');
  });

  it('an extension (apology) does not make a late step on time', () => {
    const s = decided('2026-12-07T10:00:00', { extensions: 1, extensionHours: 24 });
    expect(stepDues(cal, s, {}, s.decidedAt).finalDueAt!.toISOString()).toBe(L('2026-12-09T09:00:00'));
    expect(stepTimeliness(cal, s, d)).toBe('late');
  });

  it('a pause moves the original due by the paused working time', () => {
    // paused Wed 09:00 → Thu 09:00: 8 working hours; due Fri 09:00 → Mon 7/12 09:00
    const paused = dossier({ pauses: { 's1-stp-1': pause() } });
    const s = decided('2026-12-04T10:00:00', { supplementRounds: 1 });
    expect(stepDues(cal, s, paused.pauses, s.decidedAt).dueAt!.toISOString()).toBe(L('2026-12-07T09:00:00'));
    expect(stepTimeliness(cal, s, paused)).toBe('early');
    expect(stepTimeliness(cal, decided('2026-12-07T09:00:00'), paused)).toBe('on-time');
    expect(stepTimeliness(cal, decided('2026-12-07T09:01:00'), paused)).toBe('late');
  });

  it('a pause begun after the decision (a parallel step) changes nothing', () => {
    const later = dossier({ pauses: { 'x-1': pause({ stepId: 'x', from: L('2026-12-04T08:00:00'), to: undefined }) } });
    expect(stepTimeliness(cal, decided('2026-12-03T16:00:00'), later)).toBe('early');
    expect(stepTimeliness(cal, decided('2026-12-04T09:01:00'), dossier({ pauses: { 'x-1': pause({ stepId: 'x', from: L('2026-12-04T09:00:30'), to: undefined }) } }))).toBe('late');
  });

  it('a decision made while a parallel step’s pause is open is never late', () => {
    const open = dossier({ pauses: { 'x-1': pause({ stepId: 'x', from: L('2026-12-03T09:00:00'), to: undefined }) } });
    expect(stepTimeliness(cal, decided('2026-12-10T10:00:00'), open)).not.toBe('late');
  });

  it('pending without a decision, stopped when the dossier stopped first', () => {
    expect(stepTimeliness(cal, step(), d)).toBe('pending');
    expect(stepTimeliness(cal, step({ state: 'supplement-requested', supplementRounds: 1 }), d)).toBe('pending');
    expect(stepTimeliness(cal, step(), dossier({ status: 7 }))).toBe('stopped');
  });
});

describe('dossierTimeliness', () => {
  it('returned against the original appointment, extensions aside', () => {
    expect(dossierTimeliness(cal, dossier({ status: 10, returnedAt: L('2026-12-14T14:00:00') }))).toBe('on-time');
    expect(dossierTimeliness(cal, dossier({ status: 10, returnedAt: L('2026-12-14T14:01:00') }))).toBe('late');
    expect(dossierTimeliness(cal, dossier({ status: 10, returnedAt: L('2026-12-11T14:00:00') }))).toBe('early');
    expect(dossierTimeliness(cal, dossier({ status: 10, extensions: { 's2-catp': 48 }, returnedAt: L('2026-12-16T10:00:00') }))).toBe('late');
    expect(dossierTimeliness(cal, dossier())).toBe('pending');
    expect(dossierTimeliness(cal, dossier({ status: 8 }))).toBe('stopped');
  });
});

describe('controlSheet', () => {
  const allEarly = () => {
    const d = dossier({ status: 10, stageIndex: 3, returnedAt: L('2026-12-04T11:00:00') });
    const steps = [
      decided('2026-12-01T15:00:00'),
      decided('2026-12-02T10:00:00', { stepId: 's2-catp', stageIndex: 1, agency: 'CATP', budgetHours: 48, assignedAt: L('2026-12-01T15:00:00') }),
      decided('2026-12-04T11:00:00', { stepId: 'return', stageIndex: 2, agency: 'TTHCC', atDesk: true, budgetHours: 4, assignedAt: L('2026-12-02T10:00:00') }),
    ];
    return { d, steps };
  };

  it('lists each hand-over: desk → STP → CATP → desk → citizen', () => {
    const { d, steps } = allEarly();
    const sheet = controlSheet(cal, { dossier: d, steps: [...steps].reverse(), apologies: [], now });
    expect(sheet.handOvers.map((h) => [h.n, h.kind, h.from, h.to, h.timeliness])).toEqual([
      [1, 'step', 'TTHCC', 'STP', 'early'],
      [2, 'step', 'STP', 'CATP', 'early'],
      [3, 'step', 'CATP', 'TTHCC', 'early'], // the result ready Wed 10:00, before the appointment: the citizen's coming on Fri is not the desk's lateness
      [4, 'return', 'TTHCC', 'citizen', 'early'],
    ]);
    expect(sheet.handOvers[0]).toMatchObject({
      stepId: 's1-stp', stage: 1, receivedAt: L('2026-12-01T09:00:00'), dueAt: L('2026-12-04T09:00:00'),
      finalDueAt: L('2026-12-04T09:00:00'), decidedAt: L('2026-12-01T15:00:00'), outcome: 'approve', apologies: [],
    });
    expect(sheet.handOvers[3]).toMatchObject({ receivedAt: L('2026-12-04T11:00:00'), dueAt: L('2026-12-14T14:00:00'), outcome: 'returned' });
    expect(sheet.timeliness).toBe('early');
    expect(sheet.appointment).toEqual({ original: L('2026-12-14T14:00:00'), final: L('2026-12-14T14:00:00') });
  });

  it('formats every instant with the given function', () => {
    const { d, steps } = allEarly();
    const sheet = controlSheet(cal, { dossier: d, steps, apologies: [], now }, (iso) => `<${iso}>`);
    expect(sheet.receivedAt).toBe(`<${L('2026-12-01T09:00:00')}>`);
    expect(sheet.handOvers[0]!.dueAt).toBe(`<${L('2026-12-04T09:00:00')}>`);
  });

  it('names the late agency and carries its apology; the final due includes the extension', () => {
    // 48 h from Tue 1/12 15:00 → Wed 9/12 15:00; the lapse adds 48 h → Thu 17/12 15:00
    const catp = decided('2026-12-10T10:00:00', {
      stepId: 's2-catp', stageIndex: 1, agency: 'CATP', budgetHours: 48, assignedAt: L('2026-12-01T15:00:00'), extensions: 1, extensionHours: 48,
    });
    const apology: Apology = {
      code: 'TTHCC-261201-0001', stepId: 's2-catp', n: 1, kind: 'lapse', at: L('2026-12-09T15:00:00'), agency: 'CATP',
      reason: { vi: 'quá hạn', en: 'late' }, hours: 48, originalDueAt: L('2026-12-09T15:00:00'), newDueAt: L('2026-12-17T15:00:00'),
      originalAppointmentAt: L('2026-12-14T14:00:00'), newAppointmentAt: L('2026-12-22T14:00:00'),
    };
    const d = dossier({ stageIndex: 1, extensions: { 's2-catp': 48 } });
    const sheet = controlSheet(cal, { dossier: d, steps: [decided('2026-12-01T15:00:00'), catp], apologies: [apology], now: new Date(L('2026-12-10T11:00:00')) });
    const row = sheet.handOvers[1]!;
    expect(row).toMatchObject({ from: 'STP', to: 'CATP', dueAt: L('2026-12-09T15:00:00'), finalDueAt: L('2026-12-17T15:00:00'), timeliness: 'late' });
    expect(row.apologies).toEqual([{ n: 1, kind: 'lapse', at: apology.at, reason: apology.reason, hours: 48, originalDueAt: apology.originalDueAt, newDueAt: apology.newDueAt }]);
    expect(sheet.appointment).toEqual({ original: L('2026-12-14T14:00:00'), final: L('2026-12-22T14:00:00') });
    expect(sheet.timeliness).toBe('pending');
  });

  it('cuts a step at each supplement round: agency → citizen → agency', () => {
    const p1 = pause({ from: L('2026-12-02T09:00:00'), to: L('2026-12-03T09:00:00') });
    const d = dossier({ pauses: { 's1-stp-1': p1 } });
    const s = decided('2026-12-07T09:01:00', {
      supplementRounds: 1,
      history: [
        { outcome: 'request-supplement', at: p1.from, by: 'stp-1', missing: p1.missing, reason: p1.reason },
        { outcome: 'approve', at: L('2026-12-07T09:01:00'), by: 'stp-1' },
      ],
    });
    const sheet = controlSheet(cal, { dossier: d, steps: [s], apologies: [], now });
    expect(sheet.handOvers.map((h) => [h.kind, h.from, h.to, h.receivedAt, h.dueAt, h.decidedAt, h.outcome, h.timeliness])).toEqual([
      ['step', 'TTHCC', 'STP', L('2026-12-01T09:00:00'), L('2026-12-04T09:00:00'), p1.from, 'request-supplement', 'early'],
      ['supplement-request', 'STP', 'citizen', p1.from, null, p1.to, 'supplemented', null],
      ['supplement', 'citizen', 'STP', p1.to, L('2026-12-07T09:00:00'), L('2026-12-07T09:01:00'), 'approve', 'late'],
    ]);
    expect(sheet.handOvers[1]).toMatchObject({ round: 1, missing: ['Bản sao CCCD'], reason: 'Thiếu' });
    expect(sheet.handOvers[2]!.round).toBe(1);
  });

  it('an open supplement request ends the sheet at the citizen, the clock stopped', () => {
    const p1 = pause({ to: undefined });
    const d = dossier({ status: 5, pauses: { 's1-stp-1': p1 }, openPause: 's1-stp-1' });
    const s = step({ state: 'supplement-requested', supplementRounds: 1, dueAt: null });
    const sheet = controlSheet(cal, { dossier: d, steps: [s], apologies: [], now });
    expect(sheet.handOvers.map((h) => [h.kind, h.to, h.decidedAt, h.timeliness])).toEqual([
      ['step', 'STP', p1.from, 'early'],
      ['supplement-request', 'citizen', null, null],
    ]);
    expect(sheet.appointment.final).toBeNull(); // paused
  });

  it('a step not yet decided is pending, and overdue once past its original due', () => {
    const d = dossier();
    const before = controlSheet(cal, { dossier: d, steps: [step()], apologies: [], now: new Date(L('2026-12-04T09:00:00')) });
    expect(before.handOvers[0]).toMatchObject({ timeliness: 'pending', decidedAt: null, outcome: null });
    expect(before.handOvers[0]!.overdue).toBeUndefined();
    const after = controlSheet(cal, { dossier: d, steps: [step()], apologies: [], now: new Date(L('2026-12-04T09:01:00')) });
    expect(after.handOvers[0]).toMatchObject({ timeliness: 'pending', overdue: true });
  });

  it('a refusal and a withdrawal close the sheet', () => {
    const refused = dossier({ status: 8, stop: { kind: 'refused', at: L('2026-12-02T10:00:00'), stepId: 's1-stp', agency: 'STP', reason: 'Không đủ điều kiện' } });
    const r = controlSheet(cal, {
      dossier: refused,
      steps: [step({ state: 'refused', outcome: 'refuse', decidedAt: L('2026-12-02T10:00:00') })],
      apologies: [],
      now,
    });
    expect(r.handOvers.map((h) => [h.kind, h.from, h.to, h.outcome, h.timeliness])).toEqual([
      ['step', 'TTHCC', 'STP', 'refuse', 'early'],
      ['refusal', 'STP', 'citizen', 'refused', null],
    ]);
    expect(r.timeliness).toBe('stopped');
    const withdrawn = dossier({ status: 7, stop: { kind: 'withdrawn', at: L('2026-12-02T10:00:00'), reason: 'Không còn nhu cầu' } });
    const w = controlSheet(cal, { dossier: withdrawn, steps: [step()], apologies: [], now });
    expect(w.handOvers.map((h) => [h.kind, h.from, h.to, h.timeliness])).toEqual([
      ['step', 'TTHCC', 'STP', 'stopped'],
      ['withdrawal', 'citizen', 'TTHCC', null],
    ]);
    expect(w.handOvers[0]!.overdue).toBeUndefined();
  });

  it('a stage after a parallel stage is handed over by all its agencies', () => {
    const gpxd = procedures.find((p) => p.code === 'XD-GPXD')!;
    const d = dossier({ procedure: gpxd, stageIndex: 1 });
    const s2 = step({ stepId: 's2-sxd', stageIndex: 1, agency: 'SXD', budgetHours: 40, assignedAt: L('2026-12-03T09:00:00') });
    const sheet = controlSheet(cal, { dossier: d, steps: [s2], apologies: [], now });
    expect(sheet.handOvers[0]).toMatchObject({ from: 'SXD+CATP', to: 'SXD' });
  });
});

describe('timelinessReport', () => {
  const d1 = dossier({ status: 10, returnedAt: L('2026-12-11T10:00:00'), rating: { score: 5, at: L('2026-12-12T10:00:00') } });
  const d2 = dossier({ code: 'TTHCC-261201-0002', status: 10, returnedAt: L('2026-12-16T10:00:00'), extensions: { 's2-catp': 48 }, rating: { score: 2, at: L('2026-12-17T10:00:00') } });
  const d3 = dossier({ code: 'TTHCC-261201-0003', procedure: lhnd, status: 7, stop: { kind: 'withdrawn', at: L('2026-12-02T10:00:00'), reason: 'x' } });
  const d4 = dossier({ code: 'TTHCC-261201-0004' }); // open, past its appointment at `now`
  const catp = (at: string, over: Partial<Step> = {}) =>
    decided(at, { stepId: 's2-catp', stageIndex: 1, agency: 'CATP', budgetHours: 48, assignedAt: L('2026-12-01T15:00:00'), ...over });
  const steps = [
    { step: decided('2026-12-01T15:00:00'), dossier: d1 },
    { step: catp('2026-12-02T10:00:00'), dossier: d1 },
    { step: decided('2026-12-02T15:00:00', { code: d2.code, supplementRounds: 2 }), dossier: d2 },
    { step: catp('2026-12-10T10:00:00', { code: d2.code, extensions: 1, extensionHours: 48 }), dossier: d2 }, // due Wed 9/12 15:00
    { step: step({ code: d3.code, stepId: 's1-sdl', agency: 'SDL', budgetHours: 72 }), dossier: d3 },
    { step: step({ code: d4.code, state: 'refused', outcome: 'refuse', decidedAt: L('2026-12-04T09:00:00') }), dossier: d4 },
  ];

  it('by agency: counts, rates of decided steps, apologies, supplements, refusals; the catalogue order first', () => {
    const r = timelinessReport(cal, { by: 'agency', steps, dossiers: [d1, d2, d3, d4], now, groups: [{ key: 'TTHCC' }, { key: 'STP' }, { key: 'CATP' }] });
    expect(r.rows.map((x) => x.key)).toEqual(['TTHCC', 'STP', 'CATP', 'SDL']);
    const [desk, stp, catpRow, sdl] = r.rows;
    expect(desk!.steps).toMatchObject({ steps: 0, rates: null });
    expect(stp!.steps).toEqual({
      steps: 3, early: 2, onTime: 1, late: 0, pending: 0, stopped: 0,
      rates: { early: 66.7, onTime: 33.3, late: 0, timely: 100 }, apologies: 0, supplements: 2, refusals: 1,
    });
    expect(catpRow!.steps).toMatchObject({ steps: 2, early: 1, late: 1, rates: { early: 50, onTime: 0, late: 50, timely: 50 }, apologies: 1 });
    expect(sdl!.steps).toMatchObject({ steps: 1, stopped: 1, rates: null });
    expect(desk!.dossiers).toBeUndefined();
    expect(r.total.steps).toMatchObject({ steps: 6, early: 3, onTime: 1, late: 1, stopped: 1, apologies: 1, supplements: 2, refusals: 1 });
    expect(r.total.dossiers).toMatchObject({ received: 4, returned: 2, returnedOnTime: 1, late: 2, withdrawn: 1, stopped: 0, ratingCount: 2, ratingAverage: 3.5 });
  });

  it('by procedure: steps and dossiers of each procedure', () => {
    const r = timelinessReport(cal, { by: 'procedure', steps, dossiers: [d1, d2, d3, d4], now });
    expect(r.rows.map((x) => [x.key, x.name?.en])).toEqual([
      ['DL-LHND', lhnd.name.en],
      ['TP-LLTP', lltp.name.en],
    ]);
    expect(r.rows[1]!.dossiers).toEqual({ received: 3, returned: 2, returnedOnTime: 1, late: 2, withdrawn: 0, stopped: 0, ratingCount: 2, ratingAverage: 3.5 });
    expect(r.rows[0]!.dossiers).toMatchObject({ received: 1, withdrawn: 1, late: 0, ratingAverage: null });
    expect(r.rows[1]!.steps.steps).toBe(5);
  });

  it('an empty period gives zero rows with null rates', () => {
    const r = timelinessReport(cal, { by: 'procedure', steps: [], dossiers: [], now });
    expect(r.rows).toEqual([]);
    expect(r.total.steps).toMatchObject({ steps: 0, rates: null });
    expect(r.total.dossiers).toMatchObject({ received: 0, ratingAverage: null });
  });
});

describe('dates', () => {
  it('a local day is [D-1 17:00Z, D 17:00Z)', () => {
    expect(localDayRange('2026-12-01')).toEqual(['2026-11-30T17:00:00.000Z', '2026-12-01T17:00:00.000Z']);
  });
  it('months between two dates, across a year', () => {
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-12-01', '2026-12-31')).toEqual(['2026-12']);
  });
  it('validates dates and counts days inclusively', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-12-32')).toBe(false);
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInclusive('2026-12-01', '2026-12-01')).toBe(1);
  });
});
