import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { EDGE_LIMITS, EdgeStack } from '../../infra/constructs/edge-waf';

describe('the edge WAF', () => {
  const stack = new EdgeStack(new App(), 'Edge', { env: { account: '123456789012' }, waf: true });
  const template = Template.fromStack(stack);

  it('is a CloudFront WebACL in us-east-1 whose ARN is exported', () => {
    expect(stack.region).toBe('us-east-1');
    template.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    template.hasOutput('WebAclArn', { Value: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } });
  });

  it('limits each client on the citizen routes (429 with Retry-After) and runs the AWS managed rule groups', () => {
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0]!.Properties;
    const rule = (name: string) => acl.Rules.find((r: { Name: string }) => r.Name === name);
    const citizen = rule('CitizenRoutesPerClient');
    expect(citizen.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: EDGE_LIMITS.publicPer5Min, EvaluationWindowSec: 300 });
    expect(citizen.Statement.RateBasedStatement.ScopeDownStatement.ByteMatchStatement).toMatchObject({ SearchString: '/api/public/', PositionalConstraint: 'STARTS_WITH' });
    expect(citizen.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429, ResponseHeaders: [{ Name: 'retry-after', Value: '300' }] });
    expect(rule('PinReminderPerClient').Statement.RateBasedStatement.Limit).toBe(EDGE_LIMITS.reminderPer5Min);
    const groups = acl.Rules.filter((r: any) => r.Statement.ManagedRuleGroupStatement).map((r: any) => r.Statement.ManagedRuleGroupStatement.Name);
    expect(groups).toEqual(['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']);
    expect(acl.CustomResponseBodies['too-many-requests'].ContentType).toBe('APPLICATION_JSON');
  });
});
