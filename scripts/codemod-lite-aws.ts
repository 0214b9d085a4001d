/**
 * Issue 18 (bundles): point the code's AWS SDK imports at the SDK-less clients of
 * functions/commons/aws/ (DynamoDB, Step Functions, SQS, Cognito, SES v2: commons/aws-json.ts; S3 and its
 * presigners: commons/aws/s3/client.ts). Re-runnable:
 * run it after merging branches that added routes (`npx tsx scripts/codemod-lite-aws.ts`); it
 * rewrites only imports whose every name the lite module exports, and lists the ones it left.
 *
 * Files: everything under functions/ (code and unit tests, so `mockClient(X)` and `on(XCommand)`
 * meet the classes the code uses), the test/support and scripts modules those tests import, the
 * local table stream and the volume bench (they hand commands to the handlers' clients).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const __filename_ = path.join(root, 'scripts/codemod-lite-aws.ts');
const LITE = path.join(root, 'functions/commons/aws');

/** SDK package → lite module (under functions/commons/aws). */
const TARGET: Record<string, string> = {
  '@aws-sdk/lib-dynamodb': 'dynamodb',
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/client-sfn': 'sfn',
  '@aws-sdk/client-sqs': 'sqs',
  '@aws-sdk/client-cognito-identity-provider': 'cognito-idp',
  '@aws-sdk/client-s3': 's3',
  '@aws-sdk/s3-presigned-post': 's3-presigned-post',
  '@aws-sdk/s3-request-presigner': 's3-request-presigner',
  '@aws-sdk/client-sesv2': 'sesv2',
};

/** The names a lite module exports (its own and its command modules'). */
function exportsOf(module: string): Set<string> {
  // a module with commands has them in a folder of its name (the presigners are one file each)
  const folder = path.join(LITE, module);
  const files = [path.join(LITE, `${module}.ts`), ...(existsSync(folder) ? readdirSync(folder).map((f) => path.join(folder, f)) : [])];
  const names = new Set<string>();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/export (?:abstract )?(?:class|function|const|interface|type) (\w+)/g)) names.add(m[1]!);
    for (const m of src.matchAll(/export (?:type )?\{([^}]*)\}/g)) for (const n of m[1]!.split(',')) if (n.trim()) names.add(n.trim().split(/\s+as\s+/).pop()!.replace(/^type\s+/, ''));
  }
  return names;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const exported = Object.fromEntries([...new Set(Object.values(TARGET))].map((m) => [m, exportsOf(m)]));
const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'(@aws-sdk\/[a-z0-9-]+)';/g;

const functionFiles = walk(path.join(root, 'functions')).filter((f) => !f.startsWith(LITE + path.sep));
// what hands the handlers' clients, or commands for them, in the local runtime and the volume bench
// (and any file of infra/local, test, bench or scripts that sends through them: documentClient(), stepFunctions(), queue())
const alongside = [
  ...['infra/local/table-stream.ts', ...walk(path.join(root, 'bench/volume')).map((f) => path.relative(root, f))].map((f) => path.join(root, f)),
  ...['infra/local', 'test', 'bench', 'scripts']
    .flatMap((d) => walk(path.join(root, d)))
    .filter((f) => f !== __filename_ && /\b(documentClient|stepFunctions|queue)\(\)\.send\(/.test(readFileSync(f, 'utf8'))),
];
// test/support and scripts modules the unit tests import
const support = new Set<string>();
for (const f of functionFiles.filter((f) => f.endsWith('.test.ts'))) {
  for (const m of readFileSync(f, 'utf8').matchAll(/from '((?:\.\.\/)+(?:test\/support|scripts)\/[\w-]+)'/g)) support.add(path.resolve(path.dirname(f), `${m[1]}.ts`));
}
// and the support modules those import
for (const f of [...support]) {
  for (const m of readFileSync(f, 'utf8').matchAll(/from '\.\/([\w-]+)'/g)) support.add(path.resolve(path.dirname(f), `${m[1]}.ts`));
}

let changed = 0;
const left: string[] = [];
for (const file of new Set([...functionFiles, ...support, ...alongside])) {
  const source = readFileSync(file, 'utf8');
  const next = source.replace(IMPORT, (whole, typeOnly: string | undefined, list: string, pkg: string) => {
    const module = TARGET[pkg];
    if (!module) return whole;
    const names = list.split(',').map((n) => n.trim()).filter(Boolean).map((n) => n.replace(/^type\s+/, '').split(/\s+as\s+/)[0]!);
    const missing = names.filter((n) => !exported[module]!.has(n));
    if (missing.length) {
      left.push(`${path.relative(root, file)}: ${pkg} ${missing.join(', ')} (not in functions/commons/aws/${module})`);
      return whole;
    }
    let rel = path.relative(path.dirname(file), path.join(LITE, module)).split(path.sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `import ${typeOnly ?? ''}{${list}} from '${rel}';`;
  });
  if (next !== source) {
    writeFileSync(file, next);
    changed++;
  }
}
console.log(`${changed} files rewritten`);
for (const l of left) console.log(`left: ${l}`);
