import { DynamoDBDocumentClient } from './aws/dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeTable } from '../../test/support/fake-table';
import { dossiers, form, NOW, steps } from '../../test/support/figures-fixture';
import { invoke, operator } from '../../test/support/route-unit';
import { setClockSource } from './clock';
import { forgetAgencies, keys, logbookKeys } from './store';
import { route as panel } from '../panel-766/route';
import { route as officers } from '../officer-figures/route';
import { route as periodic } from '../periodic-report/route';

/**
 * The three figures routes of issue 25 over the same stored facts, two ways (issue 26): listing the
 * dossiers (the period's facts read, as before) and from the aggregates alone
 * (FIGURES_LIST_LIMIT=0: what a city's month gets) — the same numbers, and no dossier listed.
 */

process.env.TABLE_NAME ??= 'motcua-unit';
vi.mock('./evaluation-store', () => ({ evaluationFormIfAny: vi.fn(async () => form) }));
const db = mockClient(DynamoDBDocumentClient);

/** An answer with its lists emptied (what the aggregates' answer lists). */
const unlisted = (v: unknown, key = ''): unknown => {
  if (Array.isArray(v)) return ['dossiers', 'steps', 'comments', 'lateDossiers', 'numerator', 'denominator', ...Object.keys(EMPTY)].includes(key) && v.every((x) => typeof x !== 'number') ? [] : v.map((x) => unlisted(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'listed').map(([k, x]) => [k, unlisted(x, k)]));
  return v;
};
const EMPTY = { newReception: [], preExisting: [], solvedInTime: [], solvedLate: [], withdrawn: [], refused: [], pending: [], pendingLate: [] };

async function bothWays(call: () => Promise<{ status: number; body: any }>): Promise<{ listed: any; counted: any }> {
  process.env.FIGURES_LIST_LIMIT = '1000';
  const listed = await call();
  process.env.FIGURES_LIST_LIMIT = '0';
  const counted = await call();
  delete process.env.FIGURES_LIST_LIMIT;
  expect(listed.status).toBe(200);
  expect(counted.status).toBe(200);
  expect(listed.body.listed).toEqual({ dossiers: true, limit: 1000 });
  expect(counted.body.listed).toEqual({ dossiers: false, limit: 0 });
  return { listed: listed.body, counted: counted.body };
}

describe('the figures from the aggregates', () => {
  beforeAll(() => {
    setClockSource(() => NOW.getTime());
    forgetAgencies();
    const table = new FakeTable().serve(db);
    for (const code of ['TTHCC', 'STP', 'CATP']) table.put({ PK: 'CATALOGUE', SK: `AGENCY#${code}`, code, kind: 'department', name: { vi: code, en: code } });
    for (const d of dossiers) table.put({ ...keys.dossier(d.code), ...logbookKeys(d.procedure.receivingAgency, d.receivedAt, d.code), ...structuredClone(d) });
    for (const s of steps) table.put({ ...keys.step(s.code, s.stepId), ...logbookKeys(s.agency, s.assignedAt, s.code, s.stepId), ...structuredClone(s) });
  });
  afterAll(() => {
    setClockSource(() => Date.now());
    db.reset();
  });

  it('the 766 panel: the same components and numbers', async () => {
    const { listed, counted } = await bothWays(() => invoke(panel, { as: operator, query: { from: '2026-12-01', to: '2026-12-31' } }));
    expect(listed.components.find((c: { id: string }) => c.id === 'satisfaction-overall')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(unlisted(counted)).toEqual(unlisted(listed));
  });

  it("the officers' and agencies' figures: the same holders and numbers, whole month and from its 10th", async () => {
    for (const from of ['2026-12-01', '2026-12-10']) {
      const { listed, counted } = await bothWays(() => invoke(officers, { as: operator, query: { from, to: '2026-12-31' } }));
      expect(listed.officers.length).toBeGreaterThan(0);
      expect(unlisted(counted), from).toEqual(unlisted(listed));
    }
  });

  it('the periodic report: the same rows, carried over from November, daily intake by count', async () => {
    const { listed, counted } = await bothWays(() => invoke(periodic, { as: operator, query: { period: '2026-12' } }));
    expect(listed.total.preExisting).toBe(1);
    expect(unlisted(counted)).toEqual(unlisted(listed));
  });
});
