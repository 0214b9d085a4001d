/**
 * What `npm run deploy:check` reads in the synthesized stacks (scripts/deploy-check.ts), apart
 * from the synth itself so that its rules are tested on any template: resources per stack as
 * CloudFormation counts them (the template's Resources, CDKMetadata included), the limit of 500
 * per stack and room to grow (a warning above 300), cdk-nag's findings, and what a failed first
 * deploy leaves behind (the resources CloudFormation retains when it rolls back a creation).
 */
export type Level = 'BLOCKS' | 'WARN' | 'TODO' | 'OK';
export interface Finding {
  level: Level;
  what: string;
}

/** CloudFormation's quota of resources per stack. */
export const STACK_RESOURCE_LIMIT = 500;
/** Above this, a stack has too little room left for the centre to grow (issue 19 item 3). */
export const STACK_RESOURCE_WARNING = 300;

type Resources = Record<string, { Type: string; DeletionPolicy?: string }>;
export interface SynthesizedStack {
  name: string;
  region: string;
  template: { Resources?: Resources };
}
export interface NagViolation {
  rule: string;
  /** 'error' fails synth and deploy; a warning does not. */
  severity: string;
  paths: string[];
}

/** Resources per stack: over 500 a stack cannot be deployed; over 300 it has little room to grow. */
export function resourceFindings(stacks: readonly SynthesizedStack[]): Finding[] {
  return stacks.map(({ name, region, template }) => {
    const count = Object.keys(template.Resources ?? {}).length;
    const where = `stack ${name} (${region}): ${count} resources of CloudFormation's ${STACK_RESOURCE_LIMIT}`;
    if (count > STACK_RESOURCE_LIMIT) return { level: 'BLOCKS', what: `${where}: CloudFormation refuses it (TooManyResourcesInStack)` };
    if (count > STACK_RESOURCE_WARNING) return { level: 'WARN', what: `${where}: above ${STACK_RESOURCE_WARNING}, little room for more functions, alarms or agencies` };
    return { level: 'OK', what: where };
  });
}

/** cdk-nag's findings (AwsSolutions): an error fails `cdk synth` and `cdk deploy`; a warning does not. */
export function nagFindings(violations: readonly NagViolation[]): Finding[] {
  if (!violations.length) return [{ level: 'OK', what: 'cdk-nag AwsSolutions: no finding' }];
  return violations.map((v) => ({
    level: v.severity === 'error' ? 'BLOCKS' : 'WARN',
    what: `cdk-nag ${v.rule} (${v.severity}): ${v.paths.join(', ') || '(no construct named)'}`,
  }));
}

/** The violations of the AwsSolutions plugin in the assembly's validation report. */
export function nagViolations(report: { pluginReports?: { pluginName: string; violations?: { ruleName: string; severity?: string; violatingConstructs?: { constructPath?: string }[]; violatingResources?: { constructPath?: string; resourceLogicalId?: string }[] }[] }[] }): NagViolation[] {
  return (report.pluginReports ?? [])
    .filter((p) => p.pluginName === 'AwsSolutions')
    .flatMap((p) => p.violations ?? [])
    .map((v) => ({ rule: v.ruleName, severity: v.severity ?? 'error', paths: (v.violatingConstructs ?? v.violatingResources ?? []).map((c) => c.constructPath ?? '').filter(Boolean) }));
}

const byType = (resources: { Type: string }[]) =>
  Object.entries(
    resources.reduce<Record<string, number>>((acc, r) => {
      acc[r.Type] = (acc[r.Type] ?? 0) + 1;
      return acc;
    }, {}),
  )
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([type, n]) => `${type} ×${n}`)
    .join(', ');

/**
 * What a failed first deploy leaves behind: the rollback of a creation deletes everything but the
 * resources with DeletionPolicy Retain (RetainExceptOnCreate ones are deleted then, and retained
 * only once a deploy has succeeded). A retained custom resource leaves nothing (its Delete is not
 * called), so it is not counted.
 */
export function retainedFindings(stacks: readonly SynthesizedStack[]): Finding[] {
  const all = stacks.flatMap((s) => Object.values(s.template.Resources ?? {}).filter((r) => !r.Type.startsWith('Custom::') && r.Type !== 'AWS::CloudFormation::CustomResource'));
  const retained = all.filter((r) => r.DeletionPolicy === 'Retain');
  const exceptOnCreate = all.filter((r) => r.DeletionPolicy === 'RetainExceptOnCreate');
  const later = exceptOnCreate.length ? `; ${exceptOnCreate.length} more (RetainExceptOnCreate) are deleted by that rollback and retained after a successful deploy: ${byType(exceptOnCreate)}` : '';
  if (!retained.length) return [{ level: 'OK', what: `a failed first deploy leaves nothing behind (no resource with DeletionPolicy Retain)${later}` }];
  return [
    {
      level: 'WARN',
      what: `a failed first deploy leaves ${retained.length} retained resource(s) behind, to delete before trying again (names taken, data kept): ${byType(retained)}${later}`,
    },
  ];
}
