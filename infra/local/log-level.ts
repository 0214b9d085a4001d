/**
 * `npm start` logs quietly: the functions' JSON logs at WARN (errors and warnings only) unless
 * `POWERTOOLS_LOG_LEVEL` says otherwise — `POWERTOOLS_LOG_LEVEL=INFO npm start` (or DEBUG) shows
 * every JSON line, as on AWS, and the metrics' EMF lines. Imported first by start.ts, before any function's logger exists.
 */
export const LOCAL_LOG_LEVEL = 'WARN';

export function localLogLevel(env: Record<string, string | undefined>): string {
  return env.POWERTOOLS_LOG_LEVEL || LOCAL_LOG_LEVEL;
}

/** Quiet also means no metric lines (EMF JSON on stdout) unless the JSON was asked for. */
export function localMetricsDisabled(env: Record<string, string | undefined>): string | undefined {
  if (env.POWERTOOLS_METRICS_DISABLED !== undefined) return env.POWERTOOLS_METRICS_DISABLED;
  return env.POWERTOOLS_LOG_LEVEL ? undefined : 'true';
}

const disabled = localMetricsDisabled(process.env);
if (disabled !== undefined) process.env.POWERTOOLS_METRICS_DISABLED = disabled;
process.env.POWERTOOLS_LOG_LEVEL = localLogLevel(process.env);
