import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { Metrics as PowertoolsMetrics, MetricUnit as PowertoolsUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Logger, Metrics, MetricUnit } from './powertools';

/**
 * The platform's logger and metrics write what Powertools for AWS Lambda writes (the same keys and
 * embedded-metric-format lines), so CloudWatch queries and the alarms read them as before; they
 * only leave Powertools' packages out of the bundles (issue 18). Compared here with Powertools itself.
 */
const context = {
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:123456789012:function:motcua-api-officers',
  memoryLimitInMB: '512',
  functionName: 'motcua-api-officers',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
} as Context;

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  vi.stubEnv('POWERTOOLS_DEV', '');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const lines = (chunks: string[]) => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const shape = (line: Record<string, unknown>) => ({ ...line, timestamp: typeof line.timestamp, cold_start: typeof line.cold_start });

describe('logger', () => {
  it('writes the JSON line Powertools writes: level, message, timestamp, service, the Lambda context, the trace, the fields', () => {
    const ours = new Logger({ serviceName: 'motcua', logLevel: 'INFO' });
    const theirs = new PowertoolsLogger({ serviceName: 'motcua', logLevel: 'INFO' });
    ours.addContext(context);
    theirs.addContext(context);
    ours.info('step assigned', { dossierCode: 'TTHCC-261207-0001', stepId: 's1' });
    theirs.info('step assigned', { dossierCode: 'TTHCC-261207-0001', stepId: 's1' });
    const [a, b] = lines(out);
    expect(shape(a!)).toEqual(shape(b!));
    expect(a).toMatchObject({ level: 'INFO', message: 'step assigned', service: 'motcua', function_name: 'motcua-api-officers', xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793', dossierCode: 'TTHCC-261207-0001' });
    expect(new Date(a!.timestamp as string).toISOString()).toBe(a!.timestamp);
  });

  it('formats an error as Powertools does (name, location, message, stack), warnings and errors to stderr', () => {
    const ours = new Logger({ serviceName: 'motcua', logLevel: 'INFO' });
    const theirs = new PowertoolsLogger({ serviceName: 'motcua', logLevel: 'INFO' });
    const error = new TypeError('no such table');
    ours.error('the table could not be read', error);
    theirs.error('the table could not be read', error);
    ours.warn('a call not through the distribution was refused', { route: 'GET /centre', cause: new Error('no header') });
    expect(out).toEqual([]);
    const [a, b, c] = lines(err);
    expect(shape(a!)).toEqual(shape(b!));
    expect(a!.error).toMatchObject({ name: 'TypeError', message: 'no such table', location: expect.any(String) });
    expect(c).toMatchObject({ level: 'WARN', route: 'GET /centre', cause: { name: 'Error', message: 'no header' } });
  });

  it('keeps lines under its level: POWERTOOLS_LOG_LEVEL, read on each line (INFO unless set)', () => {
    const ours = new Logger({ serviceName: 'motcua' });
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', '');
    ours.debug('hidden');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
    ours.debug('shown');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'WARN');
    ours.info('hidden too');
    expect(lines(out).map((l) => l.message)).toEqual(['shown']);
  });

  it('marks the first invocation of the process a cold start, and no other', () => {
    const ours = new Logger({ serviceName: 'motcua' });
    ours.addContext(context);
    ours.info('one');
    ours.addContext(context);
    ours.info('two');
    const [one, two] = lines(out);
    expect(two!.cold_start).toBe(false);
    expect(typeof one!.cold_start).toBe('boolean');
  });
});

describe('metrics', () => {
  it('publishes the embedded-metric-format line Powertools publishes (namespace, dimension service), then forgets them', () => {
    const ours = new Metrics({ namespace: 'motcua', serviceName: 'motcua' });
    const theirs = new PowertoolsMetrics({ namespace: 'motcua', serviceName: 'motcua' });
    for (const m of [ours, theirs] as const) {
      m.addMetric('EmailSent', MetricUnit.Count, 1);
      m.addMetric('EmailFailed', MetricUnit.Count, 1);
      m.addMetric('EmailSent', MetricUnit.Count, 1);
      m.publishStoredMetrics();
    }
    expect(PowertoolsUnit.Count).toBe(MetricUnit.Count);
    const [a, b] = lines(out);
    const untimed = (l: Record<string, any>) => ({ ...l, _aws: { ...l._aws, Timestamp: typeof l._aws.Timestamp } });
    expect(untimed(a!)).toEqual(untimed(b!));
    expect(a).toMatchObject({ service: 'motcua', EmailSent: [1, 1], EmailFailed: 1 });
    ours.publishStoredMetrics();
    expect(lines(out)).toHaveLength(2);
  });

  it('writes nothing when POWERTOOLS_METRICS_DISABLED is true (the local runtime)', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    const ours = new Metrics({ namespace: 'motcua', serviceName: 'motcua' });
    ours.addMetric('EmailSent', MetricUnit.Count, 1);
    ours.publishStoredMetrics();
    expect(out).toEqual([]);
  });
});
