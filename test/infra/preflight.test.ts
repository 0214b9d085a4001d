import { describe, expect, it } from 'vitest';
import { nagFindings, nagViolations, resourceFindings, retainedFindings, type SynthesizedStack } from '../../scripts/preflight';

/** The rules of `npm run deploy:check` on made-up templates (the script itself: deploy-check.test.ts). */
const stack = (name: string, count: number, extra: Record<string, { Type: string; DeletionPolicy?: string }> = {}): SynthesizedStack => ({
  name,
  region: 'ap-southeast-1',
  template: { Resources: { ...Object.fromEntries(Array.from({ length: count - Object.keys(extra).length }, (_, i) => [`R${i}`, { Type: 'AWS::SNS::Topic' }])), ...extra } },
});

describe('the preflight rules', () => {
  it('counts every resource of each stack: over 500 blocks, over 300 warns', () => {
    expect(resourceFindings([stack('A', 501), stack('B', 301), stack('C', 300)])).toEqual([
      { level: 'BLOCKS', what: "stack A (ap-southeast-1): 501 resources of CloudFormation's 500: CloudFormation refuses it (TooManyResourcesInStack)" },
      { level: 'WARN', what: "stack B (ap-southeast-1): 301 resources of CloudFormation's 500: above 300, little room for more functions, alarms or agencies" },
      { level: 'OK', what: "stack C (ap-southeast-1): 300 resources of CloudFormation's 500" },
    ]);
  });

  it("names what a failed first deploy leaves: Retain by type, RetainExceptOnCreate apart, custom resources not", () => {
    const s = stack('A', 6, {
      T: { Type: 'AWS::DynamoDB::Table', DeletionPolicy: 'Retain' },
      L1: { Type: 'AWS::Logs::LogGroup', DeletionPolicy: 'Retain' },
      L2: { Type: 'AWS::Logs::LogGroup', DeletionPolicy: 'Retain' },
      K: { Type: 'AWS::KMS::Key', DeletionPolicy: 'RetainExceptOnCreate' },
      C: { Type: 'Custom::Catalogue', DeletionPolicy: 'Retain' },
    });
    expect(retainedFindings([s])).toEqual([
      {
        level: 'WARN',
        what:
          'a failed first deploy leaves 3 retained resource(s) behind, to delete before trying again (names taken, data kept): AWS::Logs::LogGroup ×2, AWS::DynamoDB::Table ×1; ' +
          '1 more (RetainExceptOnCreate) are deleted by that rollback and retained after a successful deploy: AWS::KMS::Key ×1',
      },
    ]);
    expect(retainedFindings([stack('B', 3)])[0]!.level).toBe('OK');
  });

  it("reads cdk-nag's findings from the assembly's validation report: errors block, warnings warn", () => {
    const report = {
      pluginReports: [
        {
          pluginName: 'AwsSolutions',
          violations: [
            { ruleName: 'AwsSolutions-S10', severity: 'error', violatingConstructs: [{ constructPath: 'Motcua/Careless/Resource' }] },
            { ruleName: 'AwsSolutions-X1', severity: 'warning', violatingConstructs: [{ constructPath: 'Motcua/Other' }] },
          ],
        },
      ],
    };
    expect(nagFindings(nagViolations(report))).toEqual([
      { level: 'BLOCKS', what: 'cdk-nag AwsSolutions-S10 (error): Motcua/Careless/Resource' },
      { level: 'WARN', what: 'cdk-nag AwsSolutions-X1 (warning): Motcua/Other' },
    ]);
    expect(nagFindings(nagViolations({ pluginReports: [] }))).toEqual([{ level: 'OK', what: 'cdk-nag AwsSolutions: no finding' }]);
  });
});
