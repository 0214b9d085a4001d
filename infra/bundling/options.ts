import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda function of the platform is bundled, in one place: the CDK's NodejsFunction
 * (infra/constructs/functions.ts), bench/coldstart.ts and the tests that bundle a function as
 * the CDK does all read it, so what is measured is what is deployed.
 */

/** Some CommonJS dependencies call require(); give the ESM bundle one. */
export const BANNER = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/**
 * Lambda gives a function its role's credentials in the environment: the SDK's default chain
 * is replaced by the environment provider alone (see ./credentials-from-env.ts). Paths are
 * relative to the project root, where esbuild runs.
 */
export const ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': './infra/bundling/credentials-from-env.ts',
};

/**
 * Files a bundle reads beside itself at run time, by the name it reads (`new URL('./<name>',
 * import.meta.url)`: from source, the file beside the module; deployed, the file beside index.mjs)
 * → the files, from the project root, copied there. The CDK's build copies them after esbuild
 * (BUNDLING's afterBundling, ./beside-bundle.mjs) into each function whose bundle names the file:
 * the receipt PDF's font (and its licence) goes to the API functions that print receipts only,
 * as a file read at the first receipt rather than ~49 KB of base64 parsed at every cold start.
 */
export const BESIDE_BUNDLE: Record<string, string[]> = {
  'receipt-font.ttf': ['functions/commons/receipt-font.ttf', 'functions/commons/receipt-font.LICENSE.txt'],
};

/** The shell command (CDK's afterBundling) that copies BESIDE_BUNDLE's files a bundle in `outputDir` names. */
export const besideBundleCommand = (inputDir: string, outputDir: string): string =>
  [
    'node',
    `${inputDir}/infra/bundling/beside-bundle.mjs`,
    outputDir,
    ...Object.entries(BESIDE_BUNDLE).map(([name, files]) => `${name}=${files.map((f) => `${inputDir}/${f}`).join(',')}`),
  ]
    .map((arg) => JSON.stringify(arg))
    .join(' ');

/** The esbuild options of a function's bundle (the AWS SDK bundled: pinned, smaller cold start than the runtime's copy). */
export const esbuildOptions = (entry: string, outfile: string, absWorkingDir: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  absWorkingDir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  // Vietnamese text as UTF-8 bytes (2–3 each), not as \uXXXX escapes (6 each): Node reads ESM as UTF-8
  charset: 'utf8',
  sourcemap: false,
  banner: { js: BANNER },
  alias: ALIASES,
  external: [],
  logLevel: 'error',
});
