import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Some dependencies are CommonJS and call require(); this gives the ESM bundle one. Shared with the bundle test. */
export const ESM_REQUIRE_BANNER = "import { createRequire as redressRequire } from 'module'; const require = redressRequire(import.meta.url);";

/** The functions, by handler module under functions/. */
export const FUNCTION_MODULES = ['email-intake', 'complaint-form', 'complainant-page', 'staff-console', 'deadline-timer', 'daily-digest', 'outbox-sender'] as const;

export interface RedressFunctionProps extends Omit<NodejsFunctionProps, 'entry' | 'runtime'> {
  /** The handler module under functions/, e.g. "email-intake". */
  readonly handlerModule: (typeof FUNCTION_MODULES)[number];
  readonly serviceName: string;
  /** The deployed policies as one JSON file (written by the stack from the policies synth validated). */
  readonly policiesFile: string;
}

/**
 * The house Lambda: Node 22 on arm64, ESM bundle with source maps, JSON logs kept for a year, X-Ray on, and
 * the policies synth validated shipped beside the code as one JSON file (no YAML parser in the bundle).
 */
export class RedressFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: RedressFunctionProps) {
    const { handlerModule, serviceName, policiesFile, environment, bundling, ...rest } = props;
    super(scope, id, {
      entry: `${ROOT}functions/${handlerModule}.ts`,
      handler: 'handler',
      projectRoot: ROOT,
      depsLockFilePath: `${ROOT}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(60),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN }),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: serviceName,
        REDRESS_STACK: 'aws',
        REDRESS_POLICIES_FILE: '/var/task/policies.json',
        ...environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [`cp "${policiesFile}" "${outputDir}/policies.json"`],
        },
        ...bundling,
      },
      ...rest,
    });
  }
}
