import { describe, expect, it } from 'vitest';
import type { Agency } from './model';
import {
  codeErrors,
  contentOf,
  effectiveFromErrors,
  fieldName,
  nextVersion,
  parseProcedureBody,
  routeErrors,
  sameContent,
  validateProcedure,
  type ProcedureDraft,
} from './procedure-rules';
import { hanoiAgencies as seedAgencies } from '../../test/support/centre';

const agencies: Agency[] = seedAgencies;
const today = '2026-12-02';
const txt = (vi: string, en: string) => ({ vi, en });
const step = (stepId: string, agency: string, budgetHours: number) => ({ stepId, agency, name: txt(`Bước ${stepId}`, `Step ${stepId}`), budgetHours });
const returnStage = () => ({ steps: [step('return', 'TTHCC', 4)] });

/** TP-LLTP's route with the return to the citizen: 24 + 48 + 4 = 76 h of 80. */
const valid = (): ProcedureDraft => ({
  effectiveFrom: '2026-12-02',
  name: txt('Cấp Phiếu lý lịch tư pháp', 'Judicial record certificate'),
  field: txt('Lý lịch tư pháp', 'Judicial records'),
  legalHours: 80,
  receivingAgency: 'TTHCC',
  stages: [{ steps: [step('s1-stp', 'STP', 24)] }, { steps: [step('s2-catp', 'CATP', 48)] }, returnStage()],
});

const fields = (errors: { field: string }[]) => errors.map((e) => e.field);
const rules = (d: ProcedureDraft) => routeErrors(d, agencies);

describe('a valid procedure', () => {
  it('passes the shape and every rule', () => {
    const parsed = parseProcedureBody(valid());
    expect(parsed).toEqual({ ok: true, value: valid() });
    expect(validateProcedure('TP-LLTP', valid(), { agencies, today })).toEqual([]);
  });

  it('accepts parallel steps (a stage counts its longest step) and half hours', () => {
    const d = valid();
    d.stages[0] = { steps: [step('s1-stp', 'STP', 24), step('s1-sxd', 'SXD', 30.5)] };
    d.legalHours = 82.5; // 30.5 + 48 + 4
    expect(rules(d)).toEqual([]);
  });
});

describe('the procedure code (from the path)', () => {
  it.each(['TP-LLTP', 'DL-LHND', 'AB', 'A1-B2-C3', 'ABCDEFGHIJ'])('accepts %s', (code) => expect(codeErrors(code)).toEqual([]));
  it.each(['tp-lltp', 'T', 'TP--LLTP', 'TP-', '-TP', 'TP_LLTP', 'ABCDEFGHIJK', 'TP-L', 'TP LLTP', ''])('refuses %j', (code) => {
    expect(fields(codeErrors(code))).toEqual(['code']);
  });
});

describe('the shape of the body', () => {
  it('names nested fields with indexes', () => {
    const body = valid() as unknown as { stages: { steps: Record<string, unknown>[] }[] };
    body.stages[1]!.steps[0]!.agency = 42;
    body.stages[0]!.steps[0]!.budgetHours = '24';
    const r = parseProcedureBody(body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(fields(r.errors).sort()).toEqual(['stages[0].steps[0].budgetHours', 'stages[1].steps[0].agency']);
  });

  it('refuses a missing field, a malformed date and unknown keys (code and version are not in the body)', () => {
    const { legalHours: _l, ...rest } = valid();
    const r = parseProcedureBody({ ...rest, effectiveFrom: '2/12/2026', code: 'TP-LLTP', version: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(fields(r.errors).sort()).toEqual(['code', 'effectiveFrom', 'legalHours', 'version']);
  });

  it('refuses an empty name and a body that is not an object', () => {
    const r = parseProcedureBody({ ...valid(), name: txt('   ', 'ok') });
    expect(!r.ok && fields(r.errors)).toEqual(['name.vi']);
    const none = parseProcedureBody(undefined);
    expect(!none.ok && fields(none.errors)).toEqual(['body']);
  });

  it('NFC-normalises and trims every name', () => {
    const decomposed = 'Ca\u0302\u0301p Phie\u0302\u0301u'; // "Cấp Phiếu" with combining marks
    const d = valid();
    d.name = txt(`  ${decomposed} \n`, ' Judicial record certificate ');
    d.stages[0]!.steps[0]!.name = txt(` ${decomposed}`, 'Search ');
    d.field = txt('Lý lịch tư pháp\t', ' Judicial records');
    const r = parseProcedureBody(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toEqual(txt('Cấp Phiếu', 'Judicial record certificate'));
    expect(r.value.name.vi).toBe('C\u1EA5p Phi\u1EBFu');
    expect(r.value.stages[0]!.steps[0]!.name).toEqual(txt('Cấp Phiếu', 'Search'));
    expect(r.value.field).toEqual(txt('Lý lịch tư pháp', 'Judicial records'));
  });

  it('writes zod paths the way forms name fields', () => {
    expect(fieldName(['stages', 1, 'steps', 0, 'agency'])).toBe('stages[1].steps[0].agency');
    expect(fieldName(['name', 'vi'])).toBe('name.vi');
    expect(fieldName([])).toBe('');
  });
});

describe('the route', () => {
  it('must not be empty, nor any of its stages', () => {
    expect(fields(rules({ ...valid(), stages: [] }))).toEqual(['stages']);
    const d = valid();
    d.stages.splice(1, 0, { steps: [] });
    expect(fields(rules(d))).toEqual(['stages[1].steps']);
  });

  it.each([0, -4, 2.25, 0.1])('refuses a budget of %d h', (h) => {
    const d = valid();
    d.stages[1]!.steps[0]!.budgetHours = h;
    expect(fields(rules(d))).toEqual(['stages[1].steps[0].budgetHours']);
  });

  it.each([0.5, 1, 7.5, 8])('accepts a budget of %d h', (h) => {
    const d = valid();
    d.stages[1]!.steps[0]!.budgetHours = h;
    expect(rules(d)).toEqual([]);
  });

  it('refuses a non-positive or fractional legal time', () => {
    expect(fields(rules({ ...valid(), legalHours: 0 }))).toEqual(['legalHours']);
    expect(fields(rules({ ...valid(), legalHours: 80.2 }))).toEqual(['legalHours']);
  });

  it('wants step ids unique and well-formed', () => {
    const d = valid();
    d.stages[1]!.steps[0]!.stepId = 's1-stp';
    const dup = rules(d);
    expect(fields(dup)).toEqual(['stages[1].steps[0].stepId']);
    expect(dup[0]!.message).toContain('stages[0].steps[0]');
    for (const bad of ['S1-STP', 's1_stp', '', 'x'.repeat(41), 'bước-1']) {
      const e = valid();
      e.stages[0]!.steps[0]!.stepId = bad;
      expect(fields(rules(e)), bad).toEqual(['stages[0].steps[0].stepId']);
    }
  });

  it('knows only the catalogue agencies', () => {
    const d = valid();
    d.stages[1]!.steps[0]!.agency = 'SXX';
    const errors = rules(d);
    expect(fields(errors)).toEqual(['stages[1].steps[0].agency']);
    expect(errors[0]!.message).toContain('SXX');
  });

  it('receives at a one-stop desk only', () => {
    expect(fields(rules({ ...valid(), receivingAgency: 'NOPE' }))).toContain('receivingAgency');
    const d = valid();
    d.receivingAgency = 'STP'; // a department, not a desk
    d.stages[2] = { steps: [step('return', 'STP', 4)] };
    d.stages[0] = { steps: [step('s1-sxd', 'SXD', 24)] };
    expect(fields(rules(d))).toEqual(['receivingAgency']);
  });

  it('ends with the return to the citizen: exactly one step, at the receiving desk', () => {
    const noReturn = valid();
    noReturn.stages.pop();
    expect(fields(rules(noReturn))).toEqual(['stages[1].steps[0].agency']);

    const twoSteps = valid();
    twoSteps.stages[2]!.steps.push(step('return-copy', 'TTHCC', 4));
    const e = rules(twoSteps);
    expect(fields(e)).toEqual(['stages[2].steps']);
    expect(e[0]!.message).toMatch(/exactly one step/);

    const elsewhere = valid();
    elsewhere.stages[2]!.steps[0]!.agency = 'SDL';
    expect(fields(rules(elsewhere))).toEqual(['stages[2].steps[0].agency']);
  });

  it('keeps the desk out of every other stage', () => {
    const d = valid();
    d.stages[0]!.steps.push(step('s1-desk', 'TTHCC', 8));
    const errors = rules(d);
    expect(fields(errors)).toEqual(['stages[0].steps[1].agency']);
    expect(errors[0]!.message).toMatch(/only the last stage/);
  });

  it('fits in the legal time, saying by how much it does not', () => {
    expect(rules({ ...valid(), legalHours: 76 })).toEqual([]);
    const errors = rules({ ...valid(), legalHours: 70 });
    expect(fields(errors)).toEqual(['stages']);
    expect(errors[0]!.message).toContain('76 h');
    expect(errors[0]!.message).toContain('6 h more than legalHours (70 h)');
    const parallel = valid();
    parallel.stages[1]!.steps.push(step('s2-sxd', 'SXD', 56)); // the stage now takes 56 h, not 48 + 56
    expect(rules(parallel)[0]!.message).toContain('4 h more');
  });

  it('reports every error at once', () => {
    const d = valid();
    d.stages[0]!.steps[0] = step('Bad', 'XX', -1);
    d.stages[2]!.steps[0]!.agency = 'STP';
    expect(fields(rules(d))).toEqual(['stages[0].steps[0].stepId', 'stages[0].steps[0].agency', 'stages[0].steps[0].budgetHours', 'stages[2].steps[0].agency']);
  });
});

describe('effectiveFrom', () => {
  it('is a real date', () => {
    for (const bad of ['2027-02-29', '2026-13-01', '2026-11-31', 'tomorrow']) expect(fields(effectiveFromErrors(bad, today)), bad).toEqual(['effectiveFrom']);
    expect(effectiveFromErrors('2028-02-29', today)).toEqual([]);
  });

  it('is today or later, never retroactive', () => {
    expect(effectiveFromErrors(today, today)).toEqual([]);
    expect(effectiveFromErrors('2027-01-01', today)).toEqual([]);
    const past = effectiveFromErrors('2026-12-01', today);
    expect(fields(past)).toEqual(['effectiveFrom']);
    expect(past[0]!.message).toMatch(/retroactive/);
    expect(fields(validateProcedure('TP-LLTP', { ...valid(), effectiveFrom: '2025-07-01' }, { agencies, today }))).toEqual(['effectiveFrom']);
  });
});

describe('versions', () => {
  it('numbers the next version after the highest', () => {
    expect(nextVersion([])).toBe(1);
    expect(nextVersion([{ version: 1 }, { version: 3 }, { version: 2 }])).toBe(4);
  });

  it('recognises a retry of the same publication, whatever the key order or extra stored attributes', () => {
    const stored = { code: 'TP-LLTP', version: 2, publishedBy: 'op-1', ...valid() };
    const reordered = JSON.parse(JSON.stringify({ stages: valid().stages, legalHours: 80, receivingAgency: 'TTHCC', field: valid().field, name: valid().name, effectiveFrom: valid().effectiveFrom }));
    expect(sameContent(stored, reordered)).toBe(true);
    expect(contentOf(stored)).toEqual(valid());
    expect(sameContent(stored, { ...valid(), effectiveFrom: '2026-12-03' })).toBe(false);
    const budget = valid();
    budget.stages[0]!.steps[0]!.budgetHours = 16;
    expect(sameContent(stored, budget)).toBe(false);
    expect(sameContent(stored, { ...valid(), name: txt('Khác', 'Other') })).toBe(false);
  });
});
