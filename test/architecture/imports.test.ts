import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports run one way (issue 18, item 3):
 *
 *   functions/core  ←  functions/commons  ←  schemas  ←  route modules and task folders  ←  functions/api  ←  contracts  ←  infra/, bench/, scripts/, test/
 *
 * - core is the pure domain: it imports core, and of packages only zod (no AWS SDK, no Node I/O).
 * - commons imports core and commons.
 * - schemas (functions/contracts/responses.ts, intake.ts, web-config.ts, feedback.ts, online.ts, evaluation.ts, payments.ts, sync.ts, webhooks.ts: the wire's zod shapes)
 *   import core, commons and schemas.
 * - a function folder (a route module functions/<name>/route.ts, or a task's folder) imports
 *   core, commons, the schemas and its own folder: never another function's folder.
 * - functions/api (the three functions by trust boundary) imports core, commons, api and the
 *   route modules it serves.
 * - contracts (the derivations: routes, OpenAPI, the web types' generator) import anything under
 *   functions/.
 * - nothing under functions/ imports infra/, bench/, scripts/, test/ or web/.
 * - web/ (the pages, built for the browser) imports web/, functions/core and the schemas, and
 *   what it reaches at run time through functions/ stays in core and the schemas with no AWS
 *   package: the browser bundle never carries a handler, commons or the SDK. Type-only imports are
 *   erased by the build, so the reach follows value imports only. web/build.ts is a build script
 *   (an outer file, like scripts/).
 * - infra/, bench/, scripts/, test/, types/ and every *.test.ts (tests beside the code are consumers
 *   too) may import anything.
 *
 * Parsed with a regular expression on import/export-from lines and `import('…')`: fast (no
 * compiler), enough for this code base's style. Each offence is named `file → target`.
 */

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Known wrong-way imports, each to be removed by the work named beside it. The test fails on an
 * import that is not listed, and on a listed one that is gone (so the list only shrinks).
 */
const ALLOWED_OFFENCES: Record<string, string> = {};

const SOURCE_DIRS = ['functions', 'infra', 'bench', 'scripts', 'test', 'web', 'types'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'cdk.out', '.vitest']);
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.json'];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface Import {
  specifier: string;
  /** `import type …` / `export type … from`: erased at build time. */
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^;=()'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) out.push({ specifier: m[3]!, typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(DYNAMIC)) out.push({ specifier: m[1]!, typeOnly: false });
  return out;
}

/** A relative specifier as a repository path (the file it names, when one exists). */
function resolveRelative(from: string, specifier: string): string {
  const base = normalize(join(dirname(from), specifier));
  if (existsSync(join(ROOT, base)) && statSync(join(ROOT, base)).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(join(ROOT, base + ext))) return base + ext;
  for (const ext of EXTENSIONS) if (existsSync(join(ROOT, base, 'index' + ext))) return join(base, 'index' + ext);
  return base;
}

type Layer = 'core' | 'commons' | 'schemas' | 'api' | 'contracts' | `function:${string}` | 'web' | 'outer';

const SCHEMAS = new Set(['functions/contracts/responses.ts', 'functions/contracts/intake.ts', 'functions/contracts/web-config.ts', 'functions/contracts/feedback.ts', 'functions/contracts/online.ts', 'functions/contracts/evaluation.ts', 'functions/contracts/payments.ts', 'functions/contracts/sync.ts', 'functions/contracts/webhooks.ts']);

function layerOf(path: string): Layer {
  const [top, second] = path.split('/');
  if (/\.test\.tsx?$/.test(path)) return 'outer';
  if (top === 'functions') {
    if (SCHEMAS.has(path)) return 'schemas';
    if (second === 'api') return 'api';
    if (second === 'core' || second === 'commons' || second === 'contracts') return second;
    if (second && !second.includes('.')) return `function:${second}`;
    return 'outer'; // a file directly under functions/ (none today)
  }
  if (top === 'web' && path !== 'web/build.ts') return 'web';
  return 'outer';
}

const isBuiltin = (s: string) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]!);
const packageName = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
const AWS_PACKAGE = /^(@aws-sdk\/|@smithy\/|@aws-lambda-powertools\/|@middy\/|aws-cdk-lib|constructs$|aws-lambda$)/;
const CORE_PACKAGES = new Set(['zod']);

/** Why `from` may not import `target` (a repository path or a package name), or undefined. */
function offence(from: Layer, target: string, relativeTarget: boolean, typeOnly: boolean): string | undefined {
  if (from === 'outer') return undefined;
  if (!relativeTarget) {
    if (from === 'core' && !CORE_PACKAGES.has(packageName(target)) && !(typeOnly && !isBuiltin(target))) return 'core imports only zod of packages';
    if (from === 'web' && !typeOnly && (isBuiltin(target) || AWS_PACKAGE.test(target))) return 'the browser bundle carries no Node or AWS package';
    return undefined;
  }
  if (target.startsWith('types/')) return undefined;
  const to = layerOf(target);
  if (!target.startsWith('functions/') && !(from === 'web' && to === 'web')) return `${from} never imports ${target.split('/')[0]}/`;
  switch (from) {
    case 'core':
      return to === 'core' ? undefined : 'core imports only core';
    case 'commons':
      return to === 'core' || to === 'commons' ? undefined : 'commons imports only core and commons';
    case 'schemas':
      return to === 'core' || to === 'commons' || to === 'schemas' ? undefined : 'schemas import only core, commons and schemas';
    case 'api':
      return to === 'core' || to === 'commons' || to === 'api' || to.startsWith('function:') ? undefined : 'functions/api imports only core, commons and the route modules';
    case 'contracts':
      return to === 'outer' ? 'contracts import functions, not tests' : undefined;
    case 'web':
      return to === 'web' || to === 'core' || to === 'schemas' ? undefined : 'web imports only web, functions/core and the schemas';
    default:
      // a function folder
      return to === 'core' || to === 'commons' || to === 'schemas' || to === from ? undefined : 'a function imports only core, commons, the schemas and its own folder';
  }
}

const files = SOURCE_DIRS.filter((d) => existsSync(join(ROOT, d))).flatMap((d) => sourceFiles(d)).map((f) => f.split('\\').join('/'));
const graph = new Map(files.map((f) => [f, importsOf(f)]));

function offences(): string[] {
  const found = new Set<string>();
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    for (const { specifier, typeOnly } of imports) {
      const relativeTarget = specifier.startsWith('.');
      const target = relativeTarget ? resolveRelative(file, specifier) : specifier;
      const why = offence(from, target, relativeTarget, typeOnly);
      if (why) found.add(`${file} → ${target}`);
    }
  }
  // What the pages reach at run time through functions/: value imports, followed transitively.
  const seen = new Set<string>();
  const visit = (file: string, via: string) => {
    for (const { specifier, typeOnly } of graph.get(file) ?? []) {
      if (typeOnly) continue;
      if (!specifier.startsWith('.')) {
        if (file.startsWith('functions/') && (AWS_PACKAGE.test(specifier) || isBuiltin(specifier))) found.add(`${via} ⇒ ${file} → ${specifier} (reached from web)`);
        continue;
      }
      const target = resolveRelative(file, specifier);
      if (!target.startsWith('functions/')) continue;
      const to = layerOf(target);
      if (to !== 'core' && to !== 'schemas') found.add(`${via} ⇒ ${file} → ${target} (reached from web)`);
      if (seen.has(target)) continue;
      seen.add(target);
      visit(target, via);
    }
  };
  for (const file of files) if (layerOf(file) === 'web') visit(file, file);
  return [...found].sort();
}

describe('imports run one way: core ← commons ← functions, contracts ← infra, bench, scripts, test; web reaches only core and contracts', () => {
  const found = offences();

  it('parses every source file', () => {
    expect(files.length).toBeGreaterThan(200);
    expect([...graph.values()].flat().length).toBeGreaterThan(1000);
  });

  it('has no wrong-way import beyond the commented allowlist', () => {
    expect(found.filter((o) => !(o in ALLOWED_OFFENCES))).toEqual([]);
  });

  it('lists only offences that still exist (the allowlist only shrinks)', () => {
    expect(Object.keys(ALLOWED_OFFENCES).filter((o) => !found.includes(o))).toEqual([]);
  });

  it('tells each offence apart (the rule is not vacuous)', () => {
    const core = layerOf('functions/core/dossier.ts');
    expect(offence(core, 'functions/commons/store.ts', true, false)).toBeDefined();
    expect(offence(core, '@aws-sdk/client-dynamodb', false, false)).toBeDefined();
    expect(offence(layerOf('functions/commons/store.ts'), 'functions/decide-step/handler.ts', true, false)).toBeDefined();
    expect(offence(layerOf('functions/decide-step/handler.ts'), 'functions/send-email/handler.ts', true, false)).toBeDefined();
    expect(offence(layerOf('functions/decide-step/handler.ts'), 'infra/registry.ts', true, false)).toBeDefined();
    expect(offence(layerOf('web/officers/ui.tsx'), 'functions/commons/store.ts', true, false)).toBeDefined();
    expect(offence(layerOf('web/officers/ui.tsx'), '@aws-sdk/client-s3', false, false)).toBeDefined();
    expect(offence(layerOf('functions/decide-step/handler.ts'), 'functions/decide-step/body.ts', true, false)).toBeUndefined();
    expect(offence(layerOf('infra/stack.ts'), 'functions/commons/store.ts', true, false)).toBeUndefined();
  });
});
