import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EdgeStack } from './constructs/edge-waf';
import { MotcuaStack } from './stack';

const app = new App();
new MotcuaStack(app, 'Motcua', {
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION ?? 'ap-southeast-1',
  },
  description: 'motcua: one-stop shop for administrative-procedure dossiers',
});
// The edge WAF for the CloudFront distribution, in us-east-1 (`-c edgeWaf=true`): the distribution
// takes its `webAclArn` as `webAclId` through a cross-region reference once both are wired.
if (['true', true].includes(app.node.tryGetContext('edgeWaf'))) {
  new EdgeStack(app, 'MotcuaEdge', { env: { account: process.env.CDK_DEFAULT_ACCOUNT }, description: 'motcua: WAF for the CloudFront distribution' });
}
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
