// CloudFormation resources and Lambda functions of the shipped centre's dev stack, as
// CloudFormation counts them (the synthesized template, bundling skipped).
// Run: npx tsx bench/resources.ts [centre folder]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { MotcuaStack } from '../infra/stack';

const centre = process.argv[2] ?? 'config/hanoi';
const app = new App({
  outdir: mkdtempSync(join(tmpdir(), 'motcua-count-')),
  context: { centre, environment: 'dev', 'aws:cdk:bundling-stacks': [] },
});
new MotcuaStack(app, 'Motcua', { env: { account: '000000000000', region: 'ap-southeast-1' } });
const assembly = app.synth();
for (const stack of assembly.stacks) {
  const resources = Object.values(stack.template.Resources ?? {}) as { Type: string }[];
  const byType = new Map<string, number>();
  for (const r of resources) byType.set(r.Type, (byType.get(r.Type) ?? 0) + 1);
  const top = [...byType].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, n]) => `${t} ${n}`).join(', ');
  console.log(`${stack.stackName}: ${resources.length} of 500 resources; Lambda functions ${byType.get('AWS::Lambda::Function') ?? 0}; ${top}`);
}
