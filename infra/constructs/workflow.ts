import { ArnFormat, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StateMachineSpec } from '../registry';
import { fromRoot } from './paths';

/** The fixed name of a registry state machine, so its ARN is known before it is created. */
export const stateMachineName = (stack: Stack, spec: StateMachineSpec): string => `${stack.stackName}-${spec.name}`;

export const stateMachineArn = (stack: Stack, spec: StateMachineSpec): string =>
  stack.formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: stateMachineName(stack, spec),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

/** All executions of a registry state machine (DescribeExecution is granted on executions). */
export const executionsArn = (stack: Stack, spec: StateMachineSpec): string =>
  stack.formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: `${stateMachineName(stack, spec)}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

export interface WorkflowProps {
  spec: StateMachineSpec;
  /** Resolves a registry function name to its Lambda. */
  functionByName: (name: string) => IFunction;
  deletionProtection: boolean;
}

/**
 * A Standard state machine loaded from its ASL file. `DefinitionBody.fromFile` does not look
 * into the ASL, so the role gets lambda:InvokeFunction on exactly the substituted functions.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const { spec } = props;
    const stack = Stack.of(this);

    const targets = Object.entries(spec.functionSubstitutions).map(([key, name]) => [key, props.functionByName(name)] as const);

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('states.amazonaws.com'),
      description: `motcua ${spec.name} state machine`,
    });
    const invoked = [...new Set(targets.map(([, fn]) => fn))];
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['lambda:InvokeFunction'],
        // The ASL names the unqualified ARNs, so no `:*` (versions/aliases) is needed.
        resources: invoked.map((fn) => fn.functionArn),
      }),
    );

    // the hand-over: an execution starts its successor (a fresh execution of this state machine)
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:StartExecution'], resources: [stateMachineArn(stack, spec)] }),
    );

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY,
    });

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: stateMachineName(stack, spec),
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(fromRoot(spec.definitionFile)),
      definitionSubstitutions: Object.fromEntries(targets.map(([key, fn]) => [key, fn.functionArn])),
      role: this.role,
      tracingEnabled: true,
      // Payloads carry ids only, never personal data; execution data stays out of the logs anyway.
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery (logs:CreateLogDelivery, PutResourcePolicy, DescribeLogGroups, ...) and X-Ray ' +
        'tracing (xray:PutTraceSegments, ...) support no resource-level permissions; Lambda invocation is scoped.',
    });
  }
}
