import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, officerOf, operator } from '../../test/support/route-unit';
import { A, form } from '../../test/support/figures-fixture';
import { readFacts } from '../commons/figures-read';
import { Panel766 } from '../contracts/evaluation';
import { route } from './route';

vi.mock('../commons/figures-read', async (original) => ({
  ...(await original<object>()),
  readFacts: vi.fn(async (from: string, to: string) => (await import('../../test/support/figures-facts')).fixtureFacts(from, to)),
}));
vi.mock('../commons/evaluation-store', () => ({ evaluationFormIfAny: vi.fn(async () => form) }));
const query = { from: '2026-12-01', to: '2026-12-31' };

describe('GET /reports/index766', () => {
  beforeEach(() => {
    vi.mocked(readFacts).mockClear();
  });

  it('answers the components it computes with their dossiers, and those it cannot', async () => {
    const answer = await invoke(route, { as: operator, query });
    expect(answer.status).toBe(200);
    const panel = Panel766.parse(answer.body);
    expect(panel.components.find((c) => c.id === 'satisfaction-overall')).toMatchObject({ value: 100, dossiers: { numerator: [A] } });
    expect(panel.notComputed.length).toBeGreaterThan(0);
    expect(panel.decision).toMatch(/766\/QĐ-TTg/);
  });

  it('refuses the desk and an agency officer (403), nobody (401)', async () => {
    expect((await invoke(route, { as: desk, query })).status).toBe(403);
    expect((await invoke(route, { as: officerOf('STP'), query })).status).toBe(403);
    expect((await invoke(route, { query })).status).toBe(401);
    expect(readFacts).not.toHaveBeenCalled();
  });
});
