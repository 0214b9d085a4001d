import * as z from 'zod';
import { now } from '../commons/clock';
import { listLimit, readFacts } from '../commons/figures-read';
import { badRequest } from '../commons/http';
import { branchParam, MAX_DAYS } from '../commons/report-period';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { reportSkipped } from '../commons/skipped';
import { csv, workbook, type Cell } from '../commons/xlsx';
import { dailyIntake, lateStep, periodicReport, type LateStep, type PeriodicRow } from '../core/figures';
import { addDays, periodDates, PERIOD } from '../core/report-periods';
import { intakeCounts, periodicCounts } from '../core/aggregate-figures';
import { localDayRange } from '../core/records';
import { PeriodicReport, ReportFile } from '../contracts/evaluation';

export const Query = z.object({
  period: z.string().regex(PERIOD, 'a month YYYY-MM, a quarter YYYY-Qn or a year YYYY'),
  format: z.enum(['json', 'xlsx', 'csv']).default('json'),
  branch: branchParam,
});

const HEADERS = ['Mã', 'Tiếp nhận mới', 'Tồn kỳ trước', 'Đã giải quyết', 'Giải quyết đúng hạn', 'Giải quyết trễ hạn', 'Rút hồ sơ', 'Từ chối', 'Đang giải quyết', 'Đang giải quyết quá hạn'];
const line = (r: PeriodicRow): Cell[] => [r.key, r.newReception, r.preExisting, r.totalSolved, r.solvedInTime, r.solvedLate, r.withdrawn, r.refused, r.pending, r.pendingLate];

/**
 * GET /reports/periodic?period=YYYY-MM|YYYY-Qn|YYYY&format=json|xlsx|csv[&branch] (operators):
 * OpenCPS's MStatistic figures by branch, agency (the procedure's first step's) and procedure —
 * received in the period, carried over (received in the year before it and not ended at its
 * start), solved on time and late, withdrawn, refused, pending and pending late — with the
 * dossiers behind each, the daily intake (#1069) and the late dossiers naming the officer who held
 * the late step (#1070). Read as the timeliness report reads (readPeriod). xlsx and csv come as a
 * file in JSON (base64), made by functions/commons/xlsx.ts.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/reports/periodic',
  summary: 'Periodic report (month, quarter, year): received, carried over, solved, pending; Excel or CSV',
  operationId: 'getPeriodicReport',
  roles: ['operator'],
  // reads the day aggregates in batches; stores the days it had to recompute (conditional UpdateItem)
  access: { table: ['GetItem', 'Query', 'BatchGetItem', 'UpdateItem'] },
  timeoutSeconds: 29,
  query: Query,
  responses: { 200: z.union([PeriodicReport, ReportFile]) },
  errors: OFFICER_ERRORS,
  handler: async ({ query: q }) => {
    const { from, to } = periodDates(q.period)!;
    const today = now();
    const since = addDays(from, -MAX_DAYS);
    const start = new Date(localDayRange(from)[0]);
    if (start.getTime() > today.getTime()) throw badRequest('The period has not begun', [{ field: 'period', message: 'Must have begun' }]);
    const limit = listLimit();
    // the year before the period (carried over) and the period, at once
    const facts = await readFacts(since, to, q.branch, { listUpTo: limit });
    const listed = !('listed' in facts) || facts.listed;
    const all = facts.dossiers;
    const end = new Date(Math.min(new Date(localDayRange(to)[1]).getTime(), today.getTime()));
    const list = [...all.values()];
    const days = !listed && 'days' in facts ? facts.days : undefined;
    // a large period: the numbers from the aggregates' days, no dossier listed
    const by = (b: 'branch' | 'agency' | 'procedure') => {
      if (!days) return periodicReport(facts.cal, list, start, end, b);
      const counted = periodicCounts(days, from, start, end, b, q.branch);
      const unlisted = (r: (typeof counted.rows)[number]): PeriodicRow => ({ ...r, dossiers: { newReception: [], preExisting: [], solvedInTime: [], solvedLate: [], withdrawn: [], refused: [], pending: [], pendingLate: [] } });
      return { rows: counted.rows.map(unlisted), total: unlisted(counted.total) };
    };
    const byBranch = by('branch');
    const byAgency = by('agency');
    const byProcedure = by('procedure');
    const steps = facts.steps;
    const lateCodes = [...byBranch.total.dossiers.solvedLate, ...byBranch.total.dossiers.pendingLate];
    const lateDossiers = lateCodes.sort().map((code) => ({
      code,
      fate: byBranch.total.dossiers.solvedLate.includes(code) ? 'solvedLate' : 'pendingLate',
      steps: steps.filter((s) => s.code === code).flatMap((s) => lateStep(facts.cal, s, all.get(code)!, end) ?? []) as LateStep[],
    }));
    const report = {
      period: q.period,
      from,
      to,
      carriedOverSince: since,
      byBranch: byBranch.rows,
      byAgency: byAgency.rows,
      byProcedure: byProcedure.rows,
      total: byBranch.total,
      dailyIntake: days ? intakeCounts(days.filter((d) => d.day >= from), q.branch).map((d) => ({ ...d, dossiers: [] as string[] })) : dailyIntake(list, from, to),
      lateDossiers,
      skipped: reportSkipped('periodic-report', facts.skipped),
      listed: { dossiers: listed, limit },
    };
    if (q.format === 'json') return reply(200, report);
    const sheet = (rows: PeriodicRow[]) => [HEADERS, ...rows.map(line), line({ ...byBranch.total, key: 'Tổng cộng' })];
    const sheets = [
      { name: 'Theo bàn tiếp nhận', rows: sheet(byBranch.rows) },
      { name: 'Theo cơ quan', rows: sheet(byAgency.rows) },
      { name: 'Theo thủ tục', rows: sheet(byProcedure.rows) },
      { name: 'Tiếp nhận theo ngày', rows: [['Ngày', 'Bàn tiếp nhận', 'Số hồ sơ'], ...report.dailyIntake.map((d) => [d.date, d.desk, d.received])] },
      {
        name: 'Hồ sơ trễ hạn',
        rows: [
          ['Mã hồ sơ', 'Tình trạng', 'Bước', 'Cơ quan', 'Cán bộ giữ hồ sơ khi trễ'],
          ...lateDossiers.flatMap((l) =>
            (l.steps.length ? l.steps : [undefined]).map((s) => [l.code, l.fate === 'solvedLate' ? 'Đã giải quyết trễ hạn' : 'Đang giải quyết quá hạn', s?.stepId ?? '', s?.agency ?? '', s ? (s.officer ?? 'Chưa ai nhận') : '']),
          ),
        ],
      },
    ];
    const name = `bao-cao-${q.period}${q.branch ? `-${q.branch}` : ''}`;
    if (q.format === 'xlsx') {
      return reply(200, { filename: `${name}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: workbook(sheets).toString('base64') });
    }
    const rows = (label: string, list: PeriodicRow[]) => list.map((r) => [label, ...line(r)]);
    const text = csv([['Theo', ...HEADERS], ...rows('branch', byBranch.rows), ...rows('agency', byAgency.rows), ...rows('procedure', byProcedure.rows), ['total', ...line(byBranch.total)]]);
    return reply(200, { filename: `${name}.csv`, mediaType: 'text/csv; charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64') });
  },
});
