import { readPeriod } from './report-period';
import { dayBuckets, daysBetween } from './aggregates';
import { cachedAgencies } from './store';
import { workingCalendar } from './calendar';
import { mergeBuckets, skippedOf, type Bucket } from '../core/aggregates';
import type { Caller } from './access';
import { localDayRange } from '../core/records';
import type { Dossier, Step } from '../core/dossier';

/** Agencies whose head the caller is (groups `head-<AGENCY>`): they see that agency's figures and its officers'. */
export const headOf = (caller: Caller): string[] => caller.groups.filter((g) => g.startsWith('head-')).map((g) => g.slice('head-'.length));
export const isOperator = (caller: Caller) => caller.groups.includes('operator');

/**
 * The facts of a period, read the one way the timeliness report reads them (./report-period.ts
 * `readPeriod`): the dossiers received and the steps assigned in it, and their dossiers. A dossier
 * whose facts cannot be computed is left out of every figure and named in `skipped`.
 */
export async function readFacts(from: string, to: string, branch?: string, opts?: { listUpTo: number }) {
  if (opts) {
    // the period's aggregates first (a day item a day): its size says whether its facts are read
    const agencies = await cachedAgencies();
    const days = await dayBuckets(from, to, agencies.map((a) => a.code));
    const list = daysBetween(from, to).map((day) => ({ day, bucket: days.get(day) }));
    const counts = mergeBuckets(list.flatMap((d) => (d.bucket ? [d.bucket] : [])));
    if (periodSize(counts, branch) > opts.listUpTo) {
      return {
        cal: await workingCalendar(),
        dossiers: new Map<string, Dossier>(),
        received: [] as Dossier[],
        steps: [] as Step[],
        skipped: skippedOf(counts, branch),
        start: new Date(localDayRange(from)[0]),
        end: new Date(localDayRange(to)[1]),
        /** Not listed: the figures come from `counts` (and each day's, `days`). */
        counts,
        days: list.map(({ day, bucket }) => ({ day, f: bucket?.fig })),
        listed: false as const,
      };
    }
    return { ...(await readAllFacts(from, to, branch)), counts, days: list.map(({ day, bucket }) => ({ day, f: bucket?.fig })), listed: true as const };
  }
  return readAllFacts(from, to, branch);
}

async function readAllFacts(from: string, to: string, branch?: string) {
  const { cal, dossiers, received, steps, problems } = await readPeriod(from, to, branch);
  const bad = new Set(problems.map((p) => p.code));
  for (const code of bad) dossiers.delete(code);
  return {
    cal,
    dossiers,
    received: received.filter((d) => !bad.has(d.code)),
    steps: steps.filter((s) => dossiers.has(s.code)),
    skipped: problems,
    start: new Date(localDayRange(from)[0]),
    end: new Date(localDayRange(to)[1]),
  };
}

export type Facts = Awaited<ReturnType<typeof readFacts>>;

/**
 * How many dossiers a figures route lists the dossiers behind its numbers for (issue 26): up to
 * this many dossiers received and steps assigned in the period, it reads the period's facts and
 * names the dossiers behind every number, as before; beyond, the numbers come from the aggregates
 * alone (equal: functions/commons/aggregates.test.ts) and no dossier is listed (`listed: false`).
 */
export const listLimit = () => Number(process.env.FIGURES_LIST_LIMIT ?? 500);

/** The dossiers received and the steps assigned in a period's bucket (of one desk's, with `branch`). */
export function periodSize(b: Bucket, branch?: string): number {
  const at = (k: string) => branch === undefined || k.split('|')[0] === branch;
  let n = 0;
  for (const [k, v] of Object.entries(b.steps)) if (at(k)) n += v[0] ?? 0;
  for (const [k, v] of Object.entries(b.dossiers)) if (at(k)) n += v[0] ?? 0;
  return n;
}
export type { Dossier, Step };
