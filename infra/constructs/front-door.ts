import { CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { HttpApi, HttpStage, LogGroupLogDestination, type HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { House } from '../house.js';
import { acknowledge } from '../nag.js';
import type { RedressFunction } from '../redress-function.js';

export interface FrontDoorProps {
  readonly key: House['key'];
  readonly rateLimit: number;
  readonly burstLimit: number;
  /** The front door as complainants reach it (a custom domain); the HTTP API's own address by default. */
  readonly publicUrl?: string;
}

/**
 * The one HTTP API complainants and staff reach: throttled at the edge (the form adds its own per-IP and
 * per-organisation limits), access logs by route and never by path (a complainant page's path is its key).
 * Made before the functions, since every letter they write links to it.
 */
export class FrontDoor extends Construct {
  readonly api: HttpApi;
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, props: FrontDoorProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', { description: 'Redress: complaint forms, complainants’ pages, the staff console', createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS, encryptionKey: props.key, removalPolicy: RemovalPolicy.RETAIN });
    const format = AccessLogFormat.custom(
      JSON.stringify({
        requestId: '$context.requestId',
        time: '$context.requestTime',
        sourceIp: '$context.identity.sourceIp',
        route: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        integrationError: '$context.integrationErrorMessage',
      }),
    );
    new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format },
    });
    this.publicUrl = props.publicUrl ?? this.api.apiEndpoint;
    new CfnOutput(Stack.of(this), 'FormsUrl', { description: 'Complaint forms are at <this>/forms/<policy-id>', value: this.api.apiEndpoint });
  }

  /**
   * Routes paths to one function; a function is reached by no other route. `whoMayCall` says why API Gateway does
   * not authorise these routes itself (the form is for anyone; the console signs its users in).
   */
  route(id: string, fn: RedressFunction, routes: ReadonlyArray<{ readonly path: string; readonly methods: readonly HttpMethod[] }>, whoMayCall: string): void {
    const integration = new HttpLambdaIntegration(id, fn);
    for (const { path, methods } of routes) {
      for (const route of this.api.addRoutes({ path, methods: [...methods], integration })) acknowledge(route, 'APIG4', whoMayCall);
    }
  }
}
