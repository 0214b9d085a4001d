import * as z from 'zod';

/** What the evaluation and the reports of issue 25 answer (the request halves are the routes' schemas). */
const Text = z.object({ vi: z.string(), en: z.string() });
const codes = z.array(z.string());
/**
 * Whether the dossiers behind the numbers are listed (issue 26): a period of at most `limit`
 * dossiers and steps lists them, as before; a larger one (a city's month) answers its numbers from
 * the aggregates and lists none (every list empty).
 */
export const Listed = z.object({ dossiers: z.boolean(), limit: z.number().int() });

export const EvaluationFormView = z.object({
  dossierCode: z.string(),
  criteria: z.array(z.object({ id: z.string(), label: Text, max: z.number().int(), scale: z.array(Text) })),
  source: z.string(),
  given: z.boolean(),
  canEvaluate: z.boolean(),
});

export const Evaluated = z.object({ dossierCode: z.string(), officers: z.number().int() });

const Criterion = z.object({ id: z.string(), label: Text, max: z.number().int(), count: z.number().int(), mean: z.number().nullable(), top: z.number().int() });
const LateStep = z.object({ code: z.string(), stepId: z.string(), agency: z.string(), officer: z.string().nullable(), decided: z.boolean() });
export const HolderFigures = z.object({
  key: z.string(),
  handled: z.object({ count: z.number().int(), dossiers: codes }),
  onTime: z.object({ count: z.number().int(), dossiers: codes }),
  late: z.object({ count: z.number().int(), steps: z.array(LateStep) }),
  evaluations: z.object({ count: z.number().int(), dossiers: codes, criteria: z.array(Criterion), comments: z.array(z.string()) }),
});

export const OfficerReport = z.object({
  from: z.string(),
  to: z.string(),
  /** What the caller may see: `own` (an officer), `agency` (a head: head-<AGENCY>), `all` (an operator). */
  scope: z.enum(['own', 'agency', 'all']),
  officers: z.array(HolderFigures),
  agencies: z.array(HolderFigures),
  skipped: z.array(z.object({ code: z.string(), reason: z.string() })),
  listed: Listed,
});

const Group = z.enum(['transparency', 'progress', 'digitisation', 'online', 'satisfaction']);
export const Panel766 = z.object({
  from: z.string(),
  to: z.string(),
  decision: z.string(),
  components: z.array(
    z.object({
      id: z.string(),
      group: Group,
      name: Text,
      value: z.number().nullable(),
      numerator: z.number().int(),
      denominator: z.number().int(),
      how: z.string(),
      dossiers: z.object({ numerator: codes, denominator: codes }),
    }),
  ),
  notComputed: z.array(z.object({ group: Group, name: Text, why: z.string() })),
  skipped: z.array(z.object({ code: z.string(), reason: z.string() })),
  listed: Listed,
});

const n = z.number().int();
export const PeriodicRow = z.object({
  key: z.string(),
  newReception: n,
  preExisting: n,
  totalSolved: n,
  solvedInTime: n,
  solvedLate: n,
  withdrawn: n,
  refused: n,
  pending: n,
  pendingLate: n,
  dossiers: z.record(z.string(), codes),
});

export const PeriodicReport = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  /** Dossiers received this long before the period are read for the carried-over count. */
  carriedOverSince: z.string(),
  byBranch: z.array(PeriodicRow),
  byAgency: z.array(PeriodicRow),
  byProcedure: z.array(PeriodicRow),
  total: PeriodicRow,
  dailyIntake: z.array(z.object({ date: z.string(), desk: z.string(), received: n, dossiers: codes })),
  lateDossiers: z.array(z.object({ code: z.string(), fate: z.string(), steps: z.array(LateStep) })),
  skipped: z.array(z.object({ code: z.string(), reason: z.string() })),
  listed: Listed,
});

/** A file in a JSON answer: the workbook (base64) or the CSV text, and its name. */
export const ReportFile = z.object({ filename: z.string(), mediaType: z.string(), base64: z.string() });
