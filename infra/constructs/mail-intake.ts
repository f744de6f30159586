import { Duration, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ReceiptRuleSet, TlsPolicy, type IReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { Lambda as LambdaAction, LambdaInvocationType, S3 as S3Action } from 'aws-cdk-lib/aws-ses-actions';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue.js';
import { letServiceUseKey } from './service-key-use.js';
import type { PolicySet } from '#domain/policy/policy-set';
import { staffNoticesSender } from '#domain/policy/staff-addresses';
import type { House } from '../house.js';
import { acknowledge } from '../nag.js';
import { RedressFunction } from '../redress-function.js';
import type { Monitoring } from './monitoring.js';
import type { Storage } from './storage.js';

export interface MailIntakeProps {
  readonly house: House;
  readonly storage: Storage;
  readonly monitoring: Monitoring;
  readonly policies: PolicySet;
  /** Where raw mail is stored under the bucket, before intake reads it. */
  readonly rawMailPrefix: string;
  /**
   * SES has one active receipt rule set per account and region. The first deployment in a region makes its own and
   * activates it; another deployment in the same account and region names that set here, and adds its rules to it.
   */
  readonly sharedRuleSetName?: string;
}

/**
 * Mail in: one SES receipt rule per complaints address in policies/ (TLS required, spam and virus scanning on),
 * each storing the message in S3 and only then invoking intake, so accepted mail is kept before it is read. The
 * rule set is made active by a custom resource, since CloudFormation cannot (or, for a second deployment in the
 * same account and region, the rules join the first one's active set).
 */
export class MailIntake extends Construct {
  readonly intake: RedressFunction;
  readonly ruleSet: IReceiptRuleSet;
  /** What still failed after Lambda's retries, with its event (the raw message stays in S3). */
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: MailIntakeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { storage, monitoring } = props;
    const failures = (this.failures = deadLetterQueue(this, 'IntakeFailures', props.house.key));
    this.intake = new RedressFunction(this, 'EmailIntake', {
      handlerModule: 'email-intake',
      house: props.house,
      serviceName: 'redress-email-intake',
      description: 'SES receipt -> case, acknowledgement and staff notice',
      environment: { REDRESS_RAW_MAIL_PREFIX: props.rawMailPrefix },
      // Asynchronous invocation from SES: two retries, then the event goes to the queue with the raw mail kept.
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(failures),
    });
    // Raw mail is evidence: intake reads it and stores attachments beside it, and deletes only what no case or held
    // message owns (the unclaimed-mail sweep: a copy of a message kept before, or one past the retention).
    this.intake.bindCases(storage.table).bindRawMail(storage.rawMail, 'read', 'store', 'discard-oversize-attachments').bindUnclaimedMailSweep(storage.rawMail, props.rawMailPrefix);

    // SES stores each message into the bucket, which encrypts it with the key: SES may use the key for that, for
    // this account's mail only.
    letServiceUseKey(storage.key, 'ses.amazonaws.com', ['kms:GenerateDataKey*', 'kms:Decrypt']);
    // Each complaints address, and each staff-notices sender: a member of staff who replies to a notice is heard
    // (intake records the reply on its case as staff mail, or holds it and tells a person), never bounced.
    const rules = props.policies.all.flatMap((policy) =>
      [...policy.intake.addresses, staffNoticesSender(policy)].map((address, n) => ({
        receiptRuleName: (n < policy.intake.addresses.length ? `${policy.id}-${n + 1}` : `${policy.id}-staff-notices`).slice(0, 64),
        recipients: [address.toLowerCase()],
        scanEnabled: true,
        // Complaints are personal data: mail that will not come over TLS is refused at the door.
        tlsPolicy: TlsPolicy.REQUIRE,
        actions: [new S3Action({ bucket: storage.rawMail, objectKeyPrefix: props.rawMailPrefix }), new LambdaAction({ function: this.intake, invocationType: LambdaInvocationType.EVENT })],
      })),
    );
    monitoring.watchDeadLetters('IntakeFailuresAlarm', failures, 'Inbound mail could not be taken in after retries; the raw message is in the RawMail bucket');
    monitoring.watchFunction('EmailIntake', this.intake);
    if (props.sharedRuleSetName) {
      this.ruleSet = ReceiptRuleSet.fromReceiptRuleSetName(this, 'Inbound', props.sharedRuleSetName);
      // In order, each after the one before, appended to the shared set (its own deployment's rules stay first).
      rules.reduce<ReturnType<IReceiptRuleSet['addRule']> | undefined>((after, rule, i) => this.ruleSet.addRule(`Rule${i}`, { ...rule, ...(after ? { after } : {}) }), undefined);
      return;
    }
    const own = new ReceiptRuleSet(this, 'Inbound', { receiptRuleSetName: `${stack.stackName}-inbound`, rules });
    this.ruleSet = own;
    const ruleSetName = own.receiptRuleSetName;
    const activation = new AwsCustomResource(this, 'ActivateInbound', {
      onCreate: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: { RuleSetName: ruleSetName }, physicalResourceId: PhysicalResourceId.of(`active-${ruleSetName}`) },
      onUpdate: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: { RuleSetName: ruleSetName }, physicalResourceId: PhysicalResourceId.of(`active-${ruleSetName}`) },
      // With no name, SES has no active rule set: mail is no longer accepted once this deployment is gone.
      onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} },
      // SetActiveReceiptRuleSet names no resource IAM can scope it to.
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ effect: Effect.ALLOW, actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] })]),
      logGroup: new LogGroup(this, 'ActivateInboundLogs', { retention: RetentionDays.ONE_YEAR, encryptionKey: props.house.key }),
      installLatestAwsSdk: false,
    });
    // Active only once every rule (and the bucket policy each depends on) is in place.
    activation.node.addDependency(own);
    acknowledge(activation, 'IAM5[Resource::*]', 'SetActiveReceiptRuleSet names no resource IAM can scope it to; the function that calls it runs only at deploy.');
    // CDK's one provider function for AwsCustomResource in this stack, made by the activation above.
    const provider = stack.node.tryFindChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    if (provider) {
      acknowledge(provider, 'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', "CDK's provider for AwsCustomResource uses AWSLambdaBasicExecutionRole to write its own logs; it runs only at deploy, for the activation.");
      acknowledge(provider, 'L1', "CDK's provider for AwsCustomResource chooses its own runtime; it runs only at deploy.");
    }
  }
}
