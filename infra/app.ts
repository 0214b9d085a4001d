import { App } from 'aws-cdk-lib';
import { centreOf } from './centre';
import { addCentreStacks } from './stacks';

/**
 * `npx cdk synth|deploy [-c centre=config/<folder>] [-c environment=dev] [-c edgeWaf=true]`: one
 * stack for one centre, in the region of its profile (never the CLI's default region: citizens'
 * data stays where the centre says); with `-c edgeWaf=true` also the edge WAF's stack in us-east-1
 * (the distribution takes its `webAclArn` as `webAclId` through a cross-region reference).
 */
const app = new App();
const centre = centreOf(app);
const { region } = centre.catalogue.profile;
if (region && process.env.CDK_DEFAULT_REGION && process.env.CDK_DEFAULT_REGION !== region) {
  console.error(`note: deploying to ${region} (centre.json), not to the CLI's default region ${process.env.CDK_DEFAULT_REGION}`);
}
addCentreStacks(app, centre, process.env.CDK_DEFAULT_ACCOUNT);
app.synth();
