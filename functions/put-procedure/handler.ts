import * as z from 'zod';
import { apiHandler } from '../commons/api';
import { now } from '../commons/clock';
import { HttpProblem, badRequest, json, jsonBody, parse } from '../commons/http';
import { logger } from '../commons/powertools';
import { keys, listAgencies, listCatalogue, putIfAbsent } from '../commons/store';
import { localDate, toLocalIso } from '../core/local-time';
import { routeHours, type Procedure } from '../core/model';
import {
  codeErrors,
  contentOf,
  effectiveFromErrors,
  nextVersion,
  parseProcedureBody,
  routeErrors,
  sameContent,
} from '../core/procedure-rules';

const Path = z.object({ code: z.string() });

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
export const handler = apiHandler('PUT /procedures/{code}', async (event, { caller }) => {
  const { code } = parse(Path, event.pathParameters, 'path');
  const pathErrors = codeErrors(code);
  if (pathErrors.length) throw badRequest(`Invalid procedure code ${code}`, pathErrors);

  const body = parseProcedureBody(jsonBody(event));
  if (!body.ok) throw badRequest(`Invalid procedure: ${body.errors.map((e) => e.field).join(', ')}`, body.errors);
  const draft = contentOf(body.value);

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
  if (latest && sameContent(latest, draft)) return json(200, view(latest));
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
  return json(201, view(stored));
});
