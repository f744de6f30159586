import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { EmailIdentity, Identity, ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { Lambda as LambdaAction, LambdaInvocationType, S3 as S3Action } from 'aws-cdk-lib/aws-ses-actions';
import { CfnSchedule, CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { AccountRecovery, CfnUserPoolGroup, Mfa, OAuthScope, UserPool, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Construct } from 'constructs';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '#adapters/dynamodb/table-design';
import type { PolicySet } from '#domain/policy/policy-set';
import { RedressFunction } from './redress-function.js';

export interface RedressStackProps extends StackProps {
  /** The validated policies this deployment serves; synth fails on a bad policy, before anything deploys. */
  readonly policies: PolicySet;
  /** Where operators are told of mail no policy claims. */
  readonly operatorEmail: string;
  /** A domain verified in SES for sending; when given, the stack creates its identity (DKIM records to publish). */
  readonly sendingDomain?: string;
  /** The front door as complainants reach it (a custom domain); the HTTP API's own address by default. */
  readonly publicUrl?: string;
  /** The Cognito sign-in domain's prefix (globally unique in the region); "<stack name>-<account>" by default. */
  readonly signInDomainPrefix?: string;
  /** Named settings from the validated configuration (shared/config/config.ts), so the stack and the local stack agree. */
  readonly settings: {
    readonly digestHour: number;
    readonly apiRateLimit: number;
    readonly apiBurstLimit: number;
    readonly outboxSweepMinutes: number;
  };
}

const RAW_MAIL_PREFIX = 'inbound/';

/** The whole Redress pipeline on AWS. */
export class RedressStack extends Stack {
  readonly table: Table;
  readonly rawMail: Bucket;

  constructor(scope: Construct, id: string, props: RedressStackProps) {
    super(scope, id, props);
    Tags.of(this).add('app', 'redress');
    // The policies synth validated, as the one JSON file every function is deployed with.
    const policiesFile = join(mkdtempSync(join(tmpdir(), 'redress-policies-')), 'policies.json');
    writeFileSync(policiesFile, JSON.stringify(props.policies.all));

    this.table = new Table(this, 'Cases', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      // The outbox sender reads new outbox entries from the stream.
      stream: StreamViewType.NEW_IMAGE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of GLOBAL_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    // Who read or wrote which piece of evidence: S3's server access logs of the raw mail, in a bucket of their own,
    // kept two years (S3's log delivery writes them).
    const rawMailAccessLogs = new Bucket(this, 'RawMailAccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(730) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Raw mail is evidence: private, encrypted, never public, kept when the stack goes.
    this.rawMail = new Bucket(this, 'RawMail', {
      serverAccessLogsBucket: rawMailAccessLogs,
      serverAccessLogsPrefix: 'raw-mail/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      // Retention deletes raw mail; in a versioned bucket that leaves the old version behind, so old versions
      // go a day later: destruction is real, and an accidental delete can still be undone for that day.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(1), expiredObjectDeleteMarker: true }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Deadline timers: one-time schedules in this deployment's group, invoking the deadline function through a
    // role; what still fails after retries lands on a queue with its input.
    const scheduleGroup = new CfnScheduleGroup(this, 'Timers', { name: `${this.stackName}-timers`.slice(0, 64) });
    const timerFailures = new Queue(this, 'TimerFailures', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      description: 'EventBridge Scheduler invokes the Redress deadline and digest functions',
    });
    timerFailures.grantSendMessages(schedulerRole);
    const deadlineFunctionName = `${this.stackName}-deadline-timer`;
    const deadlineFunctionArn = this.formatArn({ service: 'lambda', resource: 'function', resourceName: deadlineFunctionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const schedulerEnvironment = {
      REDRESS_SCHEDULE_GROUP: scheduleGroup.name as string,
      REDRESS_SCHEDULER_ROLE_ARN: schedulerRole.roleArn,
      REDRESS_DEADLINE_FUNCTION_ARN: deadlineFunctionArn,
      REDRESS_TIMER_DLQ_ARN: timerFailures.queueArn,
    };
    const manageTimers = [
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
        resources: [this.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${scheduleGroup.name}/*` })],
      }),
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['scheduler:ListSchedules'], resources: ['*'] }),
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['iam:PassRole'], resources: [schedulerRole.roleArn] }),
    ];

    const intakeFailures = new Queue(this, 'EmailIntakeFailures', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const emailIntake = new RedressFunction(this, 'EmailIntake', {
      handlerModule: 'email-intake',
      policiesFile,
      serviceName: 'redress-email-intake',
      description: 'SES receipt -> case, acknowledgement and staff notice',
      environment: {
        REDRESS_TABLE: this.table.tableName,
        REDRESS_RAW_MAIL_BUCKET: this.rawMail.bucketName,
        REDRESS_RAW_MAIL_PREFIX: RAW_MAIL_PREFIX,
        REDRESS_OPERATOR_EMAIL: props.operatorEmail,
        REDRESS_MAIL_DOMAIN: props.sendingDomain ?? 'redress.invalid',
      },
      // Asynchronous invocation from SES: two retries, then the event goes to the queue with the raw mail kept.
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(intakeFailures),
    });
    this.table.grantReadWriteData(emailIntake);
    // Raw mail is evidence: intake reads it and stores attachments beside it, and can never delete it.
    this.rawMail.grantRead(emailIntake);
    this.rawMail.grantPut(emailIntake);
    // An attachment past the size limit is found so only once stored: its copy (never the raw message) goes again.
    this.rawMail.grantDelete(emailIntake, 'attachments/*');

    const recipients = props.policies.all.flatMap((p) => p.intake.addresses.map((a) => a.toLowerCase()));
    new ReceiptRuleSet(this, 'Inbound', {
      rules: [
        {
          recipients,
          scanEnabled: true,
          // Complaints are personal data: mail that will not come over TLS is refused at the door.
          tlsPolicy: TlsPolicy.REQUIRE,
          actions: [
            new S3Action({ bucket: this.rawMail, objectKeyPrefix: RAW_MAIL_PREFIX }),
            new LambdaAction({ function: emailIntake, invocationType: LambdaInvocationType.EVENT }),
          ],
        },
      ],
    });

    // The web form: an HTTP API (throttled at the edge as well as by the form's own per-IP and per-organisation
    // limits) in front of one function; the form secret that signs fill times lives in Secrets Manager.
    const formSecret = new Secret(this, 'FormSecret', {
      description: 'Signs the complaint form start time (minimum fill time)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const complaintForm = new RedressFunction(this, 'ComplaintForm', {
      handlerModule: 'complaint-form',
      policiesFile,
      serviceName: 'redress-complaint-form',
      description: 'Web complaint form -> case, acknowledgement and staff notice',
      timeout: Duration.seconds(15),
      environment: {
        REDRESS_TABLE: this.table.tableName,
        REDRESS_FORM_SECRET_ARN: formSecret.secretArn,
        REDRESS_OPERATOR_EMAIL: props.operatorEmail,
        REDRESS_MAIL_DOMAIN: props.sendingDomain ?? 'redress.invalid',
      },
    });
    this.table.grantReadWriteData(complaintForm);
    formSecret.grantRead(complaintForm);
    const formsApi = new HttpApi(this, 'Forms', { description: 'Redress complaint forms', createDefaultStage: false });
    // Access logs name the route, never the path: a complainant page's path is the key to it, and must not sit in logs.
    const apiAccessLogs = new LogGroup(this, 'FormsAccessLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.RETAIN });
    const accessLogFormat = AccessLogFormat.custom(
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
    new HttpStage(this, 'FormsStage', {
      httpApi: formsApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.settings.apiRateLimit, burstLimit: props.settings.apiBurstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(apiAccessLogs), format: accessLogFormat },
    });
    const formIntegration = new HttpLambdaIntegration('ComplaintFormIntegration', complaintForm);
    formsApi.addRoutes({ path: '/forms/{policyId}', methods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS], integration: formIntegration });
    formsApi.addRoutes({ path: '/forms/{policyId}/token', methods: [HttpMethod.GET], integration: formIntegration });
    new CfnOutput(this, 'FormsUrl', { description: 'Complaint forms are at <this>/forms/<policy-id>', value: formsApi.apiEndpoint });

    // The complainant's own page, on the same front door: its letters carry the link, so every function that
    // writes a letter to a complainant is told where the front door is (a custom domain with -c publicUrl=).
    const publicUrl = props.publicUrl ?? formsApi.apiEndpoint;
    // What every function that writes to a case (and so may write a letter) is told.
    const caseEnvironment = {
      REDRESS_PUBLIC_URL: publicUrl,
      REDRESS_TABLE: this.table.tableName,
      REDRESS_OPERATOR_EMAIL: props.operatorEmail,
      REDRESS_MAIL_DOMAIN: props.sendingDomain ?? 'redress.invalid',
    };
    const complainantPage = new RedressFunction(this, 'ComplainantPage', {
      handlerModule: 'complainant-page',
      policiesFile,
      serviceName: 'redress-complainant-page',
      description: "The complainant's own page: status, letters, more information, asking for the next stage",
      timeout: Duration.seconds(15),
      environment: {
        ...caseEnvironment,
        REDRESS_RAW_MAIL_BUCKET: this.rawMail.bucketName,
      },
    });
    this.table.grantReadWriteData(complainantPage);
    // What a complainant sends is kept beside raw mail, and like it is never deleted by the function that took it.
    this.rawMail.grantPut(complainantPage);
    const pageIntegration = new HttpLambdaIntegration('ComplainantPageIntegration', complainantPage);
    formsApi.addRoutes({ path: '/cases/{token}', methods: [HttpMethod.GET], integration: pageIntegration });
    formsApi.addRoutes({ path: '/cases/{token}/information', methods: [HttpMethod.POST], integration: pageIntegration });
    formsApi.addRoutes({ path: '/cases/{token}/review', methods: [HttpMethod.POST], integration: pageIntegration });
    for (const fn of [emailIntake, complaintForm]) fn.addEnvironment('REDRESS_PUBLIC_URL', publicUrl);

    // The staff console: Cognito's managed sign-in (no self sign-up; staff added by an operator; MFA available),
    // one group per role of each policy ("<policy-id>:<role>") and "operator", and the console's function.
    const staffPool = new UserPool(this, 'Staff', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { fullname: { required: false, mutable: true } },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const groups = [...props.policies.all.flatMap((p) => p.roles.map((r) => ({ name: `${p.id}:${r.id}`, description: `${r.title}, ${p.organisation.name}` }))), { name: 'operator', description: 'Runs the deployment: held mail across organisations, no case content' }];
    groups.forEach((g, i) => new CfnUserPoolGroup(this, `StaffGroup${i}`, { userPoolId: staffPool.userPoolId, groupName: g.name, description: g.description.slice(0, 2048) }));
    // One per deployment: two stacks in one account (one per organisation) each get their own sign-in domain.
    const signInDomain = staffPool.addDomain('StaffSignIn', { cognitoDomain: { domainPrefix: props.signInDomainPrefix ?? `${this.stackName.toLowerCase()}-${this.account}` } });
    const consoleClient = staffPool.addClient('Console', {
      generateSecret: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${publicUrl}/console/callback`],
        logoutUrls: [`${publicUrl}/console/signed-out`],
      },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(8),
    });
    const consoleClientSecret = new Secret(this, 'ConsoleClientSecret', { description: "The Cognito app client's secret, for the console's sign-in", secretStringValue: consoleClient.userPoolClientSecret });
    const sessionSecret = new Secret(this, 'ConsoleSessionSecret', { description: "Signs the console's session cookies", generateSecretString: { passwordLength: 48, excludePunctuation: true } });
    const staffConsole = new RedressFunction(this, 'StaffConsole', {
      handlerModule: 'staff-console',
      policiesFile,
      serviceName: 'redress-staff-console',
      description: 'The staff console: sign-in, the morning view, cases and every workflow action',
      timeout: Duration.seconds(15),
      environment: {
        ...caseEnvironment,
        REDRESS_RAW_MAIL_BUCKET: this.rawMail.bucketName,
        REDRESS_OIDC_ISSUER: `https://cognito-idp.${this.region}.amazonaws.com/${staffPool.userPoolId}`,
        REDRESS_OIDC_CLIENT_ID: consoleClient.userPoolClientId,
        REDRESS_OIDC_CLIENT_SECRET_ARN: consoleClientSecret.secretArn,
        REDRESS_OIDC_GROUPS_CLAIM: 'cognito:groups',
        REDRESS_OIDC_LOGOUT_URL: `${signInDomain.baseUrl()}/logout`,
        REDRESS_SESSION_SECRET_ARN: sessionSecret.secretArn,
      },
    });
    this.table.grantReadWriteData(staffConsole);
    // Releasing held mail reads the raw message and stores its attachments beside it (an oversize copy goes again).
    this.rawMail.grantRead(staffConsole);
    this.rawMail.grantPut(staffConsole);
    this.rawMail.grantDelete(staffConsole, 'attachments/*');
    consoleClientSecret.grantRead(staffConsole);
    sessionSecret.grantRead(staffConsole);
    const consoleIntegration = new HttpLambdaIntegration('StaffConsoleIntegration', staffConsole);
    formsApi.addRoutes({ path: '/console', methods: [HttpMethod.GET], integration: consoleIntegration });
    formsApi.addRoutes({ path: '/console/{proxy+}', methods: [HttpMethod.GET, HttpMethod.POST], integration: consoleIntegration });
    new CfnOutput(this, 'ConsoleUrl', { description: 'The staff console', value: `${publicUrl}/console` });
    new CfnOutput(this, 'StaffUserPoolId', { description: 'Add staff here (see the README)', value: staffPool.userPoolId });

    // The function timers invoke, and the digest each working morning.
    const deadlineTimer = new RedressFunction(this, 'DeadlineTimer', {
      handlerModule: 'deadline-timer',
      policiesFile,
      serviceName: 'redress-deadline-timer',
      functionName: deadlineFunctionName,
      description: 'A deadline timer went off: remind, escalate, close or destroy',
      environment: { ...caseEnvironment, REDRESS_RAW_MAIL_BUCKET: this.rawMail.bucketName },
    });
    const dailyDigest = new RedressFunction(this, 'DailyDigest', {
      handlerModule: 'daily-digest',
      policiesFile,
      serviceName: 'redress-daily-digest',
      description: "Each organisation's morning digest of open cases",
      timeout: Duration.minutes(5),
      environment: caseEnvironment,
    });
    for (const fn of [deadlineTimer, dailyDigest]) this.table.grantReadWriteData(fn);
    // Retention destroys raw mail and attachments: the only function that may delete them.
    this.rawMail.grantRead(deadlineTimer);
    this.rawMail.grantDelete(deadlineTimer);

    // The outbox sender: the only function that sends mail or sets timers. New outbox entries reach it through
    // the table's stream (filtered to OUTBOX# inserts); a schedule every minute sweeps for retries that came due.
    const outboxFailures = new Queue(this, 'OutboxSenderFailures', { retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
    const outboxSender = new RedressFunction(this, 'OutboxSender', {
      handlerModule: 'outbox-sender',
      policiesFile,
      serviceName: 'redress-outbox-sender',
      description: 'Sends letters and notices from the outbox, sets deadline timers; retries with backoff',
      timeout: Duration.minutes(5),
      // A small reserved concurrency keeps SES's sending rate in bounds; each case's letters stay in order through
      // the outbox's leases whatever the concurrency.
      reservedConcurrentExecutions: 2,
      environment: { ...caseEnvironment, ...schedulerEnvironment },
    });
    this.table.grantReadWriteData(outboxSender);
    // Mail goes only from the identities this deployment sends as: each policy's first complaints address (and its
    // domain, for a verified domain) and the operator address, plus the sending domain.
    const senders = [...new Set([...props.policies.all.map((p) => p.intake.addresses[0] as string), props.operatorEmail].flatMap((a) => [a.toLowerCase(), (a.split('@')[1] ?? '').toLowerCase()]).concat(props.sendingDomain ? [props.sendingDomain.toLowerCase()] : []))].filter(Boolean);
    outboxSender.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: senders.map((identity) => this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
      }),
    );
    for (const statement of manageTimers) outboxSender.addToRolePolicy(statement);
    outboxSender.addEventSource(
      new DynamoEventSource(this.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        retryAttempts: 5,
        bisectBatchOnError: true,
        onFailure: new SqsDlq(outboxFailures),
        filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { Keys: { PK: { S: FilterRule.beginsWith('OUTBOX#') } } } })],
      }),
    );
    outboxSender.grantInvoke(schedulerRole);
    new CfnSchedule(this, 'OutboxSweepSchedule', {
      groupName: scheduleGroup.name,
      description: 'Redress outbox: send letters whose retry has come due',
      scheduleExpression: `rate(${props.settings.outboxSweepMinutes} minute${props.settings.outboxSweepMinutes === 1 ? '' : 's'})`,
      flexibleTimeWindow: { mode: 'OFF' },
      target: { arn: outboxSender.functionArn, roleArn: schedulerRole.roleArn, input: JSON.stringify({ sweep: true }), retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 } },
    }).node.addDependency(scheduleGroup);
    alarmOnAnyMessage(this, 'OutboxSenderFailuresAlarm', outboxFailures, 'The outbox sender could not read the table after retries; pending letters stay in the outbox and the next sweep retries them');
    outboxSender.metricErrors({ period: Duration.minutes(5) }).createAlarm(this, 'OutboxSenderErrorsAlarm', {
      alarmDescription: 'The outbox sender failed; letters wait in the outbox (redress outbox list) until it recovers',
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    deadlineTimer.grantInvoke(schedulerRole);
    dailyDigest.grantInvoke(schedulerRole);
    new CfnSchedule(this, 'DailyDigestSchedule', {
      groupName: scheduleGroup.name,
      description: `Redress digests, ${props.settings.digestHour}:00 London time, Monday to Friday (bank holidays skipped by the function)`,
      scheduleExpression: `cron(0 ${props.settings.digestHour} ? * MON-FRI *)`,
      scheduleExpressionTimezone: 'Europe/London',
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: dailyDigest.functionArn,
        roleArn: schedulerRole.roleArn,
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
        deadLetterConfig: { arn: timerFailures.queueArn },
      },
    }).node.addDependency(scheduleGroup);
    alarmOnAnyMessage(this, 'TimerFailuresAlarm', timerFailures, 'A deadline timer or digest failed after retries; its input is on the TimerFailures queue');

    if (props.sendingDomain) new EmailIdentity(this, 'SendingDomain', { identity: Identity.domain(props.sendingDomain) });

    alarmOnAnyMessage(this, 'EmailIntakeFailuresAlarm', intakeFailures, 'Inbound mail could not be taken in after retries; the raw message is in the RawMail bucket');

    // Every function's errors raise an alarm; every alarm (these and the dead-letter queues') tells the operators.
    const functions = { EmailIntake: emailIntake, ComplaintForm: complaintForm, ComplainantPage: complainantPage, StaffConsole: staffConsole, DeadlineTimer: deadlineTimer, DailyDigest: dailyDigest };
    for (const [name, fn] of Object.entries(functions)) {
      fn.metricErrors({ period: Duration.minutes(5) }).createAlarm(this, `${name}ErrorsAlarm`, {
        alarmDescription: `The ${name} function failed; see its log group. What it was given is kept (raw mail, the outbox, the timer's dead-letter queue) and retried.`,
        threshold: 0,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }
    const operators = new Topic(this, 'Operators', { displayName: 'Redress operators', enforceSSL: true });
    operators.addSubscription(new EmailSubscription(props.operatorEmail));
    for (const alarm of this.node.findAll().filter((c): c is Alarm => c instanceof Alarm)) alarm.addAlarmAction(new SnsAction(operators));
    new CfnOutput(this, 'OperatorsTopic', { description: 'Alarms go here; the operator address is subscribed (confirm the email AWS sends)', value: operators.topicArn });

    new CfnOutput(this, 'Policies', { description: 'Complaints policies deployed', value: props.policies.all.map((p) => p.id).join(',') });
    new CfnOutput(this, 'CasesTable', { value: this.table.tableName });
    new CfnOutput(this, 'RawMailBucket', { value: this.rawMail.bucketName });
    new CfnOutput(this, 'EmailIntakeFailuresQueue', { value: intakeFailures.queueUrl });
  }
}

/** A dead-letter queue is empty when all is well: one message is a failure someone must look at. */
function alarmOnAnyMessage(scope: Construct, id: string, queue: Queue, description: string): void {
  queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }).createAlarm(scope, id, {
    alarmDescription: description,
    threshold: 0,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
