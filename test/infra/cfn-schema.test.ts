import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCentre } from '../../infra/centre';
import { addCentreStacks } from '../../infra/stacks';
import { checkTemplate, emptyReport, specDatabase, type SchemaReport } from '../support/cfn-schema';

/**
 * Issue 19 item 8: every template the shipped centre deploys, checked against AWS's own resource
 * schemas (`@aws-cdk/aws-service-spec`, on npm: no Python, no network), and their references
 * (Ref, GetAtt and its attribute, Sub, DependsOn, conditions) to what the template has: Hanoi's folder as a dev
 * (trial) stack and with the edge WAF's us-east-1 stack, and a production stack (the demo
 * province's ready folder: Hanoi's example sender refuses a production synth). Without bundling.
 */
const ACCOUNT = '123456789012';

function templates(centreDir: string, environment: string | undefined, edgeWaf: boolean) {
  const centre = readCentre(centreDir, environment);
  const app = new App({
    outdir: mkdtempSync(join(tmpdir(), 'motcua-schema-')),
    context: { centre: centreDir, ...(environment ? { environment } : {}), 'aws:cdk:bundling-stacks': [] },
  });
  addCentreStacks(app, centre, ACCOUNT, edgeWaf);
  return app.synth().stacks.map((s) => ({ name: s.stackName, template: s.template }));
}

describe("the templates against AWS's resource schemas", () => {
  const reports: Record<string, SchemaReport> = {};
  beforeAll(async () => {
    await specDatabase();
  }, 120_000);

  for (const [label, dir, environment, edgeWaf] of [
    ['Hanoi, dev, edge WAF', 'config/hanoi', 'dev', true],
    ['demo province, production', 'test/fixtures/centre-demo', undefined, false],
  ] as const) {
    it(`${label}: every resource type, property and literal value is one CloudFormation accepts`, async () => {
      for (const { name, template } of templates(dir, environment, edgeWaf)) {
        const report = await checkTemplate(template, emptyReport());
        reports[`${label}: ${name}`] = report;
        console.log(`${label}: ${name}: ${report.resources} resources (${report.types.size} types), ${report.properties} property values checked, ${report.findings.length} finding(s)`);
        expect(report.findings).toEqual([]);
        expect(report.resources).toBeGreaterThan(edgeWaf && name === 'MotcuaEdge' ? 0 : 100);
      }
      if (edgeWaf) expect(Object.keys(reports).filter((k) => k.startsWith(label))).toHaveLength(2);
    }, 240_000);
  }

  it('finds what it is meant to find', async () => {
    const report = await checkTemplate(
      {
        Resources: {
          A: { Type: 'AWS::S3::Bucquet', Properties: {} },
          B: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 'soon', FifoQueue: 'yes', Tags: {}, Colour: 'red' } },
          C: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['R', 'Arn'] }, Code: { ZipFile: 1 }, MemorySize: { Ref: 'Size' } } },
          D: { Type: 'Custom::Thing', Properties: {}, DeletionPolicy: 'Keep', DependsOn: ['Z'] },
          E: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::GetAtt': ['B', 'Colour'] }, DisplayName: { 'Fn::Sub': '${Nowhere}-${B.Arn}' }, KmsMasterKeyId: { Ref: 'Q' } } },
        },
      },
      emptyReport(),
    );
    expect(report.findings.sort()).toEqual([
      'A: AWS::S3::Bucquet: no such resource type',
      'B (AWS::SQS::Queue).Colour: no such property',
      'B (AWS::SQS::Queue).FifoQueue: expected a boolean, got string "yes"',
      'B (AWS::SQS::Queue).Tags: expected a list, got object',
      'B (AWS::SQS::Queue).VisibilityTimeout: expected a number, got string "soon"',
      'C: Fn::GetAtt R: no such resource',
      'C: Ref Size: no such resource or parameter',
      'D (Custom::Thing): ServiceToken: required, missing',
      'D: DeletionPolicy: "Keep" is not a policy',
      'D: DependsOn Z: no such resource',
      'E: Fn::GetAtt B.Colour: AWS::SQS::Queue has no such attribute',
      'E: Fn::Sub ${Nowhere}: no such resource or parameter',
      'E: Ref Q: no such resource or parameter',
    ]);
  });
});
