import * as z from 'zod';
import { workingCalendar } from './calendar';
import { badRequest } from './http';
import { getDossier, listAgencies, queryIndex } from './store';
import { receivingDesk, type Dossier, type Step } from '../core/dossier';
import { daysInclusive, factsProblem, isLocalDate, localDayRange, monthsBetween } from '../core/records';
import { inParallel } from './in-parallel';

export const MAX_DAYS = 366;
export const localDateParam = z.string({ error: 'a local date YYYY-MM-DD' }).refine(isLocalDate, 'a local date YYYY-MM-DD');
/** The figures of one receiving desk: a branch's code, or the main desk's (its agency code). */
export const branchParam = z.string().regex(/^[A-Z0-9]{2,12}$/, "a branch's code, or the main desk's, e.g. BDH or TTHCC").optional();

/** `from` ≤ `to`, at most MAX_DAYS days (both included); a 400 names `to` otherwise. */
export function checkPeriod(from: string, to: string): void {
  if (from > to) throw badRequest('`from` is after `to`', [{ field: 'to', message: 'Must be on or after from' }]);
  if (daysInclusive(from, to) > MAX_DAYS) throw badRequest(`At most ${MAX_DAYS} days`, [{ field: 'to', message: `At most ${MAX_DAYS} days after from` }]);
}

/** Read dossiers not already in hand, a few at a time. */
export async function fetchDossiers(codes: string[], into: Map<string, Dossier>): Promise<void> {
  await inParallel(codes.filter((c) => !into.has(c)), 8, async (c) => {
    const d = await getDossier(c, false);
    if (d) into.set(c, d);
  });
}

/**
 * What the timeliness figures are counted from, for a period of local dates: the steps assigned and
 * the dossiers received, read from the logbook index month by month for every agency of the
 * catalogue; the dossiers of those steps; and the dossiers whose facts cannot be computed (left out
 * of every figure, named by the caller). With `branch`, only the dossiers received at that desk
 * (a branch's code, or the main desk's agency code) and their steps.
 */
export async function readPeriod(from: string, to: string, branch?: string) {
  const range: [string, string] = [localDayRange(from)[0], localDayRange(to)[1]];
  const agencies = await listAgencies();
  const partitions = monthsBetween(from, to).flatMap((m) => agencies.map((a) => `LOG#${a.code}#${m}`));
  const items = (await Promise.all(partitions.map((pk) => queryIndex(pk, 'GSI2', range)))).flat();

  const dossiers = new Map<string, Dossier>();
  const received: Dossier[] = [];
  const steps: Step[] = [];
  for (const item of items) {
    if (typeof item.stepId === 'string') steps.push(item as unknown as Step);
    else if (item.procedure && item.applicant) {
      const d = item as unknown as Dossier;
      received.push(d);
      dossiers.set(d.code, d);
    }
  }
  await fetchDossiers([...new Set(steps.map((s) => s.code))], dossiers);
  if (branch !== undefined) {
    const elsewhere = (code: string) => { const d = dossiers.get(code); return !d || receivingDesk(d) !== branch; };
    for (const code of [...dossiers.keys()].filter(elsewhere)) dossiers.delete(code);
    received.splice(0, received.length, ...received.filter((d) => dossiers.has(d.code)));
    steps.splice(0, steps.length, ...steps.filter((s) => dossiers.has(s.code)));
  }

  const cal = await workingCalendar();
  const problems: { code: string; reason: string }[] = [];
  for (const d of dossiers.values()) {
    const reason = factsProblem(cal, d, steps.filter((s) => s.code === d.code));
    if (reason) problems.push({ code: d.code, reason });
  }
  return { agencies, cal, dossiers, received, steps, problems };
}
