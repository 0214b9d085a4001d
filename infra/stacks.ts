import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { CentreConfig } from './centre';
import { EdgeStack } from './constructs/edge-waf';
import { MotcuaStack } from './stack';

export interface CentreStacks {
  main: MotcuaStack;
  /** `-c edgeWaf=true`: the CloudFront WAF, in us-east-1. */
  edge?: EdgeStack;
}

/** `-c edgeWaf=true` (or the boolean) on the app's context. */
export const edgeWafOn = (app: App) => ['true', true].includes(app.node.tryGetContext('edgeWaf'));

/**
 * The stacks of one centre, as `npx cdk synth|deploy` makes them (infra/app.ts), and as
 * `npm run deploy:check` and the template tests synthesize them: the centre's stack in the region
 * of its profile and, with the edge WAF, the us-east-1 stack whose WebACL the distribution takes
 * through a cross-region reference. cdk-nag's AwsSolutions checks on the whole app.
 */
export function addCentreStacks(app: App, centre: CentreConfig, account: string | undefined, edgeWaf = edgeWafOn(app)): CentreStacks {
  const { region, code } = centre.catalogue.profile;
  if (!region) throw new Error(`${centre.dir}/centre.json: region: required (e.g. ap-southeast-1)`);
  const edge = edgeWaf
    ? new EdgeStack(app, 'MotcuaEdge', { env: { account }, description: 'motcua: WAF for the CloudFront distribution' })
    : undefined;
  const main = new MotcuaStack(app, 'Motcua', {
    env: { account, region },
    centre,
    webAclId: edge?.webAclArn,
    crossRegionReferences: edge ? true : undefined,
    description: `motcua: one-stop shop for administrative-procedure dossiers (${code})`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { main, edge };
}
