import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RedressStack } from '#infra/redress-stack';
import { seedPolicies } from '#tests/support/policies';
import { staffNoticesSender } from '#domain/policy/staff-addresses';
import { PolicySet } from '#domain/policy/policy-set';

let template: Template;

beforeAll(() => {
  // Bundling is proven by `cdk synth` in npm test; here only the template matters.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new RedressStack(app, 'Test', {
    policies: seedPolicies,
    operatorEmail: 'ops@example.org',
    sendingDomain: 'mail.example.org',
    settings: { digestHour: 8, apiRateLimit: 20, apiBurstLimit: 40, outboxSweepMinutes: 1 },
  });
  template = Template.fromStack(stack);
});

describe('RedressStack', () => {
  it('names the deployed policies in its outputs', () => {
    template.hasOutput('Policies', { Value: 'alumot,connect-north-yorkshire,connected-together,county-council,not-alone-mentoring' });
  });

  it("names each dead-letter queue in its outputs, so an operator can read what failed", () => {
    for (const [output, queue] of [['IntakeFailuresQueue', /^MailIntakeFailures/], ['TimerFailuresQueue', /^TimersFailures/], ['OutboxFailuresQueue', /^OutboxSenderFailures/], ['MailEventFailuresQueue', /^OutboxMailEventFailures/]] as const) {
      expect(template.findOutputs(output)[output]?.Value).toEqual({ Ref: expect.stringMatching(queue) });
    }
  });

  it('has one table with the three indexes, TTL and point-in-time recovery, kept on delete', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        GlobalSecondaryIndexes: ['GSI1', 'GSI2', 'GSI3'].map((name) =>
          Match.objectLike({
            IndexName: name,
            KeySchema: [
              { AttributeName: `${name}PK`, KeyType: 'HASH' },
              { AttributeName: `${name}SK`, KeyType: 'RANGE' },
            ],
          }),
        ),
      }),
    });
  });

  it('keeps raw mail private, encrypted with the key, TLS only, and really gone a day after retention deletes it', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: [Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 1 }, ExpiredObjectDeleteMarker: true, Status: 'Enabled' })] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId(), 'Arn'] } } }] },
    });
    const tlsOnly = Object.values(template.findResources('AWS::S3::BucketPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, unknown>[]).filter((st) => st.Effect === 'Deny' && JSON.stringify(st.Condition) === '{"Bool":{"aws:SecureTransport":"false"}}');
    expect(tlsOnly).toHaveLength(2);
  });

  it('encrypts the table, queues, logs, secrets and the operators\' topic with one customer-managed key, rotated', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const key = { 'Fn::GetAtt': [keyId(), 'Arn'] };
    template.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: key } });
    for (const queue of Object.values(template.findResources('AWS::SQS::Queue'))) expect(queue.Properties.KmsMasterKeyId).toEqual(key);
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) expect(group.Properties.KmsKeyId).toEqual(key);
    for (const secret of Object.values(template.findResources('AWS::SecretsManager::Secret'))) expect(secret.Properties.KmsKeyId).toEqual(key);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: key });
    // The services that encrypt with it for us, each for this account only.
    const services = (Object.values(template.findResources('AWS::KMS::Key'))[0]?.Properties.KeyPolicy.Statement as { Principal?: { Service?: unknown } }[]).map((st) => st.Principal?.Service).filter(Boolean);
    expect(services).toEqual(expect.arrayContaining(['ses.amazonaws.com', 'cloudwatch.amazonaws.com', expect.objectContaining({ 'Fn::Join': expect.anything() })]));
  });

  it('has one receipt rule per complaints address and per staff-notices sender (a reply to a notice is heard), each storing the message in S3 before invoking intake', () => {
    const rules = Object.values(template.findResources('AWS::SES::ReceiptRule')).map((r) => r.Properties.Rule as { Name: string; Recipients: string[]; ScanEnabled: boolean; TlsPolicy: string; Actions: Record<string, unknown>[] });
    const addresses = seedPolicies.all.flatMap((p) => [...p.intake.addresses, staffNoticesSender(p)].map((a) => a.toLowerCase()));
    expect(rules.map((r) => r.Name)).toContain('county-council-staff-notices');
    expect(addresses.length).toBeGreaterThanOrEqual(5);
    expect(rules.map((r) => r.Recipients).sort()).toEqual(addresses.map((a) => [a]).sort());
    expect(rules.map((r) => r.Name)).toContain('alumot-1');
    for (const rule of rules) {
      expect(rule).toMatchObject({ ScanEnabled: true, TlsPolicy: 'Require' });
      expect(rule.Actions.map((a) => Object.keys(a)[0])).toEqual(['S3Action', 'LambdaAction']);
      expect(rule.Actions[0]).toMatchObject({ S3Action: { ObjectKeyPrefix: 'inbound/' } });
      expect(rule.Actions[1]).toMatchObject({ LambdaAction: { InvocationType: 'Event' } });
    }
  });

  it('makes its rule set the active one once every rule is in place, and none when the deployment goes', () => {
    const [id, activation] = Object.entries(template.findResources('Custom::AWS')).find(([, r]) => JSON.stringify(r.Properties.Create).includes('setActiveReceiptRuleSet')) ?? [];
    expect(id).toBeDefined();
    const ruleSet = Object.keys(template.findResources('AWS::SES::ReceiptRuleSet'))[0] as string;
    expect(JSON.stringify(activation?.Properties.Create)).toContain(ruleSet);
    expect(JSON.parse(activation?.Properties.Delete as string)).toEqual({ service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} });
    const rules = Object.keys(template.findResources('AWS::SES::ReceiptRule'));
    expect(activation?.DependsOn).toEqual(expect.arrayContaining(rules));
  });

  it('runs intake on Node 22 arm64 with retries and a dead-letter queue for what still fails', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: Match.objectLike({ REDRESS_STACK: 'aws', REDRESS_RAW_MAIL_PREFIX: 'inbound/', REDRESS_POLICIES_FILE: '/var/task/policies.json', REDRESS_OPERATOR_EMAIL: 'ops@example.org' }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('runs every function of its own on Node 22 arm64, traced, logging JSON to its own encrypted log group kept a year, under a role with no managed policy', () => {
    const functions = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([, f]) => f.Properties.Environment?.Variables?.REDRESS_STACK === 'aws');
    expect(functions.map(([, f]) => f.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).sort()).toEqual(
      ['complainant-page', 'complaint-form', 'console-reports', 'daily-digest', 'deadline-timer', 'email-intake', 'held-release', 'mail-events', 'outbox-sender', 'staff-console'].map((m) => `redress-${m}`),
    );
    const roles = template.findResources('AWS::IAM::Role');
    const groups = template.findResources('AWS::Logs::LogGroup');
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' }, LoggingConfig: { LogFormat: 'JSON' } });
      const group = groups[fn.Properties.LoggingConfig.LogGroup.Ref as string];
      expect(group?.Properties).toMatchObject({ RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] } });
      const role = roles[fn.Properties.Role['Fn::GetAtt'][0] as string];
      expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    }
    // Every log group in the stack has a retention, not only the functions'.
    for (const group of Object.values(groups)) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('lets every function use the cases table only as the adapters do: items and queries, never a Scan or a change to the table', () => {
    for (const m of ['complainant-page', 'complaint-form', 'daily-digest', 'deadline-timer', 'email-intake', 'mail-events', 'outbox-sender', 'staff-console']) {
      const statements = (JSON.parse(policyOf(`redress-${m}`)) as { Statement: { Action: string | string[] }[] }[]).flatMap((d) => d.Statement);
      const dynamo = statements.flatMap((st) => [st.Action].flat()).filter((a) => a.startsWith('dynamodb:'));
      expect(dynamo).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem']));
      expect(dynamo.filter((a) => /Scan|\*|CreateTable|DeleteTable|UpdateTable/.test(a))).toEqual([]);
    }
  });

  it("tells the operators of every alarm: each function's errors and each dead-letter queue, through one topic their address is subscribed to", () => {
    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm'));
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0] as string;
    const functions = ['ComplainantPage', 'ComplaintForm', 'ConsoleReports', 'DailyDigest', 'DeadlineTimer', 'EmailIntake', 'HeldRelease', 'MailEvents', 'OutboxSender', 'StaffConsole'];
    expect(alarms.map(([id]) => id.replace(/^Monitoring/, '').replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(
      [
        ...functions.flatMap((f) => [`${f}ErrorsAlarm`, `${f}ThrottlesAlarm`]),
        'IntakeFailuresAlarm',
        'SenderFailuresAlarm',
        'MailEventFailuresAlarm',
        'TimerFailuresAlarm',
        'ApiServerErrorsAlarm',
        'BounceRateAlarm',
        'ComplaintRateAlarm',
        'OutboxAgeAlarm',
      ].sort(),
    );
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: topic } });
  });

  it("logs every request to the HTTP API by its route, never its path (a complainant page's path is its key)", () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]?.Properties as { AccessLogSettings: { DestinationArn: unknown; Format: string } };
    const format = JSON.parse(stage.AccessLogSettings.Format) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', route: '$context.routeKey', status: '$context.status' });
    expect(stage.AccessLogSettings.Format).not.toMatch(/\$context\.(path|resourcePath)/);
    expect(stage.AccessLogSettings.DestinationArn).toBeDefined();
  });

  it('keeps server access logs of the raw mail in a private bucket of their own', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    const logs = Object.entries(buckets).find(([id]) => id.startsWith('StorageRawMailAccessLogs'));
    const raw = Object.entries(buckets).find(([id]) => id.startsWith('StorageRawMail') && !id.startsWith('StorageRawMailAccessLogs'));
    expect(raw?.[1].Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logs?.[0] }, LogFilePrefix: 'raw-mail/' });
    expect(logs?.[1].Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
  });

  it('takes mail only over TLS, with spam and virus scanning', () => {
    template.hasResourceProperties('AWS::SES::ReceiptRule', { Rule: Match.objectLike({ TlsPolicy: 'Require', ScanEnabled: true }) });
  });

  it('lets only SES write raw mail, from this account', () => {
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    const statements = policies.flatMap((p) => (p.Properties.PolicyDocument.Statement as Record<string, unknown>[]));
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 's3:PutObject', Principal: { Service: 'ses.amazonaws.com' }, Condition: expect.objectContaining({ StringEquals: expect.anything() }) }),
    );
  });

  it('serves the complaint forms through a throttled HTTP API and a function that reads the form secret', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey as string);
    expect(routes.sort()).toEqual([
      'GET /cases/{token}',
      'GET /confirm/{reference}/{token}',
      'GET /console',
      'GET /console/reports/{policy}',
      'GET /console/reports/{policy}/monitoring',
      'GET /console/{proxy+}',
      'GET /forms/{policyId}',
      'GET /forms/{policyId}/token',
      'OPTIONS /forms/{policyId}',
      'POST /cases/{token}/information',
      'POST /cases/{token}/review',
      'POST /confirm/{reference}/{token}',
      'POST /console/held/{id}/release',
      'POST /console/{proxy+}',
      'POST /forms/{policyId}',
    ]);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ REDRESS_FORM_SECRET_ARN: Match.anyValue(), REDRESS_STACK: 'aws' }) },
    });
    // The form secret, and the console's app client secret and session secret.
    template.resourceCountIs('AWS::SecretsManager::Secret', 3);
  });

  it('signs staff in through a Cognito user pool: no self sign-up, MFA by authenticator app required, a group per role of each policy, the code flow', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, RequireNumbers: true, RequireUppercase: true, RequireLowercase: true }) },
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName as string);
    expect(groups).toContain('alumot:chair');
    expect(groups).toContain('county-council:independent-officer');
    expect(groups).toContain('operator');
    expect(groups).toHaveLength(seedPolicies.all.reduce((n, p) => n + p.roles.length, 0) + 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'profile'] });
    const console = functionNamed('redress-staff-console');
    expect(console.Environment.Variables).toMatchObject({ REDRESS_OIDC_GROUPS_CLAIM: 'cognito:groups', REDRESS_OIDC_CLIENT_SECRET_ARN: expect.anything(), REDRESS_SESSION_SECRET_ARN: expect.anything() });
    expect(policyOf('redress-staff-console')).not.toContain('ses:');
  });

  it("routes the console's reports and held-mail release to functions of their own, on the console's session, each with only its own access", () => {
    const reaches = routeTargets();
    expect(reaches['GET /console']).toBe('redress-staff-console');
    expect(reaches['GET /console/{proxy+}']).toBe('redress-staff-console');
    expect(reaches['POST /console/{proxy+}']).toBe('redress-staff-console');
    expect(reaches['GET /console/reports/{policy}']).toBe('redress-console-reports');
    expect(reaches['GET /console/reports/{policy}/monitoring']).toBe('redress-console-reports');
    expect(reaches['POST /console/held/{id}/release']).toBe('redress-held-release');
    // One session key for the three; only the pages sign people in, so only they hold the app client's secret.
    const secretOf = (service: string, setting: string) => JSON.stringify(functionNamed(service).Environment.Variables[setting]);
    expect(secretOf('redress-console-reports', 'REDRESS_SESSION_SECRET_ARN')).toBe(secretOf('redress-staff-console', 'REDRESS_SESSION_SECRET_ARN'));
    expect(secretOf('redress-held-release', 'REDRESS_SESSION_SECRET_ARN')).toBe(secretOf('redress-staff-console', 'REDRESS_SESSION_SECRET_ARN'));
    for (const part of ['redress-console-reports', 'redress-held-release']) expect(functionNamed(part).Environment.Variables).not.toHaveProperty('REDRESS_OIDC_CLIENT_SECRET_ARN');
    // Each part's pages carry the sign-out form, which Cognito's logout answers: each CSP names the same address.
    for (const part of ['redress-console-reports', 'redress-held-release']) expect(secretOf(part, 'REDRESS_OIDC_LOGOUT_URL')).toBe(secretOf('redress-staff-console', 'REDRESS_OIDC_LOGOUT_URL'));
    // The pages sign links to files (the browser fetches them from S3) and store a file staff add to a case beside
    // the attachments, taking it back if the action is refused; releasing stores attachments beside the message and
    // may take back an oversize copy, never the message; the reports touch no bucket.
    expect(policyOf('redress-staff-console')).toContain('s3:GetObject');
    expect(policyOf('redress-staff-console')).toContain('s3:PutObject');
    expect(deletableBy('redress-staff-console')).toEqual(['attachments/*']);
    expect(policyOf('redress-held-release')).toContain('s3:PutObject');
    expect(deletableBy('redress-held-release')).toEqual(['attachments/*']);
    expect(policyOf('redress-console-reports')).not.toContain('s3:');
    for (const part of ['redress-console-reports', 'redress-held-release']) expect(policyOf(part)).not.toContain('ses:');
  });

  it('holds deadline timers in a schedule group, invoked through a role, with failures dead-lettered', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })] },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'Test-deadline-timer' });
    // The outbox sender sets the timers: it alone is told where they live.
    expect(functionNamed('redress-outbox-sender').Environment.Variables).toMatchObject({
      REDRESS_SCHEDULE_GROUP: 'Test-timers',
      REDRESS_SCHEDULER_ROLE_ARN: expect.anything(),
      REDRESS_DEADLINE_FUNCTION_ARN: expect.anything(),
      REDRESS_TIMER_DLQ_ARN: expect.anything(),
    });
    for (const service of ['redress-email-intake', 'redress-complaint-form', 'redress-deadline-timer', 'redress-daily-digest']) {
      expect(Object.keys(functionNamed(service).Environment.Variables), service).not.toContain('REDRESS_SCHEDULE_GROUP');
    }
    expect(Object.keys(functionNamed('redress-complaint-form').Environment.Variables)).not.toContain('REDRESS_RAW_MAIL_BUCKET');
    expect(Object.keys(functionNamed('redress-daily-digest').Environment.Variables)).not.toContain('REDRESS_RAW_MAIL_BUCKET');
  });

  it('drives the outbox sender from the table stream (new outbox entries only) and a sweep every minute', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'LATEST',
      BisectBatchOnFunctionError: true,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { PK: { S: [{ prefix: 'OUTBOX#' }] }, SK: { S: ['OUTBOX'] } } } }) }] },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 minute)', Target: Match.objectLike({ Input: '{"sweep":true}' }) });
  });

  it('sweeps raw mail intake never kept every hour, through the intake function, dead-lettered after retries', () => {
    const schedule = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((r) => r.Properties).find((p) => p.Target.Input === '{"task":"sweep-unclaimed-mail"}');
    expect(schedule).toMatchObject({ ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'OFF' } });
    expect(JSON.stringify(schedule?.Target.Arn)).toMatch(/EmailIntake/);
    expect(schedule?.Target.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^TimersFailures/), 'Arn'] });
  });

  it("sends the digests at 08:00 London time on weekdays, January's reports on its weekdays and the quarterly summaries in each quarter's first week, each dead-lettered after retries", () => {
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((r) => r.Properties);
    const digestTargets = new Set<string>();
    for (const [expression, task] of [['cron(0 8 ? * MON-FRI *)', 'digests'], ['cron(0 8 ? 1 MON-FRI *)', 'annual-reports'], ['cron(0 8 1-7 1,4,7,10 ? *)', 'quarterly-summaries']] as const) {
      const schedule = schedules.find((p) => p.ScheduleExpression === expression);
      expect(schedule).toMatchObject({ ScheduleExpressionTimezone: 'Europe/London', FlexibleTimeWindow: { Mode: 'OFF' }, GroupName: 'Test-timers' });
      expect(JSON.parse(schedule?.Target.Input as string)).toEqual({ task });
      expect(schedule?.Target.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^TimersFailures/), 'Arn'] });
      expect(schedule?.Target.RetryPolicy.MaximumRetryAttempts).toBe(3);
      digestTargets.add(JSON.stringify(schedule?.Target.Arn));
    }
    // One function does all three.
    expect(digestTargets.size).toBe(1);
  });

  it('lets only the outbox sender send mail and manage timers, only retention delete raw mail a case names, and intake delete only what no case owns (an oversize attachment copy, unclaimed mail)', () => {
    const everyFunction = ['redress-email-intake', 'redress-complaint-form', 'redress-complainant-page', 'redress-staff-console', 'redress-deadline-timer', 'redress-daily-digest', 'redress-outbox-sender', 'redress-mail-events'];
    const senders = everyFunction.filter((f) => policyOf(f).includes('ses:SendEmail'));
    expect(senders).toEqual(['redress-outbox-sender']);
    // Simple content only: nothing may send raw MIME, which would let a function set any header it liked.
    expect(everyFunction.filter((f) => policyOf(f).includes('ses:SendRawEmail'))).toEqual([]);
    // And only as this deployment's own identities, never any: each policy's sending address and its domain, the operator's, the sending domain.
    const sending = JSON.parse(policyOf('redress-outbox-sender')).flatMap((d: { Statement: { Action: string[]; Resource: unknown }[] }) => d.Statement).find((st: { Action: string[] }) => [st.Action].flat().includes('ses:SendEmail'));
    expect(sending.Action).toBe('ses:SendEmail');
    const identities = [sending.Resource].flat().map((r: { 'Fn::Join': [string, unknown[]] }) => String(r['Fn::Join'][1].at(-1)).replace(/^:identity\//, ''));
    expect(identities).toEqual(expect.arrayContaining(['shaked@alumot.uk', 'alumot.uk', 'not.alone.mentoring@gmail.com', 'complaints@county-council.example', 'county-council.example', 'staff-notices@county-council.example', 'staff-notices@not-alone-mentoring.example', 'not-alone-mentoring.example', 'ops@example.org', 'mail.example.org']));
    expect(identities).not.toContain('staff-notices@gmail.com');
    expect(identities).not.toContain('*');
    const timers = ['redress-email-intake', 'redress-complaint-form', 'redress-complainant-page', 'redress-deadline-timer', 'redress-daily-digest', 'redress-outbox-sender'].filter((f) => policyOf(f).includes('scheduler:CreateSchedule'));
    expect(timers).toEqual(['redress-outbox-sender']);
    // Intake may take back an attachment's copy it stored past the size limit, and its sweep destroys raw mail no
    // case or held message owns (under SES's prefix) with the files beside it; nothing of a page's.
    expect(deletableBy('redress-email-intake')).toEqual(['attachments/*', 'inbound/*', 'attachments/inbound/*']);
    expect(deletableBy('redress-deadline-timer')).toEqual(['*']);
    // Destruction lists the folders beside a message to delete every file in them; nothing else may list the bucket.
    expect(everyFunction.filter((f) => policyOf(f).includes('s3:ListBucket'))).toEqual(['redress-email-intake', 'redress-deadline-timer']);
    expect(policyOf('redress-email-intake')).toContain('"s3:prefix":["attachments/inbound/*"]');
    expect(policyOf('redress-deadline-timer')).toContain('"s3:prefix":["attachments/*","page/*"]');
    expect(policyOf('redress-email-intake')).toContain('s3:PutObject');
    expect(policyOf('redress-deadline-timer')).toContain('s3:DeleteObject');
    expect(policyOf('redress-complaint-form')).not.toContain('s3:');
    expect(policyOf('redress-daily-digest')).not.toContain('s3:');
    // The complainant's page stores what they send beside raw mail, and can neither read nor delete raw mail.
    expect(policyOf('redress-complainant-page')).toContain('s3:PutObject');
    expect(policyOf('redress-complainant-page')).not.toContain('s3:GetObject');
    expect(policyOf('redress-complainant-page')).not.toContain('s3:DeleteObject');
  });

  it("tells every function that writes to complainants where their page is", () => {
    for (const service of ['redress-email-intake', 'redress-complaint-form', 'redress-complainant-page', 'redress-deadline-timer']) {
      expect(functionNamed(service).Environment.Variables.REDRESS_PUBLIC_URL, service).toBeDefined();
    }
  });


  it('can run one deployment per organisation in one account: each stack its own sign-in domain, schedule group and function names', () => {
    const one = (name: string, policy: string, sharedRuleSetName?: string) =>
      Template.fromStack(new RedressStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), name, { policies: new PolicySet([seedPolicies.get(policy)]), operatorEmail: 'ops@example.org', sharedRuleSetName, settings: { digestHour: 8, apiRateLimit: 20, apiBurstLimit: 40, outboxSweepMinutes: 1 }, env: { account: '123456789012', region: 'eu-west-2' } }));
    const [alumot, council] = [one('Redress-Alumot', 'alumot'), one('Redress-Council', 'county-council', 'Redress-Alumot-inbound')];
    // SES has one active rule set per region: the second deployment adds its rules to the first's, and activates nothing.
    alumot.hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'Redress-Alumot-inbound' });
    council.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
    council.resourceCountIs('Custom::AWS', 0);
    council.hasResourceProperties('AWS::SES::ReceiptRule', { RuleSetName: 'Redress-Alumot-inbound', Rule: Match.objectLike({ Recipients: ['complaints@county-council.example'], TlsPolicy: 'Require' }) });
    const prefix = (t: Template) => (Object.values(t.findResources('AWS::Cognito::UserPoolDomain'))[0]?.Properties as { Domain: string }).Domain;
    expect([prefix(alumot), prefix(council)]).toEqual(['redress-alumot-123456789012', 'redress-council-123456789012']);
    alumot.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'Redress-Alumot-timers' });
    alumot.hasOutput('Policies', { Value: 'alumot' });
    council.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'Redress-Council-deadline-timer' });
  });

  it("sends through one configuration set whose send, bounce, complaint and delivery events reach the mail-events function, failures dead-lettered", () => {
    const [setId, set] = Object.entries(template.findResources('AWS::SES::ConfigurationSet'))[0] ?? [];
    expect(set?.Properties).toMatchObject({ ReputationOptions: { ReputationMetricsEnabled: true }, SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] } });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: setId },
      EventDestination: Match.objectLike({ Enabled: true, MatchingEventTypes: ['send', 'bounce', 'complaint', 'delivery'], EventBridgeDestination: { EventBusArn: Match.anyValue() } }),
    });
    const rule = Object.values(template.findResources('AWS::Events::Rule'))[0]?.Properties as { EventPattern: Record<string, unknown>; Targets: Record<string, unknown>[] };
    expect(rule.EventPattern).toEqual({ source: ['aws.ses'], 'detail-type': ['Email Sent', 'Email Bounced', 'Email Complaint Received', 'Email Delivered'], detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: setId }] } } } });
    expect(rule.Targets).toHaveLength(1);
    expect(rule.Targets[0]).toMatchObject({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/^OutboxMailEventFailures/), 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 } });
    const mailEvents = functionNamed('redress-mail-events');
    expect(rule.Targets[0]?.Arn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^OutboxMailEvents/), 'Arn'] });
    expect(policyOf('redress-mail-events')).not.toMatch(/ses:|s3:|scheduler:/);
    expect(mailEvents.Environment.Variables.REDRESS_TABLE).toBeDefined();
    expect(functionNamed('redress-outbox-sender').Environment.Variables.REDRESS_SES_CONFIGURATION_SET).toEqual({ Ref: setId });
    expect(policyOf('redress-outbox-sender')).toContain(':configuration-set/');
  });

  it("alarms when a letter has waited half an hour, on the outbox sender's own metric in this deployment's namespace", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'Redress/Test', MetricName: 'OldestPendingLetterSeconds', Dimensions: [{ Name: 'service', Value: 'redress-outbox-sender' }], Threshold: 1800, Statistic: 'Maximum' });
    expect(functionNamed('redress-outbox-sender').Environment.Variables).toMatchObject({ POWERTOOLS_METRICS_NAMESPACE: 'Redress/Test', POWERTOOLS_SERVICE_NAME: 'redress-outbox-sender' });
  });

  it('creates the sending domain identity when one is configured', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'mail.example.org' });
  });
});

type FunctionProps = { Environment: { Variables: Record<string, unknown> }; Role: { 'Fn::GetAtt': [string, string] } };

/** The function whose Powertools service name is `service`. */
function functionNamed(service: string): FunctionProps {
  const found = Object.values(template.findResources('AWS::Lambda::Function')).find((f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service);
  if (!found) throw new Error(`no function ${service}`);
  return found.Properties as FunctionProps;
}

/** Which function (by service name) each HTTP API route reaches, through its integration. */
function routeTargets(): Record<string, string> {
  const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
  const functions = template.findResources('AWS::Lambda::Function');
  const out: Record<string, string> = {};
  for (const route of Object.values(template.findResources('AWS::ApiGatewayV2::Route'))) {
    const integration = integrations[String(route.Properties.Target['Fn::Join'][1][1].Ref)];
    const fn = functions[String(integration?.Properties.IntegrationUri['Fn::GetAtt'][0])];
    out[route.Properties.RouteKey as string] = String(fn?.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME);
  }
  return out;
}

/** Every IAM statement attached to a function's role, as JSON text. */
function policyOf(service: string): string {
  const role = functionNamed(service).Role['Fn::GetAtt'][0];
  return JSON.stringify(
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role))
      .map((p) => p.Properties.PolicyDocument),
  );
}

/** The raw-mail keys a function may delete (the object pattern after the bucket's ARN), from its role's statements. */
function deletableBy(service: string): string[] {
  const role = functionNamed(service).Role['Fn::GetAtt'][0];
  const statements = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
  return statements
    .filter((st) => [st.Action].flat().some((a) => a.startsWith('s3:DeleteObject')))
    .flatMap((st) => [st.Resource].flat())
    .map((r) => {
      const parts = (r as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      return String(parts[parts.length - 1]).replace(/^\//, '');
    });
}

/** The logical id of the deployment's one key. */
function keyId(): string {
  return Object.keys(template.findResources('AWS::KMS::Key'))[0] as string;
}
