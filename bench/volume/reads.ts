/**
 * The reads bench:volume measures (issue 26): each done the new way (the route as its function
 * serves it, in this process, against the loaded table) beside the same read the old way (the
 * code before issue 26, kept here verbatim in spirit: the reads it did). Part B registers its
 * reads (the dashboard, the reports, the 766 panel) by adding to READS.
 */
import { performance } from 'node:perf_hooks';
import { QueryCommand } from '../../functions/commons/aws/dynamodb';
import type { AnyRoute } from '../../functions/commons/route';
import { queryOpen } from '../../functions/commons/open-index';
import { queryAll, queueKey } from '../../functions/commons/store';
import { documentClient, tableName } from '../../functions/commons/aws';
import type { Dossier } from '../../functions/core/dossier';
import { toLocalIso } from '../../functions/core/local-time';
import { phoneDigits } from '../../functions/core/search-tokens';
import { fold } from '../../functions/core/text';
import { invoke, type As } from '../../test/support/route-unit';
import type { Loaded } from './load';

export interface ReadContext {
  samples: Loaded['samples'];
  /** The i-th repetition: reads pick their sample with it (a different dossier each time). */
  i: number;
}

export interface Read {
  name: string;
  /** The read as built before issue 26; absent: no old way (the same read). */
  old?: (ctx: ReadContext) => Promise<unknown>;
  new: (ctx: ReadContext) => Promise<unknown>;
}

/** Call a route module in-process, as its function serves it (roles, schemas, problem+json). */
export async function callRoute(route: AnyRoute, call: { as: As; params?: Record<string, string>; query?: Record<string, string> }) {
  const answer = await invoke(route, call);
  if (answer.status !== 200) throw new Error(`${route.method} ${route.path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body;
}

const desk: As = { sub: 'desk-bench', groups: ['desk'] };
const folded = (name: string) => fold(name).split(' ');
/** What a desk officer types for an applicant: family name and given name, or middle and given. */
const nameQuery = (name: string, i: number) => {
  const w = folded(name);
  return i % 2 ? `${w[1]} ${w[2]}` : `${w[0]} ${w[1]} ${w[2]!.slice(0, 2)}`;
};

/** The search before issue 26: every open dossier read, then filtered in memory. */
async function oldSearch(q: string) {
  const open = (await queryOpen()) as unknown as Dossier[];
  const text = fold(q);
  const phone = phoneDigits(q);
  const found = open.filter((d) => d.applicant && (fold(d.applicant.name).includes(text) || (phone.length >= 4 && phoneDigits(d.applicant.phone ?? '').includes(phone))));
  found.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return found.slice(0, 50).map((d) => ({ code: d.code, name: d.applicant.name, receivedAt: toLocalIso(d.receivedAt) }));
}

/** The busiest queues' keys (the loader's samples: `agency` or `agency#branch`). */
const queueOf = (ctx: ReadContext) => {
  const [agency, branch] = ctx.samples.busyAgencies[ctx.i % ctx.samples.busyAgencies.length]!.split('#');
  return { agency: agency!, branch, key: queueKey(agency!, branch) };
};

export const READS: Read[] = [
  {
    name: 'search by name',
    old: (ctx) => oldSearch(nameQuery(ctx.samples.names[ctx.i % ctx.samples.names.length]!, ctx.i)),
    new: async (ctx) => {
      const { route } = await import('../../functions/search-dossiers/route');
      return callRoute(route, { as: desk, query: { q: nameQuery(ctx.samples.names[ctx.i % ctx.samples.names.length]!, ctx.i) } });
    },
  },
  {
    name: 'search by phone',
    old: (ctx) => oldSearch(phoneDigits(ctx.samples.phones[ctx.i % ctx.samples.phones.length]!).slice(0, 7)),
    new: async (ctx) => {
      const { route } = await import('../../functions/search-dossiers/route');
      return callRoute(route, { as: desk, query: { q: phoneDigits(ctx.samples.phones[ctx.i % ctx.samples.phones.length]!).slice(0, 7) } });
    },
  },
  {
    // the queue route was paginated before issue 26 (Limit, cursor): the old way is the whole
    // queue read at once, as the check-lapses job and the desk's check list read theirs
    name: "an agency's queue page",
    old: async (ctx) => {
      const q = queueOf(ctx);
      return queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': q.key } });
    },
    new: async (ctx) => {
      const { route } = await import('../../functions/list-agency-tasks/route');
      const q = queueOf(ctx);
      const as: As = { sub: 'officer-bench', groups: [`agency-${q.agency}`, ...(q.branch ? ['desk', `branch-${q.branch}`] : [])] };
      return callRoute(route, { as, params: { agencyCode: q.agency }, query: q.branch ? { branch: q.branch } : {} });
    },
  },
  {
    // the same read before and after (one query of the dossier's partition; the search index is
    // beside it, not in it): measured for its slope
    name: "one dossier's page",
    new: async (ctx) => {
      const { route } = await import('../../functions/get-dossier/route');
      return callRoute(route, { as: desk, params: { code: ctx.samples.openCodes[ctx.i % ctx.samples.openCodes.length]! } });
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The operators' lists and the desk's waiting list (bounded reads): before, each walked the open set.

const operatorOfOps: As = { sub: 'operator-bench', groups: ['operator'] };

/** GET /ops/dossiers?state=failed before: every open dossier's execution described, 8 at a time. */
async function oldFailed() {
  const { DescribeExecutionCommand } = await import('@aws-sdk/client-sfn');
  const { stepFunctions } = await import('../../functions/commons/aws');
  const arn = (name: string) => `${process.env.STATE_MACHINE_ARN!.replace(':stateMachine:', ':execution:')}:${name}`;
  const open = (await queryOpen()).filter((d) => !d.closedAt);
  const rows: string[] = [];
  await inParallelOld(open, 8, async (d) => {
    const name = String(d.executionName ?? d.code);
    try {
      const out = await stepFunctions().send(new DescribeExecutionCommand({ executionArn: arn(name) }));
      if (out.status !== 'RUNNING' && out.status !== 'SUCCEEDED') rows.push(String(d.code));
    } catch (error) {
      if ((error as Error).name === 'ExecutionDoesNotExist') rows.push(String(d.code));
      else throw error;
    }
  });
  return rows.length;
}

/** GET /ops/overdue before: every open dossier, then each overdue one's items. */
async function oldOverdue() {
  const { workingCalendar } = await import('../../functions/commons/calendar');
  const { listDossierItems } = await import('../../functions/commons/store');
  const { dossierOverdue } = await import('../../functions/core/records');
  const { now } = await import('../../functions/commons/clock');
  const cal = await workingCalendar();
  const at = now();
  const open = ((await queryOpen()) as unknown as Dossier[]).filter((d) => !d.closedAt);
  let n = 0;
  for (const d of open) {
    if (!dossierOverdue(cal, d, at)) continue;
    await listDossierItems(d.code);
    n++;
  }
  return n;
}

async function inParallelOld<T>(items: readonly T[], width: number, fn: (x: T) => Promise<unknown>) {
  const { inParallel } = await import('../../functions/commons/in-parallel');
  return inParallel(items, width, fn);
}

READS.push(
  {
    name: 'failed workflows (ops)',
    old: () => oldFailed(),
    new: async () => {
      const { route } = await import('../../functions/list-dossiers/route');
      return callRoute(route, { as: operatorOfOps, query: { state: 'failed' } });
    },
  },
  {
    name: 'overdue dossiers (ops)',
    old: () => oldOverdue(),
    new: async () => {
      const { route } = await import('../../functions/list-overdue/route');
      return callRoute(route, { as: operatorOfOps, query: { quietDays: '3' } });
    },
  },
  {
    // before: one bounded pass over the 16 open shards (≤ 800 dossiers read) for the first page
    name: 'waiting for a supplement (desk page)',
    old: async () => {
      const { scanOpenPage } = await import('../../functions/commons/open-index');
      return scanOpenPage(undefined, 50, { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': 5 } });
    },
    new: async () => {
      const { route } = await import('../../functions/search-dossiers/route');
      return callRoute(route, { as: desk, query: { status: '5' } });
    },
  },
);

/** A raw count of the open set (the figure the old search read on every call). */
export async function countOpen(): Promise<number> {
  let n = 0;
  for (let shard = 0; shard < 16; shard++) {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient().send(
        new QueryCommand({ TableName: tableName(), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': `OPEN#${shard}` }, Select: 'COUNT', ExclusiveStartKey: start }),
      );
      n += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Part B: the figures (the console's dashboard, the reports) from the day aggregates
// (functions/commons/aggregates.ts) beside the same figures counted from every fact of the period.

const operator: As = { sub: 'operator-bench', groups: ['operator'] };
const MONTH = { from: '2026-11-01', to: '2026-11-30' };
const YEAR = { from: '2025-12-01', to: '2026-11-30' };

/** GET /reports/timeliness before issue 26: every logbook item of the period, every dossier behind them. */
async function oldTimeliness(period: { from: string; to: string }, by: 'agency' | 'procedure') {
  const { readPeriod } = await import('../../functions/commons/report-period');
  const { timelinessReport } = await import('../../functions/core/records');
  const { now } = await import('../../functions/commons/clock');
  const { agencies, cal, dossiers, received, steps, problems } = await readPeriod(period.from, period.to);
  const bad = new Set(problems.map((p) => p.code));
  return timelinessReport(cal, {
    by,
    steps: steps.filter((s) => dossiers.has(s.code) && !bad.has(s.code)).map((step) => ({ step, dossier: dossiers.get(step.code)! })),
    dossiers: received.filter((d) => !bad.has(d.code)),
    now: now(),
    groups: by === 'agency' ? agencies.map((a) => ({ key: a.code, name: a.name })) : undefined,
  });
}

async function newTimeliness(period: { from: string; to: string }, by: 'agency' | 'procedure') {
  const { route } = await import('../../functions/get-timeliness-report/route');
  return callRoute(route, { as: operator, query: { ...period, by } });
}

/** The first read of a period computes its missing days (as after a migration): timed once, apart. */
export const coldReads: Record<string, number> = {};
const timedFirst = (name: string, run: () => Promise<unknown>) => async () => {
  if (name in coldReads) return run();
  const t0 = performance.now();
  const out = await run();
  coldReads[name] = Math.round(performance.now() - t0);
  return out;
};

READS.push(
  {
    // what the dashboard asks for a month: the figures by agency and by procedure
    name: "the month's dashboard",
    old: () => Promise.all([oldTimeliness(MONTH, 'agency'), oldTimeliness(MONTH, 'procedure')]),
    new: timedFirst("the month's dashboard", () => Promise.all([newTimeliness(MONTH, 'agency'), newTimeliness(MONTH, 'procedure')])),
  },
  {
    name: "a year's report",
    old: () => oldTimeliness(YEAR, 'agency'),
    new: timedFirst("a year's report", () => newTimeliness(YEAR, 'agency')),
  },
);

// The 766 panel, the officers' and agencies' figures and the periodic report: the route (numbers
// from the day aggregates beyond FIGURES_LIST_LIMIT dossiers, no list) beside the code before,
// which read every fact of the period (functions/commons/figures-read.ts `readFacts`) and listed them.

async function oldFacts(period: { from: string; to: string }) {
  const { readFacts } = await import('../../functions/commons/figures-read');
  return readFacts(period.from, period.to);
}

async function figuresRoute(path: 'panel-766' | 'officer-figures' | 'periodic-report', query: Record<string, string>) {
  const { route } = (await import(`../../functions/${path}/route`)) as { route: AnyRoute };
  return callRoute(route, { as: operator, query });
}

READS.push(
  {
    name: "the month's 766 panel",
    old: async () => {
      const { panel766 } = await import('../../functions/core/figures');
      const { evaluationFormIfAny } = await import('../../functions/commons/evaluation-store');
      const facts = await oldFacts(MONTH);
      return panel766(facts.cal, facts.received, await evaluationFormIfAny());
    },
    new: () => figuresRoute('panel-766', MONTH),
  },
  {
    name: "the month's officers' figures",
    old: async () => {
      const { agencyFigures, officerFigures } = await import('../../functions/core/figures');
      const { evaluationFormIfAny } = await import('../../functions/commons/evaluation-store');
      const { now } = await import('../../functions/commons/clock');
      const facts = await oldFacts(MONTH);
      const form = await evaluationFormIfAny();
      const period = { ...facts, now: now() };
      return [officerFigures(facts.cal, period, form), agencyFigures(facts.cal, period, form)];
    },
    new: () => figuresRoute('officer-figures', MONTH),
  },
  {
    // a month's report reads the year before it too (the dossiers carried over)
    name: "the month's periodic report",
    old: async () => {
      const { periodicReport, dailyIntake } = await import('../../functions/core/figures');
      const { addDays } = await import('../../functions/core/report-periods');
      const [before, inPeriod] = await Promise.all([oldFacts({ from: addDays(MONTH.from, -366), to: addDays(MONTH.from, -1) }), oldFacts(MONTH)]);
      const list = [...new Map([...before.dossiers, ...inPeriod.dossiers]).values()];
      return [...(['branch', 'agency', 'procedure'] as const).map((b) => periodicReport(inPeriod.cal, list, inPeriod.start, inPeriod.end, b)), dailyIntake(list, MONTH.from, MONTH.to)];
    },
    new: timedFirst("the month's periodic report", () => figuresRoute('periodic-report', { period: MONTH.from.slice(0, 7) })),
  },
);
