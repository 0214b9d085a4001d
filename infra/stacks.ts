import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { CentreConfig } from './centre';
import { EdgeStack } from './constructs/edge-waf';
import { MotcuaStack } from './stack';

export interface CentreStacks {
  main: MotcuaStack;
  /** What CloudFront takes from us-east-1 only: the WAF (`-c edgeWaf=true`) and the certificate of centre.json's `domain`. */
  edge?: EdgeStack;
}

/** `-c edgeWaf=true` (or the boolean) on the app's context. */
export const edgeWafOn = (app: App) => ['true', true].includes(app.node.tryGetContext('edgeWaf'));

/**
 * The stacks of one centre, as `npx cdk synth|deploy` makes them (infra/app.ts), and as
 * `npm run deploy:check` and the template tests synthesize them: the centre's stack in the region
 * of its profile and, with the edge WAF or a domain, the us-east-1 stack whose WebACL and
 * certificate the distribution takes through cross-region references. cdk-nag's AwsSolutions checks on the whole app.
 */
export function addCentreStacks(app: App, centre: CentreConfig, account: string | undefined, edgeWaf = edgeWafOn(app)): CentreStacks {
  const { region, code, domain, domainHostedZoneId } = centre.catalogue.profile;
  if (!region) throw new Error(`${centre.dir}/centre.json: region: required (e.g. ap-southeast-1)`);
  // What CloudFront takes from us-east-1 only, in the edge stack: the WAF and the certificate of
  // the pages' domain, read through cross-region references.
  const edge =
    edgeWaf || domain
      ? new EdgeStack(app, 'MotcuaEdge', {
          env: { account },
          waf: edgeWaf,
          domain,
          hostedZoneId: domainHostedZoneId,
          description: "motcua: the CloudFront distribution's WAF and certificate (us-east-1)",
        })
      : undefined;
  const main = new MotcuaStack(app, 'Motcua', {
    env: { account, region },
    centre,
    webAclId: edge?.webAclArn,
    pagesCertificateArn: edge?.certificateArn,
    crossRegionReferences: edge ? true : undefined,
    description: `motcua: one-stop shop for administrative-procedure dossiers (${code})`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { main, edge };
}
