import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const UNIT = ['functions', 'infra/local', 'web', 'test/architecture'];

/** Test files under these folders (web/dist and node_modules left out). */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || path === join('web', 'dist') ? [] : testFiles(path);
    return e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Unit files that replace a module (`vi.mock`): a shared module cache would hand them the real
 * module an earlier file imported, so they keep their own (isolated) workers.
 */
const mocksModules = UNIT.flatMap(testFiles)
  .filter((f) => /\bvi\.(do)?mock\(/.test(readFileSync(f, 'utf8')))
  .map((f) => f.split('\\').join('/'));

/**
 * The runtime tiers (integration, e2e, browser, infra) share their worker's module cache, as the
 * unit tier does: each isolated file imported the platform again (≈ 3.4 s a file on this machine)
 * and started its runtime cold (≈ 1.4 s; ≈ 0.5 s warm). What would cross from one file to the
 * next is put back before each file (test/support/file-setup.ts: the environment, the SES
 * stand-in's mailbox); a runtime resets the rest when it starts. `VITEST_ISOLATE=1` isolates every
 * runtime file again, a check that none leans on another.
 */
const shared = process.env.VITEST_ISOLATE ? {} : { isolate: false, setupFiles: ['test/support/file-setup.ts'] };

/** Tests by layer (serverless-test-samples style): `npm test` runs them all. */
export default defineConfig({
  test: {
    // The JSON report feeds .ci/run's closing line.
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    // vitest's default is one worker fewer than the cores: on a 2-core machine ONE, every file in
    // turn, with a core mostly idle while a file waits on its runtime, Chromium or the clock. Two
    // workers there: 1,316 s → 802 s for the whole suite on this 2-core machine, same tests green;
    // 388 s with the runtime tiers sharing module caches (below); four workers, 365 s
    // (docs/performance.md, "The test suite's wall time"). Each runtime file starts its own local
    // runtime on free ports, so two files at once share nothing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Handlers log at WARN in tests; `POWERTOOLS_LOG_LEVEL=INFO npm test` to see everything.
    env: { POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN' },
    projects: [
      // test/architecture: the import rule (imports run one way), a static read of every source file.
      // Unit tests share their workers' module cache (no isolation): ~100 files each importing the
      // SDK and zod cost more to load than to run (bench: 50 s → 7 s on this machine).
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT.map((d) => `${d}/**/*.test.ts`),
          exclude: ['web/dist/**', 'node_modules/**', ...mocksModules],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'unit-mocks', include: mocksModules.length ? mocksModules : ['(none)'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, ...shared } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], exclude: ['test/e2e/personal-data-leaks.test.ts'], testTimeout: 90_000, hookTimeout: 60_000, ...shared } },
      // Logs at DEBUG, captured and searched for personal data (nothing printed).
      {
        extends: true,
        test: {
          name: 'e2e-privacy',
          include: ['test/e2e/personal-data-leaks.test.ts'],
          env: { POWERTOOLS_LOG_LEVEL: 'DEBUG' },
          testTimeout: 90_000,
          hookTimeout: 60_000,
          ...shared,
        },
      },
      // A real Chromium (shipped in @sparticuz/chromium) driving the pages through the local gateway;
      // the pages built once for the tier (test/support/web-built.ts), so its files run beside the
      // others' (one at a time, they were the suite's last 200 s with a core idle).
      { extends: true, test: { name: 'web', include: ['test/web/**/*.test.ts'], globalSetup: ['test/support/web-built.ts'], testTimeout: 120_000, hookTimeout: 120_000, ...shared } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, ...shared } },
    ],
  },
});
