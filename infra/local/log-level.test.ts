import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localLogLevel, localMetricsDisabled } from './log-level';

describe('npm start’s log level', () => {
  it('is WARN unless POWERTOOLS_LOG_LEVEL asks for the JSON lines', () => {
    expect(localLogLevel({})).toBe('WARN');
    expect(localLogLevel({ POWERTOOLS_LOG_LEVEL: '' })).toBe('WARN');
    expect(localLogLevel({ POWERTOOLS_LOG_LEVEL: 'INFO' })).toBe('INFO');
    // the metrics' JSON lines go with it
    expect(localMetricsDisabled({})).toBe('true');
    expect(localMetricsDisabled({ POWERTOOLS_LOG_LEVEL: 'INFO' })).toBeUndefined();
    expect(localMetricsDisabled({ POWERTOOLS_METRICS_DISABLED: 'false' })).toBe('false');
  });
  it('is set before anything else is imported by start.ts (the functions’ loggers read it when created)', () => {
    const start = readFileSync(join(import.meta.dirname, 'start.ts'), 'utf8');
    expect(start.split('\n').find((l) => l.startsWith('import '))).toBe("import './log-level';");
  });
  it('is documented in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain('POWERTOOLS_LOG_LEVEL=INFO npm start');
  });
});
