import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '#adapters/dynamodb/table-design';

/**
 * Where Redress keeps what it is trusted with: one customer-managed key (rotated yearly) for everything that can
 * use one, the cases table (and the outbox, counters and indexes in it), and the raw mail as it arrived, which is
 * evidence. All of it is kept when the stack is deleted.
 */
export class Storage extends Construct {
  readonly key: Key;
  readonly table: Table;
  readonly rawMail: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new Key(this, 'Key', {
      description: `Redress (${stack.stackName}): cases, raw mail, queues, logs, secrets and the operators' topic`,
      enableKeyRotation: true,
      alias: `alias/${stack.stackName}/redress`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts each log group of this account with the key (and only log groups of this account).
    this.key.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) } },
      }),
    );

    this.table = new Table(this, 'Cases', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
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
    // kept two years. S3 delivers server access logs only to a bucket encrypted with S3's own keys, not KMS.
    const accessLogs = new Bucket(this, 'RawMailAccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(730) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Raw mail is evidence: private, encrypted with the key, TLS only, versioned, kept when the stack goes.
    // Object Lock is not used: retention must be able to destroy a message on the policy's date, and a lock
    // long enough to protect evidence would stop that; versioning keeps a deletion undoable for a day instead.
    this.rawMail = new Bucket(this, 'RawMail', {
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'raw-mail/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      // Retention deletes raw mail; in a versioned bucket that leaves the old version behind, so old versions
      // go a day later: destruction is real, and an accidental delete can still be undone for that day.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(1), expiredObjectDeleteMarker: true }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
