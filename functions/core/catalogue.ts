import * as z from 'zod';
import { validateCalendarYear, type CalendarYear } from './calendar/working-time';
import { CentreProfile } from './centre';
import type { Agency } from './model';
import { FEEDBACK_PREFIX } from './feedback';
import { parseEvaluationForm, type EvaluationForm } from './evaluation';
import { codeErrors, contentOf, fieldName, parseProcedureBody, routeErrors, type FieldError, type ProcedureDraft } from './procedure-rules';

/**
 * A centre's catalogue as data (config/<centre>/): its agencies, its procedures and the calendar
 * years it adds to (or overrides in) the national ones bundled in ./calendar/data. Pure: the
 * files' texts are passed in; every error names the file and the field.
 *
 *   centre.json              the profile (./centre.ts), with its branch desks if any
 *   agencies.json            [{ code, name: {vi, en}, kind: desk|department, email }]
 *   procedures/<CODE>.json   a procedure as PUT /procedures/{code} takes it (code = file name)
 *   calendars/<yyyy>.json    optional: a year as PUT /calendars/{year} takes it
 *   evaluation.json          optional: the citizens' evaluation form (./evaluation.ts)
 */

export const AGENCY_CODE = /^[A-Z0-9]{2,12}$/;
const label = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'must not be empty').max(300, 'at most 300 characters'));

/** An agency as PUT /agencies/{code} takes it (the code comes from the path). */
export const AgencyBody = z
  .object({
    name: z.object({ vi: label, en: label }).strict(),
    kind: z.enum(['desk', 'department']),
    /** Where the agency's due-time warnings go. */
    email: z.email('an email address'),
  })
  .strict();
export type AgencyBody = z.infer<typeof AgencyBody>;

export function agencyCodeErrors(code: string): FieldError[] {
  if (!AGENCY_CODE.test(code)) return [{ field: 'code', message: 'upper-case letters and digits, 2 to 12 characters, e.g. STP' }];
  // its dossiers' codes would read as feedback codes (PA-<yymmdd>-<nnnn>, functions/core/feedback.ts)
  if (code === FEEDBACK_PREFIX) return [{ field: 'code', message: `${FEEDBACK_PREFIX} is the prefix of feedback codes: an agency has another code` }];
  return [];
}

const issues = (error: z.ZodError, prefix: (string | number)[] = []): FieldError[] =>
  error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ field: fieldName([...prefix, ...i.path, k]), message: 'not a known field' }))
      : [{ field: fieldName([...prefix, ...i.path]) || '(root)', message: i.message }],
  );

export interface CatalogueProcedure {
  code: string;
  file: string;
  draft: ProcedureDraft;
}

export interface Catalogue {
  profile: CentreProfile;
  agencies: Agency[];
  procedures: CatalogueProcedure[];
  /** Years the centre adds to, or overrides in, the national calendars. */
  calendars: CalendarYear[];
  /** The citizens' evaluation form (evaluation.json), if the centre has one. */
  evaluation?: EvaluationForm;
}

export interface CatalogueFile {
  /** Relative to the centre's folder, e.g. `procedures/TP-LLTP.json`. */
  path: string;
  text: string;
}

export interface FileError extends FieldError {
  file: string;
}

export class CatalogueError extends Error {
  constructor(readonly errors: FileError[], folder = '') {
    super(`The centre's folder ${folder} is not valid:\n${errors.map((e) => `  ${e.file}: ${e.field}: ${e.message}`).join('\n')}`);
    this.name = 'CatalogueError';
  }
}

const AgenciesFile = z.array(z.object({ code: z.string() }).loose()).min(1, 'at least one agency');

/** Validate a centre's files; throws a CatalogueError listing every problem. */
export function parseCatalogue(files: readonly CatalogueFile[], folder = ''): Catalogue {
  const errors: FileError[] = [];
  const add = (file: string, list: FieldError[]) => errors.push(...list.map((e) => ({ file, ...e })));
  const json = (file: CatalogueFile): unknown => {
    try {
      return JSON.parse(file.text);
    } catch (e) {
      add(file.path, [{ field: '(root)', message: `not JSON: ${(e as Error).message}` }]);
      return undefined;
    }
  };
  const byPath = new Map(files.map((f) => [f.path, f]));

  const centreFile = byPath.get('centre.json');
  let profile: CentreProfile | undefined;
  if (!centreFile) add('centre.json', [{ field: '(root)', message: 'missing' }]);
  else {
    const raw = json(centreFile);
    const parsed = raw === undefined ? undefined : CentreProfile.safeParse(raw);
    if (parsed?.success) profile = parsed.data;
    else if (parsed) add('centre.json', issues(parsed.error));
  }

  const agencies: Agency[] = [];
  const agenciesFile = byPath.get('agencies.json');
  if (!agenciesFile) add('agencies.json', [{ field: '(root)', message: 'missing' }]);
  else {
    const raw = json(agenciesFile);
    const list = raw === undefined ? undefined : AgenciesFile.safeParse(raw);
    if (list && !list.success) add('agencies.json', issues(list.error));
    else if (list?.success) {
      list.data.forEach(({ code, ...rest }, i) => {
        const at = `[${i}]`;
        add('agencies.json', agencyCodeErrors(code).map((e) => ({ ...e, field: `${at}.code` })));
        if (agencies.some((a) => a.code === code)) add('agencies.json', [{ field: `${at}.code`, message: `${code} is listed twice` }]);
        const body = AgencyBody.safeParse(rest);
        if (!body.success) add('agencies.json', issues(body.error, [i]));
        else agencies.push({ code, ...body.data });
      });
    }
  }
  if (profile && agencies.length && !agencies.some((a) => a.code === profile!.deskAgency && a.kind === 'desk')) {
    add('centre.json', [{ field: 'deskAgency', message: `${profile.deskAgency} is not a desk agency of agencies.json` }]);
  }
  // A branch's code prefixes its dossiers' codes and names its day counter: it may not be an agency's.
  (profile?.branches ?? []).forEach((b, i) => {
    if (agencies.some((a) => a.code === b.code)) add('centre.json', [{ field: `branches[${i}].code`, message: `${b.code} is an agency's code in agencies.json: a branch has a prefix of its own` }]);
  });

  const procedures: CatalogueProcedure[] = [];
  for (const file of files.filter((f) => f.path.startsWith('procedures/'))) {
    const code = /^procedures\/(.+)\.json$/.exec(file.path)?.[1] ?? file.path;
    const codeErr = codeErrors(code).map((e) => ({ field: '(file name)', message: e.message }));
    add(file.path, codeErr);
    const raw = json(file);
    if (raw === undefined) continue;
    const body = parseProcedureBody(raw);
    if (!body.ok) {
      add(file.path, body.errors);
      continue;
    }
    // Agencies are checked once agencies.json is valid (else every step would repeat its error).
    if (agenciesFile && errors.every((e) => e.file !== 'agencies.json')) add(file.path, routeErrors(body.value, agencies));
    if (!codeErr.length) procedures.push({ code, file: file.path, draft: contentOf(body.value) });
  }

  const calendars: CalendarYear[] = [];
  for (const file of files.filter((f) => f.path.startsWith('calendars/'))) {
    const raw = json(file);
    if (raw === undefined) continue;
    const year = /^calendars\/(\d{4})\.json$/.exec(file.path)?.[1];
    const checked = validateCalendarYear(raw);
    if (!checked.ok) add(file.path, checked.errors.map((e) => ({ ...e, field: e.field || '(root)' })));
    else if (String(checked.value.year) !== year) add(file.path, [{ field: 'year', message: `the file is named for ${year ?? 'no year'}, the body is for ${checked.value.year}` }]);
    else calendars.push(checked.value);
  }

  let evaluation: EvaluationForm | undefined;
  const evaluationFile = byPath.get('evaluation.json');
  if (evaluationFile) {
    const raw = json(evaluationFile);
    const parsed = raw === undefined ? undefined : parseEvaluationForm(raw);
    if (parsed?.ok) evaluation = parsed.value;
    else if (parsed) add('evaluation.json', parsed.errors);
  }

  if (errors.length || !profile) throw new CatalogueError(errors, folder);
  return { profile, agencies, procedures: procedures.sort((a, b) => a.code.localeCompare(b.code)), calendars, ...(evaluation ? { evaluation } : {}) };
}

/** The national years with the centre's years laid over them (a centre's year replaces the national one). */
export function calendarYears(national: readonly CalendarYear[], centre: readonly CalendarYear[]): CalendarYear[] {
  const byYear = new Map(national.map((y) => [y.year, y]));
  for (const y of centre) byYear.set(y.year, y);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
