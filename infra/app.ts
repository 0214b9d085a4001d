import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { centreOf } from './centre';
import { EdgeStack } from './constructs/edge-waf';
import { MotcuaStack } from './stack';

/**
 * `npx cdk synth|deploy [-c centre=config/<folder>] [-c environment=dev]`: one stack for one
 * centre, in the region of its profile (never the CLI's default region: citizens' data stays
 * where the centre says).
 */
const app = new App();
const centre = centreOf(app);
const { region } = centre.catalogue.profile;
if (!region) throw new Error(`${centre.dir}/centre.json: region: required (e.g. ap-southeast-1)`);
if (process.env.CDK_DEFAULT_REGION && process.env.CDK_DEFAULT_REGION !== region) {
  console.error(`note: deploying to ${region} (centre.json), not to the CLI's default region ${process.env.CDK_DEFAULT_REGION}`);
}
// What CloudFront takes from us-east-1 only, in the edge stack: the WAF (`-c edgeWaf=true`) and the
// certificate of the pages' domain (centre.json `domain`), read through cross-region references.
const waf = ['true', true].includes(app.node.tryGetContext('edgeWaf'));
const { domain, domainHostedZoneId } = centre.catalogue.profile;
const edge =
  waf || domain
    ? new EdgeStack(app, 'MotcuaEdge', {
        env: { account: process.env.CDK_DEFAULT_ACCOUNT },
        waf,
        domain,
        hostedZoneId: domainHostedZoneId,
        description: "motcua: the CloudFront distribution's WAF and certificate (us-east-1)",
      })
    : undefined;
new MotcuaStack(app, 'Motcua', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region },
  centre,
  webAclId: edge?.webAclArn,
  pagesCertificateArn: edge?.certificateArn,
  crossRegionReferences: edge ? true : undefined,
  description: `motcua: one-stop shop for administrative-procedure dossiers (${centre.catalogue.profile.code})`,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
