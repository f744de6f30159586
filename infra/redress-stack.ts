import { CfnOutput, Duration, RemovalPolicy, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { EmailIdentity, Identity, ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { Lambda as LambdaAction, LambdaInvocationType, S3 as S3Action } from 'aws-cdk-lib/aws-ses-actions';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../shared/adapters/dynamodb/table-design.js';
import type { PolicySet } from '../shared/policy/policy-set.js';
import { RedressFunction } from './redress-function.js';

export interface RedressStackProps extends StackProps {
  /** The validated policies this deployment serves; synth fails on a bad policy, before anything deploys. */
  readonly policies: PolicySet;
  /** Where operators are told of mail no policy claims. */
  readonly operatorEmail: string;
  /** A domain verified in SES for sending; when given, the stack creates its identity (DKIM records to publish). */
  readonly sendingDomain?: string;
}

const RAW_MAIL_PREFIX = 'inbound/';

/** The whole Redress pipeline on AWS. */
export class RedressStack extends Stack {
  readonly table: Table;
  readonly rawMail: Bucket;

  constructor(scope: Construct, id: string, props: RedressStackProps) {
    super(scope, id, props);
    Tags.of(this).add('app', 'redress');

    this.table = new Table(this, 'Cases', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
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

    // Raw mail is evidence: private, encrypted, never public, kept when the stack goes.
    this.rawMail = new Bucket(this, 'RawMail', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const intakeFailures = new Queue(this, 'EmailIntakeFailures', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const emailIntake = new RedressFunction(this, 'EmailIntake', {
      handlerModule: 'email-intake',
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
    this.rawMail.grantReadWrite(emailIntake);
    emailIntake.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: ['*'] }),
    );

    const recipients = props.policies.all.flatMap((p) => p.intake.addresses.map((a) => a.toLowerCase()));
    new ReceiptRuleSet(this, 'Inbound', {
      rules: [
        {
          recipients,
          scanEnabled: true,
          tlsPolicy: TlsPolicy.OPTIONAL,
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
    complaintForm.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: ['*'] }),
    );
    const formsApi = new HttpApi(this, 'Forms', { description: 'Redress complaint forms', createDefaultStage: false });
    new HttpStage(this, 'FormsStage', { httpApi: formsApi, stageName: '$default', autoDeploy: true, throttle: { rateLimit: 20, burstLimit: 40 } });
    const formIntegration = new HttpLambdaIntegration('ComplaintFormIntegration', complaintForm);
    formsApi.addRoutes({ path: '/forms/{policyId}', methods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS], integration: formIntegration });
    formsApi.addRoutes({ path: '/forms/{policyId}/token', methods: [HttpMethod.GET], integration: formIntegration });
    new CfnOutput(this, 'FormsUrl', { description: 'Complaint forms are at <this>/forms/<policy-id>', value: formsApi.apiEndpoint });

    if (props.sendingDomain) new EmailIdentity(this, 'SendingDomain', { identity: Identity.domain(props.sendingDomain) });

    intakeFailures
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) })
      .createAlarm(this, 'EmailIntakeFailuresAlarm', {
        alarmDescription: 'Inbound mail could not be taken in after retries; the raw message is in the RawMail bucket',
        threshold: 0,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });

    new CfnOutput(this, 'Policies', { description: 'Complaints policies deployed', value: props.policies.all.map((p) => p.id).join(',') });
    new CfnOutput(this, 'CasesTable', { value: this.table.tableName });
    new CfnOutput(this, 'RawMailBucket', { value: this.rawMail.bucketName });
    new CfnOutput(this, 'EmailIntakeFailuresQueue', { value: intakeFailures.queueUrl });
  }
}
