import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** One logger and one metrics instance for every function (Powertools examples/app style). */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'motcua',
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
});

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
