import type { Context } from 'aws-lambda';
import type { MiddlewareObj } from '@middy/core';

/**
 * Structured logs and CloudWatch metrics for every function, written as Powertools for AWS Lambda
 * writes them (the same JSON keys, the same embedded-metric-format lines, the same
 * POWERTOOLS_SERVICE_NAME / POWERTOOLS_LOG_LEVEL / POWERTOOLS_METRICS_DISABLED variables), without
 * its logger and metrics packages: the platform uses a few calls of each, and they were 38 KB of
 * every bundle (issue 18: bundles carry only what Lambda needs). Queries, dashboards and the alarms
 * on namespace `motcua`, dimension `service` read the lines as before.
 */

const LEVELS = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
type Level = keyof typeof LEVELS;
type Extra = Record<string, unknown> | Error | undefined;

/** An error as Powertools formats it: name, where it was thrown, message, stack, cause, own fields. */
function formatError(error: Error): Record<string, unknown> {
  const { name, message, stack, cause, ...own } = error as Error & { cause?: unknown };
  // the first frame with a (file:line:column), as Powertools finds it
  const frame = (stack ?? '').split('\n').map((l) => /\(([^()]*?):(\d+?):(\d+?)\)\\?$/.exec(l)).find(Boolean);
  return {
    name,
    location: frame ? `${frame[1]}:${frame[2]}` : '',
    message,
    stack,
    ...(cause === undefined ? {} : { cause: cause instanceof Error ? formatError(cause) : cause }),
    ...own,
  };
}

/** JSON.stringify's replacer: errors formatted, bigints as strings, a circular reference dropped. */
function replacer() {
  const ancestors: unknown[] = [];
  return function (this: unknown, _key: string, value: unknown) {
    let v = value instanceof Error ? formatError(value) : value;
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'object' && v !== null) {
      while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
      if (ancestors.includes(v)) return undefined;
      ancestors.push(v);
    }
    return v;
  };
}

let coldStart = true;

export class Logger {
  readonly #service: string;
  readonly #level: string | undefined;
  #context: Record<string, unknown> = {};

  constructor(options: { serviceName?: string; logLevel?: string } = {}) {
    this.#service = options.serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'service_undefined';
    this.#level = options.logLevel;
  }

  /** The threshold: the constructor's level, else POWERTOOLS_LOG_LEVEL (read on each line: the local runtime sets it). */
  #threshold(): number {
    const name = (this.#level ?? process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO').toUpperCase() as Level;
    return LEVELS[name] ?? LEVELS.INFO;
  }

  /** The Lambda context's keys on every line of this invocation (Powertools' `addContext`). */
  addContext(context: Context): void {
    this.#context = {
      cold_start: coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size: context.memoryLimitInMB,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
    coldStart = false;
  }

  debug(message: string, extra?: Extra): void {
    this.#print('DEBUG', message, extra);
  }
  info(message: string, extra?: Extra): void {
    this.#print('INFO', message, extra);
  }
  warn(message: string, extra?: Extra): void {
    this.#print('WARN', message, extra);
  }
  error(message: string, extra?: Extra): void {
    this.#print('ERROR', message, extra);
  }

  #print(level: Level, message: string, extra: Extra): void {
    if (LEVELS[level] < this.#threshold()) return;
    const trace = process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
    const line = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.#service,
      ...this.#context,
      sampling_rate: 0,
      ...(trace ? { xray_trace_id: trace } : {}),
      ...(extra instanceof Error ? { error: extra } : extra),
    };
    // written at call time (not through a Console made at load), so whoever taps the streams sees it
    const stream = LEVELS[level] >= LEVELS.WARN ? process.stderr : process.stdout;
    stream.write(`${JSON.stringify(line, replacer())}\n`);
  }
}

/** The units the platform's metrics use (CloudWatch's names). */
export const MetricUnit = { Count: 'Count', Milliseconds: 'Milliseconds', Seconds: 'Seconds', Bytes: 'Bytes' } as const;
export type MetricUnit = (typeof MetricUnit)[keyof typeof MetricUnit];

export class Metrics {
  readonly #namespace: string;
  readonly #service: string;
  #stored = new Map<string, { unit: MetricUnit; values: number[] }>();

  constructor(options: { namespace: string; serviceName?: string }) {
    this.#namespace = options.namespace;
    this.#service = options.serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'service_undefined';
  }

  addMetric(name: string, unit: MetricUnit, value: number): void {
    const stored = this.#stored.get(name);
    if (stored) stored.values.push(value);
    else this.#stored.set(name, { unit, values: [value] });
  }

  /** One embedded-metric-format line (namespace, dimension `service`), then the store is empty. */
  publishStoredMetrics(): void {
    const stored = [...this.#stored];
    this.#stored = new Map();
    if (stored.length === 0 || process.env.POWERTOOLS_METRICS_DISABLED?.toLowerCase() === 'true') return;
    const line = {
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [{ Namespace: this.#namespace, Dimensions: [['service']], Metrics: stored.map(([Name, { unit }]) => ({ Name, Unit: unit })) }],
      },
      service: this.#service,
      ...Object.fromEntries(stored.map(([name, { values }]) => [name, values.length === 1 ? values[0] : values])),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

/**
 * Middy middleware: the Lambda context on every log line of the invocation (replaced by the next
 * one's). There are no per-invocation keys to reset: a line's own fields are passed with it.
 */
export function injectLambdaContext(target: Logger): MiddlewareObj {
  return { before: (request) => target.addContext(request.context as Context) };
}

/** One logger and one metrics instance for every function. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'motcua' });

export const metrics = new Metrics({
  namespace: 'motcua',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'motcua',
});

/** A date reached a year with no working calendar: loud in the logs and as a metric (alarm on it). */
export function reportMissingCalendar(error: Error): void {
  logger.error('no working calendar for a year', { error: error.message });
  metrics.addMetric('MissingCalendarYear', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}

/** A dossier was received but its workflow could not be started (it waits for a resume): alarm on it. */
export function reportWorkflowStartFailed(errorName: string): void {
  logger.error('workflow did not start after intake; it starts at the next resume', { error: errorName });
  metrics.addMetric('WorkflowStartFailed', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}

/** A call that did not come through CloudFront (API Gateway's own URL): refused, counted, alarmed. */
export function reportDirectCall(route: string): void {
  logger.warn('a call not through the distribution was refused', { route });
  metrics.addMetric('DirectCallRefused', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}
