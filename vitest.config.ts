import { defineConfig } from 'vitest/config';

/** Tests by layer (serverless-test-samples style): `npm test` runs them all. */
export default defineConfig({
  test: {
    // The JSON report feeds .ci/run's closing line.
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    // Handlers log at WARN in tests; `POWERTOOLS_LOG_LEVEL=INFO npm test` to see everything.
    env: { POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN' },
    projects: [
      // test/architecture: the import rule (imports run one way), a static read of every source file.
      { extends: true, test: { name: 'unit', include: ['functions/**/*.test.ts', 'infra/local/**/*.test.ts', 'web/**/*.test.ts', 'test/architecture/**/*.test.ts'], exclude: ['web/dist/**', 'node_modules/**'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], exclude: ['test/e2e/personal-data-leaks.test.ts'], testTimeout: 90_000, hookTimeout: 60_000 } },
      // Logs at DEBUG, captured and searched for personal data (nothing printed).
      {
        extends: true,
        test: {
          name: 'e2e-privacy',
          include: ['test/e2e/personal-data-leaks.test.ts'],
          env: { POWERTOOLS_LOG_LEVEL: 'DEBUG' },
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      // A real Chromium (shipped in @sparticuz/chromium) driving the pages through the local gateway.
      { extends: true, test: { name: 'web', include: ['test/web/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000, hookTimeout: 120_000 } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
