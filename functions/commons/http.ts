import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { ZodType } from 'zod';

export type ApiResult = Exclude<APIGatewayProxyResultV2, string>;

export interface FieldError {
  field: string;
  message: string;
}

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
      ...(p.errors ? { errors: p.errors } : {}),
    }),
  };
}

/** Validate with zod; a failure names each wrong field (`applicant.email`). */
export function parse<T>(schema: ZodType<T>, value: unknown, where: 'body' | 'path' | 'query' = 'body'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : where,
    message: issue.message,
  }));
  throw badRequest(`Invalid ${where}: ${errors.map((e) => e.field).join(', ')}`, errors);
}

export function jsonBody(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON', [{ field: 'body', message: 'Invalid JSON' }]);
  }
}
