import { build } from 'esbuild';
const [entry, alias] = process.argv.slice(2);
const out = await build({ entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node24', mainFields: ['module','main'], minify: true, metafile: true, logLevel: 'error',
  banner: { js: "import { createRequire } from 'module';const require = createRequire(import.meta.url);" },
  ...(alias ? { alias: { '@aws-sdk/credential-provider-node': './infra/bundling/credentials-from-env.ts' } } : {}) });
const bytes = out.outputFiles[0].contents.length;
const sizes = new Map();
for (const [input, { bytesInOutput }] of Object.entries(Object.values(out.metafile.outputs)[0].inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input); const pkg = m ? m[1] : 'own';
  sizes.set(pkg, (sizes.get(pkg) ?? 0) + bytesInOutput);
}
console.log(entry, alias ? 'alias' : 'plain', (bytes/1024).toFixed(1), 'KB;', [...sizes].sort((a,b)=>b[1]-a[1]).slice(0,12).map(([p,b])=>`${p} ${(b/1024).toFixed(0)}`).join(', '));
