import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk, invoke, operator } from '../../test/support/route-unit';
import { A, B, C, NOW } from '../../test/support/figures-fixture';
import { setClockSource } from '../commons/clock';
import { readFacts } from '../commons/figures-read';
import { PeriodicReport } from '../contracts/evaluation';
import { route } from './route';

vi.mock('../commons/figures-read', async (original) => ({
  ...(await original<object>()),
  readFacts: vi.fn(async (from: string, to: string) => (await import('../../test/support/figures-facts')).fixtureFacts(from, to)),
}));

describe('GET /reports/periodic', () => {
  beforeAll(() => setClockSource(() => NOW.getTime()));
  afterAll(() => setClockSource(() => Date.now()));
  beforeEach(() => {
    vi.mocked(readFacts).mockClear();
  });

  it('December 2026: new, carried over (read from the year before), solved, pending late, with their dossiers', async () => {
    const answer = await invoke(route, { as: operator, query: { period: '2026-12' } });
    expect(answer.status).toBe(200);
    const report = PeriodicReport.parse(answer.body);
    expect(report).toMatchObject({ from: '2026-12-01', to: '2026-12-31', carriedOverSince: '2025-11-30' });
    expect(report.total).toMatchObject({ newReception: 2, preExisting: 1, totalSolved: 1, solvedInTime: 1, pending: 2, pendingLate: 2 });
    expect(report.total.dossiers.preExisting).toEqual([C]);
    expect(report.byAgency.map((r) => r.key)).toEqual(['STP']);
    expect(report.dailyIntake).toEqual([{ date: '2026-12-01', desk: 'TTHCC', received: 2, dossiers: [A, B] }]);
    expect(report.lateDossiers.find((l) => l.code === B)!.steps).toEqual([{ code: B, stepId: 's2-catp', agency: 'CATP', officer: null, decided: false }]);
  });

  it('the workbook: one sheet per breakdown, Vietnamese headers, numbers as numbers equal to the JSON figures', async () => {
    const json = (await invoke(route, { as: operator, query: { period: '2026-Q4' } })).body;
    const file = await invoke(route, { as: operator, query: { period: '2026-Q4', format: 'xlsx' } });
    expect(file.status).toBe(200);
    expect(file.body.filename).toBe('bao-cao-2026-Q4.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.body.base64, 'base64') as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Theo bàn tiếp nhận', 'Theo cơ quan', 'Theo thủ tục', 'Tiếp nhận theo ngày', 'Hồ sơ trễ hạn']);
    const sheet = book.getWorksheet('Theo thủ tục')!;
    expect(sheet.getCell('B1').value).toBe('Tiếp nhận mới');
    const row = sheet.getRow(2).values as unknown[];
    const p = json.byProcedure[0];
    expect(row.slice(1)).toEqual([p.key, p.newReception, p.preExisting, p.totalSolved, p.solvedInTime, p.solvedLate, p.withdrawn, p.refused, p.pending, p.pendingLate]);
  });

  it('CSV too; a wrong period names `period` (400); the desk is refused (403)', async () => {
    const file = await invoke(route, { as: operator, query: { period: '2026', format: 'csv' } });
    expect(Buffer.from(file.body.base64, 'base64').toString('utf8')).toMatch(/^\ufeffTheo,Mã,Tiếp nhận mới/);
    const bad = await invoke(route, { as: operator, query: { period: '2026-13' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['period']);
    expect((await invoke(route, { as: desk, query: { period: '2026-12' } })).status).toBe(403);
  });
});
