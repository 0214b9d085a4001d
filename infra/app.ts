import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MotcuaStack } from './stack';

const app = new App();
new MotcuaStack(app, 'Motcua', {
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION ?? 'ap-southeast-1',
  },
  description: 'motcua: one-stop shop for administrative-procedure dossiers',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
