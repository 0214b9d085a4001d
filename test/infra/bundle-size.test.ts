import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOADER_ENTRY } from '../../infra/constructs/catalogue';
import { functions } from '../../infra/registry';
import { bundle } from '../support/bundle-calls';

/**
 * Issue 18: every deployed bundle ≤ 350 KB. Each function of the registry (and the catalogue
 * loader) is bundled as the CDK bundles it (infra/bundling/options.ts, in memory) and its output
 * weighed. Sizes only: load times are measured by `npm run bench:coldstart`, never asserted.
 *
 * Functions not yet at the goal have a ceiling of their own (their size when measured, with a
 * little room for a few more routes): a bundle may not grow past it, and a ceiling is lowered or
 * removed as the bundle shrinks (the test says so when it has 50 KB to spare). What fills them and
 * what would cut them: docs/performance.md, "Bundles".
 */
const KB = 1024;
const GOAL = 350 * KB;
/**
 * Measured 2026-12-07 after the SDK-less DynamoDB, SQS, Step Functions and Cognito clients
 * (functions/commons/aws-json.ts; api-operators, workflow and check-lapses reached the goal), then
 * after the SDK-less S3 client and presigners (functions/commons/aws/s3.ts; load-catalogue and
 * anonymise-closed reached it) and SES v2 (send-email), with the receipt's font a file beside the
 * two API bundles: every bundle within the goal (docs/performance.md).
 */
const CEILING: Record<string, number> = {};
const SPARE = 50 * KB;

const LOADER = 'load-catalogue';
const BATCH = 4; // bundles built at once: the machine is small and shared

/** Bytes of the one output file, and the inputs it kept. */
const outputOf = (meta: Metafile) => Object.values(meta.outputs)[0]!;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

describe('Bundles: what each deployed function carries', () => {
  const metas = new Map<string, Metafile>();
  const targets = [...functions.map((f) => ({ name: f.name, entry: f.entry })), { name: LOADER, entry: LOADER_ENTRY }];

  beforeAll(async () => {
    for (let i = 0; i < targets.length; i += BATCH) {
      const batch = targets.slice(i, i + BATCH);
      const built = await Promise.all(batch.map((t) => bundle(t.entry)));
      batch.forEach((t, k) => metas.set(t.name, built[k]!));
    }
  }, 600_000);

  it('every bundle is within 350 KB, or within its own ceiling and never past it', () => {
    const over = targets
      .map((t) => ({ name: t.name, bytes: outputOf(metas.get(t.name)!).bytes, limit: CEILING[t.name] ?? GOAL }))
      .filter((b) => b.bytes > b.limit)
      .map((b) => `${b.name}: ${kb(b.bytes)} > ${kb(b.limit)} (npm run bench:coldstart shows what fills it)`);
    expect(over).toEqual([]);
  });

  it('a ceiling is lowered once its bundle has shrunk (and removed at the goal)', () => {
    const stale = Object.entries(CEILING)
      .map(([name, limit]) => ({ name, limit, bytes: metas.has(name) ? outputOf(metas.get(name)!).bytes : 0 }))
      .filter((c) => c.bytes <= GOAL || c.limit - c.bytes > SPARE)
      .map((c) => `${c.name}: ${kb(c.bytes)} under a ceiling of ${kb(c.limit)}: ${c.bytes <= GOAL ? 'remove it' : 'lower it'}`);
    expect(stale).toEqual([]);
  });

  it("carries the environment's credential provider alone (no SSO, INI, process, web-identity or instance metadata)", () => {
    const chain = /node_modules\/(@aws-sdk\/credential-provider-(?!env\/)[\w-]+|@smithy\/credential-provider-imds|@aws-sdk\/client-(sso|sts)\b)/;
    const found = targets.flatMap((t) => Object.keys(outputOf(metas.get(t.name)!).inputs).filter((f) => chain.test(f)).map((f) => `${t.name}: ${f}`));
    expect(found).toEqual([]);
  });

  it('zod is shaken (imported as a namespace: `import * as z from "zod"`, never `{ z }` or its default)', () => {
    // esbuild keeps all of zod (every locale, JSON Schema in and out: 440 KB) for `import { z }`
    const whole = /node_modules\/zod\/v4\/(locales\/(?!en\.js)|classic\/from-json-schema\.js)/;
    const found = targets.filter((t) => Object.keys(outputOf(metas.get(t.name)!).inputs).some((f) => whole.test(f))).map((t) => t.name);
    expect(found).toEqual([]);
  });

  it('carries no Powertools package (functions/commons/powertools.ts writes its log and metric lines, idempotency.ts its records)', () => {
    const found = targets.flatMap((t) =>
      Object.keys(outputOf(metas.get(t.name)!).inputs)
        .filter((f) => /node_modules\/@aws-lambda-powertools\//.test(f))
        .map((f) => `${t.name}: ${f}`),
    );
    expect(found).toEqual([]);
  });

  it('no bundle carries what only builds the platform (OpenAPI generation, the CDK, esbuild, the web app)', () => {
    const buildOnly = /node_modules\/(@asteasolutions\/zod-to-openapi|aws-cdk-lib|constructs|esbuild|preact|openapi-fetch)\/|^(infra|web|bench|scripts)\/|functions\/contracts\/generate/;
    const found = targets.flatMap((t) =>
      Object.keys(outputOf(metas.get(t.name)!).inputs)
        .filter((f) => buildOnly.test(f) && !f.startsWith('infra/bundling/'))
        .map((f) => `${t.name}: ${f}`),
    );
    expect(found).toEqual([]);
  });
});
