import * as z from 'zod';
import { now } from '../commons/clock';
import { HttpProblem, badRequest, type FieldError } from '../commons/http';
import { logger } from '../commons/powertools';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { keys, listAgencies, listCatalogue, putIfAbsent } from '../commons/store';
import { ProcedureVersion } from '../contracts/responses';
import { localDate, toLocalIso } from '../core/local-time';
import { routeHours, type Procedure } from '../core/model';
import {
  codeErrors,
  contentOf,
  effectiveFromErrors,
  nextVersion,
  parseProcedureBody,
  ProcedureBody,
  routeErrors,
  sameContent,
} from '../core/procedure-rules';

/** Field errors as zod issues: the router names each field as these rules do (`stages[1].steps[0].agency`). */
const asIssues = (errors: FieldError[], ctx: z.RefinementCtx) => {
  for (const e of errors) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message });
};

/** The procedure's code, checked before its body. */
const Path = z.object({ code: z.string() }).superRefine(({ code }, ctx) => asIssues(codeErrors(code), ctx));

/**
 * The procedure as the operator sends it (documented as ProcedureBody), refused with
 * parseProcedureBody's errors: each unknown key named, fields as `stages[1].steps[0].agency`.
 */
export const Body = z.preprocess((input, ctx) => {
  const checked = parseProcedureBody(input);
  if (!checked.ok) asIssues(checked.errors, ctx);
  return input;
}, ProcedureBody);

type StoredProcedure = Procedure & { publishedAt?: string; publishedBy?: string };

/** Every stored version of one procedure code (strongly consistent, so the next number is right). */
async function versionsOf(code: string): Promise<StoredProcedure[]> {
  return (await listCatalogue(`PROCEDURE#${code}#`, true)).map(({ PK: _pk, SK: _sk, ...rest }) => rest as unknown as StoredProcedure);
}

const view = (p: StoredProcedure) => ({ ...p, routeHours: routeHours(p.stages) });

/**
 * PUT /procedures/{code} (operator): publish a new version of a procedure, effective from a date
 * not before today. Stored versions are never changed: a dossier keeps the version it was
 * received under. Repeating the latest publication answers 200 with it instead of a new version.
 */
export const route = defineRoute({
  method: 'PUT',
  path: '/procedures/{code}',
  summary: 'Publish a new version of a procedure',
  operationId: 'putProcedure',
  roles: ['operator'],
  access: { table: ['GetItem', 'Query', 'PutItem'] },
  params: Path,
  body: Body,
  responses: { 200: ProcedureVersion, 201: ProcedureVersion },
  errors: [...OFFICER_ERRORS, 409, 422],
  handler: async ({ caller, params: { code }, body }) => {
    const draft = contentOf(body);

    const today = localDate(now());
    const dateErrors = effectiveFromErrors(draft.effectiveFrom, today);
    const ruleErrors = routeErrors(draft, await listAgencies());
    if (ruleErrors.length) {
      const errors = [...dateErrors, ...ruleErrors];
      throw badRequest(`Invalid procedure: ${errors.map((e) => e.field).join(', ')}`, errors);
    }

    const existing = await versionsOf(code);
    const latest = existing.sort((a, b) => b.version - a.version)[0];
    // A retry of the publication that made the latest version (even one that arrives after midnight).
    if (latest && sameContent(latest, draft)) return reply(200, view(latest));
    if (dateErrors.length) throw badRequest(`Invalid procedure: effectiveFrom`, dateErrors);

    const version = nextVersion(existing);
    const stored: StoredProcedure = {
      code,
      version,
      ...draft,
      publishedAt: toLocalIso(now()),
      publishedBy: caller.sub,
    };
    if (!(await putIfAbsent({ ...keys.procedure(code, version), ...stored }))) {
      throw new HttpProblem(409, 'Conflict', `Version ${version} of ${code} was published at the same moment; retry the request`, undefined, {
        'retry-after': '1',
      });
    }
    logger.info('procedure version published', { procedure: code, version, effectiveFrom: draft.effectiveFrom });
    return reply(201, view(stored));
  },
});
