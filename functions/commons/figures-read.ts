import { readPeriod } from './report-period';
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
export async function readFacts(from: string, to: string, branch?: string) {
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
export type { Dossier, Step };
