import { S3RawMailStore } from '#adapters/s3/s3-raw-mail-store';
import { SesMailer } from '#adapters/ses/ses-mailer';
import { loadConfig, type Config } from '#config/config';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { dynamoDbClient, s3Client, sesClient } from './aws-clients.js';
import { createIntakeService, type IntakeService } from './intake-service.js';
import { powertoolsLog } from './powertools-log.js';

export interface AwsRuntime {
  readonly config: Config;
  readonly service: IntakeService;
  readonly log: ReturnType<typeof powertoolsLog>;
}

let runtime: AwsRuntime | undefined;

/**
 * A function's adapters on AWS, built once per Lambda container from validated configuration and injected
 * into the domain; a bad setting fails the cold start with a message naming it.
 */
export function awsRuntime(serviceName: string): AwsRuntime {
  if (runtime) return runtime;
  const config = loadConfig();
  const log = powertoolsLog(serviceName);
  runtime = {
    config,
    log,
    service: createIntakeService({
      config,
      policies: loadPolicyDirectory(config.REDRESS_POLICIES_DIR),
      dynamodb: dynamoDbClient(config),
      // Forms carry no raw mail: their function is given no bucket, and never reads or writes one.
      rawMail: new S3RawMailStore(s3Client(config), config.REDRESS_RAW_MAIL_BUCKET ?? 'no-raw-mail-bucket-configured'),
      mailer: new SesMailer(sesClient(config), config.REDRESS_SES_CONFIGURATION_SET),
      log,
    }),
  };
  return runtime;
}
