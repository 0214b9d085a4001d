import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { ZodType } from 'zod';
import { fieldErrorsOf, languageOf, localiseProblem, type FieldError } from '../core/problem-text';

export type ApiResult = Exclude<APIGatewayProxyResultV2, string>;

export type { FieldError };

/** An error that becomes an RFC 9457 problem+json response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }

  /** A request that failed validation (`parse`): its detail is rebuilt from the fields, in the caller's language. */
  inputError = false;
}

/** The problem in the language the request prefers (`Accept-Language`; Vietnamese by default). */
export function localised(p: HttpProblem, headers: Record<string, string | undefined> | undefined): HttpProblem {
  return localiseProblem(p, languageOf(headers), (detail, errors) => new HttpProblem(p.status, p.title, detail, errors, p.headers));
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', detail, errors);
export const forbidden = (detail = 'You may not act on this resource') => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (detail = 'Not found') => new HttpProblem(404, 'Not Found', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function problem(p: HttpProblem, instance?: string): ApiResult {
  return {
    statusCode: p.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...p.headers },
    body: JSON.stringify({
      type: 'about:blank',
      title: p.title,
      status: p.status,
      detail: p.detail,
      instance,
      ...(p.errors ? { errors: p.errors.map(({ params: _params, ...e }) => e) } : {}),
    }),
  };
}

/** Validate with zod; a failure names each wrong field (`applicant.email`). */
export function parse<T>(schema: ZodType<T>, value: unknown, where: 'body' | 'path' | 'query' = 'body'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error.issues as Parameters<typeof fieldErrorsOf>[0], where);
  const p = badRequest(`Invalid ${where}: ${errors.map((e) => e.field).join(', ')}`, errors);
  p.inputError = true;
  throw p;
}

export function jsonBody(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON', [{ field: 'body', code: 'invalid_json', message: 'Invalid JSON' }]);
  }
}
