import { Duration } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

/** Where what failed after its retries waits, with its input, for an operator: fourteen days, encrypted with the key, TLS only. */
export function deadLetterQueue(scope: Construct, id: string, key: IKey): Queue {
  const queue = new Queue(scope, id, { retentionPeriod: Duration.days(14), encryption: QueueEncryption.KMS, encryptionMasterKey: key, enforceSSL: true });
  acknowledge(queue, 'SQS3', 'This is a dead-letter queue: nothing consumes it but an operator, so there is no failure to send on; its alarm tells the operators of every message.');
  return queue;
}
