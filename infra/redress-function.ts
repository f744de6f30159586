import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import type { House } from './house.js';
import { acknowledge, arnInFinding } from './nag.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The letters' fonts (DejaVu Sans and its licence), in the repository beside the PDF printer. */
const LETTER_FONTS = `${ROOT}shared/adapters/pdf/fonts`;

/** The functions that print letters as PDFs, so ship the fonts beside their bundle (1.5 MB; the others do not). */
export const LETTER_PRINTING_MODULES: readonly string[] = ['staff-console'];

/** Some dependencies are CommonJS and call require(); this gives the ESM bundle one. Shared with the bundle test. */
export const ESM_REQUIRE_BANNER = "import { createRequire as redressRequire } from 'module'; const require = redressRequire(import.meta.url);";

/** The functions, by handler module under functions/. */
export const FUNCTION_MODULES = ['email-intake', 'complaint-form', 'complainant-page', 'staff-console', 'console-reports', 'held-release', 'deadline-timer', 'daily-digest', 'outbox-sender', 'mail-events'] as const;

export interface RedressFunctionProps extends Omit<NodejsFunctionProps, 'entry' | 'runtime'> {
  /** The handler module under functions/, e.g. "email-intake". */
  readonly handlerModule: (typeof FUNCTION_MODULES)[number];
  readonly serviceName: string;
  readonly house: House;
}

/** Where a deployment's functions put their metrics (cases opened, letters sent, deadlines missed, the outbox's age). */
export function metricsNamespace(scope: Construct): string {
  return `Redress/${Stack.of(scope).stackName}`;
}

/** What the DynamoDB adapters call: never Scan, nor anything that changes the table itself. */
const CASE_TABLE_ACTIONS = ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'ConditionCheckItem'].map((a) => `dynamodb:${a}`);

/** What a function does with raw mail and the files stored beside it; only retention may destroy them. */
export type RawMailAccess = 'read' | 'store' | 'discard-oversize-attachments' | 'destroy';

/**
 * The house Lambda: Node 22 on arm64, ESM bundle with source maps, JSON logs kept for a year and encrypted with the
 * deployment's key, X-Ray on, the policies synth validated shipped beside the code as one JSON file (no YAML
 * parser in the bundle). Its `bind…` methods grant exactly one kind of access and set the setting that names it,
 * so a function's permissions and its configuration cannot drift apart.
 */
export class RedressFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: RedressFunctionProps) {
    const { handlerModule, serviceName, house, environment, bundling, ...rest } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_YEAR, encryptionKey: house.key, removalPolicy: RemovalPolicy.RETAIN });
    // A role of its own with no managed policy: it may write to its own log group and nothing else until bound.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Redress ${handlerModule}` });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
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
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: serviceName,
        // One namespace per deployment, so two deployments in one account never add up each other's counts.
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace(scope),
        REDRESS_STACK: 'aws',
        REDRESS_POLICIES_FILE: '/var/task/policies.json',
        ...house.letterEnvironment,
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
          afterBundling: (_inputDir: string, outputDir: string) => [
            `cp "${house.policiesFile}" "${outputDir}/policies.json"`,
            // The printer reads its fonts from fonts/ beside the bundle (new URL('./fonts/', import.meta.url)).
            ...(LETTER_PRINTING_MODULES.includes(handlerModule) ? [`mkdir -p "${outputDir}/fonts"`, `cp "${LETTER_FONTS}"/*.ttf "${LETTER_FONTS}"/LICENSE-DejaVu.txt "${outputDir}/fonts/"`] : []),
          ],
        },
        ...bundling,
      },
      ...rest,
    });
    acknowledge(this, 'L1', 'Node 22 is the runtime Redress is built, bundled (target node22) and tested for; moving to a newer runtime is a deliberate upgrade with its own test run, not a default taken at synth.');
    acknowledge(role, 'IAM5[Resource::*]', "X-Ray's PutTraceSegments and PutTelemetryRecords (tracing is on for every function) take no resource; IAM cannot scope them.");
  }

  /**
   * Reads and writes cases (and the outbox, counters and indexes kept in the same table): REDRESS_TABLE. The
   * actions are the ones the DynamoDB adapters call (transactions are authorised item by item); there is no Scan,
   * so no request path can read a table whole.
   */
  bindCases(table: ITable): this {
    table.grant(this, ...CASE_TABLE_ACTIONS);
    table.encryptionKey?.grantEncryptDecrypt(this);
    this.addEnvironment('REDRESS_TABLE', table.tableName);
    const role = this.role as Role;
    acknowledge(role, `IAM5[Resource::${arnInFinding(table)}/index/*]`, "The cases table's own indexes (the open-cases, newest-first and lookup indexes every query uses), no other table's.");
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      acknowledge(role, `IAM5[Action::${action}]`, "CDK's grant to use the deployment's one key, for the table (or a queue) it encrypts; the resource is that key alone.");
    }
    return this;
  }

  /** Raw mail and the files beside it, with only the access named: REDRESS_RAW_MAIL_BUCKET. */
  bindRawMail(bucket: IBucket, ...access: readonly RawMailAccess[]): this {
    // Named actions, not CDK's grant wildcards (s3:GetObject*, s3:List*, s3:Abort*): exactly what the S3 adapter calls.
    const allow = (actions: string[], objects: string) => this.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions, resources: [bucket.arnForObjects(objects)] }));
    const key = bucket.encryptionKey;
    if (access.includes('read')) {
      allow(['s3:GetObject'], '*');
      key?.grant(this, 'kms:Decrypt');
    }
    if (access.includes('store')) {
      // Large files go up in parts (lib-storage's Upload), which may be aborted; parts are encrypted and then read back.
      allow(['s3:PutObject', 's3:AbortMultipartUpload'], '*');
      key?.grant(this, 'kms:GenerateDataKey', 'kms:Decrypt');
    }
    // An attachment past the size limit is found so only once stored: its copy (never the raw message) goes again.
    if (access.includes('discard-oversize-attachments')) allow(['s3:DeleteObject'], 'attachments/*');
    if (access.includes('destroy')) {
      allow(['s3:DeleteObject'], '*');
      // Destruction lists the folders beside a message (its attachments, a complainant's page) to delete every file in them.
      this.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': ['attachments/*', 'page/*'] } } }));
    }
    const objects = `IAM5[Resource::${arnInFinding(bucket)}`;
    if (access.some((a) => a !== 'discard-oversize-attachments')) {
      acknowledge(this.role as Role, `${objects}/*]`, 'The raw-mail bucket holds one object per message or file, keyed by its id: the grant is to those objects, with named actions only.');
    }
    if (access.includes('discard-oversize-attachments')) {
      acknowledge(this.role as Role, `${objects}/attachments/*]`, 'Only the copies of attachments stored beside raw mail, which intake discards when past the size limit; never a raw message.');
    }
    this.addEnvironment('REDRESS_RAW_MAIL_BUCKET', bucket.bucketName);
    return this;
  }

  /**
   * The unclaimed-mail sweep destroys raw mail no case or held message owns: a copy of a message kept before, or one
   * past the deployment's retention, under the prefix SES stores mail at, and the files stored beside it.
   */
  bindUnclaimedMailSweep(bucket: IBucket, rawMailPrefix: string): this {
    this.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:DeleteObject'], resources: [bucket.arnForObjects(`${rawMailPrefix}*`), bucket.arnForObjects(`attachments/${rawMailPrefix}*`)] }));
    this.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`attachments/${rawMailPrefix}*`] } } }));
    const objects = `IAM5[Resource::${arnInFinding(bucket)}`;
    acknowledge(this.role as Role, `${objects}/${rawMailPrefix}*]`, 'Raw mail no case or held message owns, which the unclaimed-mail sweep destroys after checking each by its receipt; never a file a case names.');
    acknowledge(this.role as Role, `${objects}/attachments/${rawMailPrefix}*]`, 'The files stored beside raw mail that the unclaimed-mail sweep destroys with it.');
    return this;
  }

  /** Reads one secret, named to the function by `setting` (its ARN, never its value). */
  bindSecret(setting: string, secret: ISecret): this {
    secret.grantRead(this);
    this.addEnvironment(setting, secret.secretArn);
    return this;
  }

  /**
   * Sends mail only as these SES identities and through this configuration set: REDRESS_SES_CONFIGURATION_SET.
   * SES v2's SendEmail with simple content is authorised as ses:SendEmail; raw MIME (ses:SendRawEmail) is not sent.
   */
  bindMailSending(identityArns: readonly string[], configurationSet: { readonly name: string; readonly arn: string }): this {
    this.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [...identityArns, configurationSet.arn],
      }),
    );
    this.addEnvironment('REDRESS_SES_CONFIGURATION_SET', configurationSet.name);
    return this;
  }
}
