import { FUNCTIONS_PER_ALARM } from '../../infra/constructs/alarms';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type CfnElement, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT, VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { MotcuaStack } from '../../infra/stack';
import { functions, routes } from '../../infra/registry';

/**
 * Issue 5, item 7 (AWS posture): alarms and where they go, the scheduled job and its dead-letter
 * queue, and cdk-nag AwsSolutions clean. Synthesized like test/infra/stack.test.ts, without
 * bundling (esbuild output does not change the template's shape nor cdk-nag's findings).
 */
const ENV = { account: '123456789012', region: 'ap-southeast-1' };
type Json = Record<string, any>;

function synth(context: Record<string, unknown> = {}, env = ENV) {
  const app = new App({
    outdir: mkdtempSync(path.join(tmpdir(), 'motcua-cdk-')),
    context: {
      centre: 'config/hanoi',
      environment: 'dev',
      ...context,
      [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
      'aws:cdk:bundling-stacks': [],
    },
  });
  const stack = new MotcuaStack(app, 'Motcua', { env });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackByName('Motcua').template);
  return { stack, template, resources: template.toJSON().Resources as Record<string, Json>, dir: assembly.directory };
}

function nagFindings(dir: string) {
  const report = JSON.parse(readFileSync(path.join(dir, VALIDATION_REPORT_FILE), 'utf8'));
  return (report.pluginReports as Json[])
    .filter((p) => p.pluginName === 'AwsSolutions')
    .flatMap((p) => p.violations as Json[])
    .map((v) => ({ rule: v.ruleName, paths: (v.violatingConstructs ?? v.violatingResources ?? []).map((c: Json) => c.constructPath) }));
}

describe('AWS posture', () => {
  let built: ReturnType<typeof synth>;
  let alarms: Json[];
  const idOf = (construct: { node: { defaultChild?: unknown } }) => built.stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const topicRef = () => ({ Ref: idOf(built.stack.alarms.topic) });
  /** The alarm on a metric (by name, namespace, dimension), or on a math expression using it. */
  const alarmOn = (metricName: string, namespace: string) =>
    alarms.filter((a) =>
      a.Properties.MetricName === metricName && a.Properties.Namespace === namespace ||
      (a.Properties.Metrics ?? []).some((m: Json) => m.MetricStat?.Metric?.MetricName === metricName && m.MetricStat.Metric.Namespace === namespace),
    );

  beforeAll(() => {
    built = synth();
    alarms = Object.values(built.resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
  }, 120_000);

  describe('alarm topic', () => {
    it('is an SNS topic encrypted with a rotated key CloudWatch may use, publishing over TLS only', () => {
      const topic = built.resources[idOf(built.stack.alarms.topic)];
      expect(topic.Type).toBe('AWS::SNS::Topic');
      const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0];
      expect(built.resources[keyId]).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
      const keyStatements = built.resources[keyId].Properties.KeyPolicy.Statement as Json[];
      expect(keyStatements).toContainEqual(
        expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
      );
      built.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [topicRef()],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    it('is an output, and every alarm publishes to it', () => {
      built.template.hasOutput('AlarmTopicArn', { Value: topicRef() });
      expect(alarms.length).toBeGreaterThan(0);
      for (const a of alarms) expect(a.Properties.AlarmActions, a.Properties.AlarmDescription).toEqual([topicRef()]);
    });

    it("subscribes the profile's alarmEmail", () => {
      const subscriptions = Object.values(built.resources).filter((r) => r.Type === 'AWS::SNS::Subscription');
      expect(subscriptions.map((r) => [r.Properties.Protocol, r.Properties.Endpoint, r.Properties.TopicArn])).toEqual([['email', 'ops@hanoi.example.gov.vn', topicRef()]]);
    });

    it('lets CloudWatch alarms of this account publish (the topic policy replaces the default one)', () => {
      const [policy, ...more] = Object.values(built.resources).filter((r) => r.Type === 'AWS::SNS::TopicPolicy');
      expect(more).toEqual([]);
      expect(policy.Properties.Topics).toEqual([topicRef()]);
      const statements = policy.Properties.PolicyDocument.Statement as Json[];
      const allow = statements.filter((st) => st.Effect === 'Allow');
      expect(allow).toHaveLength(1);
      expect(allow[0]).toMatchObject({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: topicRef(),
        Condition: { StringEquals: { 'aws:SourceAccount': ENV.account } },
      });
      expect(JSON.stringify(allow[0].Condition.ArnLike['aws:SourceArn'])).toContain(`:cloudwatch:${ENV.region}:${ENV.account}:alarm:*`);
      // and the TLS-only deny stays
      expect(statements.some((st) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(true);
    });

    it('alarms on a workflow that did not start after intake', () => {
      const [a, ...more] = alarmOn('WorkflowStartFailed', 'motcua');
      expect(more).toEqual([]);
      expect(a.Properties).toMatchObject({ Threshold: 1, Statistic: 'Sum', Period: 300, AlarmActions: [topicRef()] });
    });
  });

  describe('alarms', () => {
    const atLeastOnceIn5Min = { Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 1, Period: 300, Statistic: 'Sum', TreatMissingData: 'notBreaching' };

    it.each(['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'])('%s >= 1 in 5 minutes on the dossier state machine', (metricName) => {
      const [a, ...more] = alarmOn(metricName, 'AWS/States');
      expect(more).toEqual([]);
      expect(a.Properties).toMatchObject(atLeastOnceIn5Min);
      expect(a.Properties.Dimensions).toEqual([{ Name: 'StateMachineArn', Value: { Ref: idOf(built.stack.workflows[0].stateMachine) } }]);
    });

    it.each(['EmailFailed', 'DossierSkipped', 'MissingCalendarYear', 'DirectCallRefused', 'SyncParked'])('%s >= 1 in 5 minutes (Powertools metric: namespace motcua, dimension service)', (metricName) => {
      const [a, ...more] = alarmOn(metricName, 'motcua');
      expect(more).toEqual([]);
      expect(a.Properties).toMatchObject({ ...atLeastOnceIn5Min, Dimensions: [{ Name: 'service', Value: 'motcua' }] });
    });

    it('5xx of the HTTP API: 5 or more in 5 minutes, or 1% of the requests', () => {
      const onApi = alarmOn('5xx', 'AWS/ApiGateway');
      expect(onApi).toHaveLength(2);
      const apiId = { Ref: idOf(built.stack.api.httpApi) };
      const count = onApi.find((a) => a.Properties.MetricName === '5xx')!;
      expect(count.Properties).toMatchObject({ ...atLeastOnceIn5Min, Threshold: 5, Dimensions: [{ Name: 'ApiId', Value: apiId }] });
      const rate = onApi.find((a) => a.Properties.Metrics)!;
      expect(rate.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
      const metrics = rate.Properties.Metrics as Json[];
      expect(metrics.find((m) => m.ReturnData !== false)?.Expression).toBe('IF(requests > 0, 100 * errors / requests, 0)');
      const stat = (id: string) => metrics.find((m) => m.Id === id)!.MetricStat;
      expect(stat('errors')).toMatchObject({ Metric: { MetricName: '5xx', Dimensions: [{ Name: 'ApiId', Value: apiId }] }, Period: 300, Stat: 'Sum' });
      expect(stat('requests')).toMatchObject({ Metric: { MetricName: 'Count', Dimensions: [{ Name: 'ApiId', Value: apiId }] }, Period: 300, Stat: 'Sum' });
    });

    it('Lambda errors and throttles: every registry function in one alarm of five, errors + throttles >= 1 in 5 minutes', () => {
      const grouped = alarms.filter((a) => (a.Properties.Metrics as Json[] | undefined)?.some((m) => m.MetricStat?.Metric?.Namespace === 'AWS/Lambda'));
      expect(grouped).toHaveLength(Math.ceil(functions.length / FUNCTIONS_PER_ALARM));
      const watched: string[] = [];
      for (const a of grouped) {
        expect(a.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
        const metrics = a.Properties.Metrics as Json[];
        expect(metrics.length).toBeLessThanOrEqual(11); // ten metrics and the expression
        const stats = metrics.filter((m) => m.MetricStat).map((m) => m.MetricStat);
        for (const st of stats) expect(st).toMatchObject({ Period: 300, Stat: 'Sum' });
        const byName = (name: string) => stats.filter((st) => st.Metric.MetricName === name).map((st) => st.Metric.Dimensions[0].Value.Ref).sort();
        expect(byName('Errors')).toEqual(byName('Throttles'));
        watched.push(...byName('Errors'));
      }
      expect(watched.sort()).toEqual(functions.map((f) => idOf(built.stack.functions.get(f.name))).sort());
    });

    it('has no alarm but these', () => {
      // + the email delivery's 5: its two dead-letter queues, the oldest message, bounce and complaint rates
      // + the outbox's stream mapping's dead-letter queue (constructs/outbox.ts)
      const expected = 3 + 6 + 2 + Math.ceil(functions.length / FUNCTIONS_PER_ALARM) + 1 + 5 + 1; // executions; EmailFailed, DossierSkipped, MissingCalendarYear, WorkflowStartFailed, DirectCallRefused, SyncParked; 5xx; functions by five; DLQ
      expect(alarms).toHaveLength(expected);
    });
  });

  describe('scheduled job', () => {
    it('runs anonymise-closed daily at 02:00 Asia/Ho_Chi_Minh with input {}, a retry policy and a dead-letter queue', () => {
      const schedules = Object.values(built.resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule');
      expect(schedules).toHaveLength(4); // anonymise-closed, check-lapses, sync-outbox (the outbox's retries; the daily reconciliation)
      const s = schedules.find((x) => x.Properties.Target.Arn['Fn::GetAtt'][0] === idOf(built.stack.functions.get('anonymise-closed')))!;
      const dlq = idOf(built.stack.jobs.deadLetterQueue);
      expect(s.Properties).toMatchObject({
        ScheduleExpression: 'cron(0 2 * * ? *)',
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: { 'Fn::GetAtt': [idOf(built.stack.functions.get('anonymise-closed')), 'Arn'] },
          Input: '{}',
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 },
        },
      });
      // Its role may invoke that one function and send to that one queue, nothing else.
      const roleId = s.Properties.Target.RoleArn['Fn::GetAtt'][0] as string;
      const statements = Object.values(built.resources)
        .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Json) => x.Ref === roleId))
        .flatMap((r) => r.Properties.PolicyDocument.Statement as Json[]);
      const actions = statements.flatMap((st) => [st.Action].flat()).sort();
      expect([...new Set(actions)]).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
      expect(JSON.stringify(statements)).not.toContain('"*"');
    });

    it('runs check-lapses every 15 minutes in working hours (Monday to Saturday, Asia/Ho_Chi_Minh), with the same retries and dead-letter queue', () => {
      const s = Object.values(built.resources).find((r) => r.Type === 'AWS::Scheduler::Schedule' && r.Properties.Target.Arn['Fn::GetAtt'][0] === idOf(built.stack.functions.get('check-lapses')));
      expect(s?.Properties).toMatchObject({
        ScheduleExpression: 'cron(0/15 7-18 ? * MON-SAT *)',
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
        Target: { Input: '{}', DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(built.stack.jobs.deadLetterQueue), 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 } },
      });
      expect(routes.map((r) => r.function)).not.toContain('check-lapses');
    });

    it('runs the national portal reconciliation daily at 05:00 Asia/Ho_Chi_Minh: sync-outbox with {"reconcile":true}, the same retries and dead-letter queue', () => {
      const fn = idOf(built.stack.functions.get('sync-outbox'));
      const mine = Object.values(built.resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule' && r.Properties.Target.Arn['Fn::GetAtt'][0] === fn);
      expect(mine.map((s) => s.Properties.Target.Input).sort()).toEqual(['{"reconcile":true}', '{}']);
      const daily = mine.find((s) => s.Properties.Target.Input !== '{}')!;
      expect(daily.Properties).toMatchObject({
        ScheduleExpression: 'cron(0 5 * * ? *)',
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
        Target: { DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(built.stack.jobs.deadLetterQueue), 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 } },
      });
    });

    it('is a function without a route', () => {
      expect(functions.map((f) => f.name)).toContain('anonymise-closed');
      expect(routes.map((r) => r.function)).not.toContain('anonymise-closed');
    });

    it('has an encrypted, TLS-only dead-letter queue kept 14 days, alarmed on messages visible', () => {
      const dlq = idOf(built.stack.jobs.deadLetterQueue);
      expect(built.resources[dlq]).toMatchObject({ Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 } });
      built.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: dlq }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
      const [a, ...more] = alarmOn('ApproximateNumberOfMessagesVisible', 'AWS/SQS').filter((x) => JSON.stringify(x.Properties.Dimensions).includes(dlq));
      expect(more).toEqual([]);
      expect(a.Properties).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Statistic: 'Maximum',
        Period: 300,
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
      });
    });
  });

  describe('email delivery', () => {
    const res = (type: string) => Object.entries(built.resources).filter(([, r]) => r.Type === type);
    it('queues emails under the stack key, TLS only, 14 days, with a dead-letter queue after 5 receives', () => {
      const e = built.stack.emailDelivery;
      const [q, dlq, key] = [idOf(e.queue), idOf(e.deadLetterQueue), idOf(built.stack.data.key)];
      expect(built.resources[q].Properties).toMatchObject({
        KmsMasterKeyId: { 'Fn::GetAtt': [key, 'Arn'] },
        MessageRetentionPeriod: 1209600,
        VisibilityTimeout: 180,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 5 },
      });
      for (const id of [q, dlq, idOf(e.eventsDeadLetterQueue)]) {
        expect(built.resources[id].Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [key, 'Arn'] });
        built.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: id }],
          PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
        });
      }
    });

    it('drains the queue into send-email: batches of 10, partial failures, at most 2 at once', () => {
      const mappings = res('AWS::Lambda::EventSourceMapping').filter(([, m]) => !JSON.stringify(m.Properties.EventSourceArn).includes('StreamArn'));
      expect(mappings).toHaveLength(1);
      expect(mappings[0]![1].Properties).toMatchObject({
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 2 },
        EventSourceArn: { 'Fn::GetAtt': [idOf(built.stack.emailDelivery.queue), 'Arn'] },
        FunctionName: { Ref: idOf(built.stack.functions.get('send-email')) },
      });
    });

    it('feeds the outbox from the table stream: dossiers’ keys only, in order, bisected, 10 retries in a day, then a DLQ', () => {
      const mappings = res('AWS::Lambda::EventSourceMapping').filter(([, m]) => JSON.stringify(m.Properties.EventSourceArn).includes('StreamArn'));
      expect(mappings).toHaveLength(1);
      expect(mappings[0]![1].Properties).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        ParallelizationFactor: 1,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 10,
        MaximumRecordAgeInSeconds: 86400,
        FunctionName: { Ref: idOf(built.stack.functions.get('sync-outbox')) },
        // the facts only: the outbox's own writes (EVENT#, OUTBOX) would trigger it again
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { Keys: { PK: { S: [{ prefix: 'DOSSIER#' }] }, SK: { S: ['META', { prefix: 'STEP#' }, { prefix: 'APOLOGY#' }] } } } }) }] },
      });
      const [[, table]] = res('AWS::DynamoDB::Table') as [string, Json][];
      expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'KEYS_ONLY' });
    });

    it("publishes the configuration set's seven sending events to EventBridge, recorded by record-delivery (24 h of retries, then a DLQ)", () => {
      const [[, dest]] = res('AWS::SES::ConfigurationSetEventDestination') as [string, Json][];
      expect(dest.Properties.EventDestination.Enabled).toBe(true);
      expect([...dest.Properties.EventDestination.MatchingEventTypes].sort()).toEqual(['bounce', 'complaint', 'delivery', 'deliveryDelay', 'reject', 'renderingFailure', 'send']);
      expect(JSON.stringify(dest.Properties.EventDestination.EventBridgeDestination)).toContain('event-bus/default');
      const rules = res('AWS::Events::Rule').filter(([, r]) => JSON.stringify(r.Properties.EventPattern ?? {}).includes('aws.ses'));
      expect(rules).toHaveLength(1);
      const rule = rules[0]![1].Properties;
      expect(rule.EventPattern['detail-type']).toHaveLength(7);
      expect(rule.Targets).toHaveLength(1);
      expect(rule.Targets[0]).toMatchObject({
        Arn: { 'Fn::GetAtt': [idOf(built.stack.functions.get('record-delivery')), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(built.stack.emailDelivery.eventsDeadLetterQueue), 'Arn'] } },
      });
    });

    it('alarms below SES review thresholds (bounce 4 % of ≥ 100, complaint 0.08 % of ≥ 1,000 in 6 h), on dead letters and on a stale queue', () => {
      const byName = (id: string) => Object.entries(built.resources).find(([k, r]) => r.Type === 'AWS::CloudWatch::Alarm' && k.includes(id))![1].Properties;
      const bounce = byName('EmailBounceRate');
      expect(bounce.Threshold).toBe(4);
      expect(bounce.Metrics.find((m: Json) => m.Expression).Expression).toBe('IF(sent >= 100, 100 * bounced / sent, 0)');
      const complaint = byName('EmailComplaintRate');
      expect(complaint.Threshold).toBe(0.08);
      expect(complaint.Metrics.find((m: Json) => m.Expression).Expression).toBe('IF(sent >= 1000, 100 * complained / sent, 0)');
      expect(complaint.Metrics.find((m: Json) => m.Id === 'sent').MetricStat).toMatchObject({ Metric: { MetricName: 'EmailSent', Namespace: 'motcua' }, Period: 21600, Stat: 'Sum' });
      expect(byName('EmailQueueOldestMessage')).toMatchObject({ MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 1800 });
      expect(byName('EmailDeadLetters')).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
      expect(byName('SesEventDeadLetters')).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
    });
  });

  describe('protection already in place', () => {
    it('keeps point-in-time recovery and API throttling; deletion protection unless -c environment=dev', () => {
      built.template.hasResourceProperties('AWS::DynamoDB::Table', { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
      built.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 } });
      const prod = synth({ centre: 'test/fixtures/centre-demo', environment: undefined }, { ...ENV, region: 'ap-southeast-2' });
      prod.template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
      prod.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
      prod.template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
      expect(nagFindings(prod.dir)).toEqual([]);
    }, 120_000);
  });

  it('cdk-nag AwsSolutions reports no unacknowledged finding', () => {
    expect(nagFindings(built.dir)).toEqual([]);
  });
});
