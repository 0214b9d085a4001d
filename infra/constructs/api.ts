import { isCitizenFacing } from '../../functions/core/roles';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { RouteSpec } from '../registry';

export interface ApiProps {
  routes: readonly RouteSpec[];
  functionByName: (name: string) => IFunction;
  /** The Lambda authorizer (functions/authorizer): the user pool's tokens, agency systems' clients as data. */
  authorizer: IFunction;
  deletionProtection: boolean;
}

/** How long API Gateway keeps an authorizer's answer for one Authorization header. */
export const AUTHORIZER_CACHE = Duration.minutes(5);

/**
 * HTTP API: one route per registry entry, behind the Lambda authorizer (the citizen's public
 * routes excepted). Not a JWT authorizer: that one must list every accepted client id as its
 * audience at deploy time (Cognito's client-credentials tokens carry no `aud`; API Gateway
 * matches `client_id`), which made each agency's client a resource of the template.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: 'motcua',
      description: 'motcua one-stop shop API',
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: { burstLimit: 100, rateLimit: 50 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            sub: '$context.authorizer.sub',
            sourceIp: '$context.identity.sourceIp',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    // REQUEST authorizer, payload 2.0, simple answers ({isAuthorized, context}); no Authorization
    // header → 401 without invoking it; answers cached per header value.
    const authorizer = new HttpLambdaAuthorizer('Officers', props.authorizer, {
      authorizerName: 'motcua-officers',
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      resultsCacheTtl: AUTHORIZER_CACHE,
    });

    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of props.routes) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}-Integration`, props.functionByName(route.function), {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
          // One invoke permission per function for this API, not one per route (a route adds one
          // resource, not two); the function's router answers only the routes of its own table.
          scopePermissionToRoute: false,
        });
        integrations.set(route.function, integration);
      }
      // Citizen routes carry no token: the handler checks the dossier code and PIN (with a lockout).
      const isPublic = isCitizenFacing(route.roles);
      const added = this.httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration, authorizer: isPublic ? undefined : authorizer });
      if (isPublic) {
        for (const r of added) {
          Validations.of(r).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: 'A citizen route: citizens have no account; the handler checks the dossier code and its PIN (scrypt hash, constant-time compare, lockout after 5 failures) and answers 404 to anyone else.',
          });
        }
      }
    }
  }

  /** The URL of the default stage. */
  get url(): string {
    return this.stage.url;
  }
}
