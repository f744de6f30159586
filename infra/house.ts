import type { IKey } from 'aws-cdk-lib/aws-kms';

/** What every Redress function in a deployment shares: the policies synth validated, the key, and what a letter needs. */
export interface House {
  /** The deployed policies as one JSON file (written by the stack from the policies synth validated). */
  readonly policiesFile: string;
  /** The deployment's customer-managed key: logs, queues, table, buckets and secrets are encrypted with it. */
  readonly key: IKey;
  /** What every function is told because any of them may write a letter: the front door, the operator, the mail domain. */
  readonly letterEnvironment: Readonly<Record<string, string>>;
}
