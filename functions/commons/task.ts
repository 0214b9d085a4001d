import middy from '@middy/core';
import type { ZodType } from 'zod';
import { injectLambdaContext, logger, reportMissingCalendar } from './powertools';

/**
 * Wrap a workflow task: validate the payload (ids only), log with the Lambda context, and let
 * errors fail the task so that the state machine retries it. Every task is safe to retry.
 */
export function taskHandler<I, O>(name: string, schema: ZodType<I>, fn: (input: I) => Promise<O>) {
  return middy<unknown, O>()
    .use(injectLambdaContext(logger))
    .handler(async (event) => {
      const parsed = schema.safeParse(event);
      if (!parsed.success) {
        logger.error('invalid task payload', { task: name, issues: parsed.error.issues.map((i) => i.path.join('.')) });
        throw new Error(`Invalid ${name} payload`);
      }
      try {
        return await fn(parsed.data);
      } catch (error) {
        if ((error as Error)?.name === 'MissingCalendarYearError') reportMissingCalendar(error as Error);
        throw error;
      }
    });
}
