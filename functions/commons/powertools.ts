import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** One logger and one metrics instance for every function (Powertools examples/app style). */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'motcua',
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
});

export const metrics = new Metrics({
  namespace: 'motcua',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'motcua',
});
