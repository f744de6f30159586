import { loadConfig } from '../config/config.js';
import { S3RawMailStore } from '../adapters/raw-mail/s3-raw-mail-store.js';
import { SesMailer } from '../adapters/ses/ses-mailer.js';
import { loadPolicyDirectory } from '../policy/load-policies.js';
import { dynamoDbClient, s3Client, sesClient } from './aws-clients.js';
import { createIntakeService, type IntakeService } from './intake-service.js';
import { powertoolsLog } from './powertools-log.js';

export interface EmailIntakeRuntime {
  readonly intake: IntakeService;
  readonly rawMailPrefix: string;
  readonly log: ReturnType<typeof powertoolsLog>;
}

let runtime: EmailIntakeRuntime | undefined;

/**
 * The intake function's adapters, built once per Lambda container from validated configuration and
 * injected into the domain; a bad setting fails the cold start with a message naming it.
 */
export function emailIntakeRuntime(): EmailIntakeRuntime {
  if (runtime) return runtime;
  const config = loadConfig();
  if (!config.REDRESS_RAW_MAIL_BUCKET) throw new Error('REDRESS_RAW_MAIL_BUCKET must name the bucket SES stores inbound mail in');
  const log = powertoolsLog('redress-email-intake');
  runtime = {
    rawMailPrefix: config.REDRESS_RAW_MAIL_PREFIX,
    log,
    intake: createIntakeService({
      config,
      policies: loadPolicyDirectory(config.REDRESS_POLICIES_DIR),
      dynamodb: dynamoDbClient(config),
      rawMail: new S3RawMailStore(s3Client(config), config.REDRESS_RAW_MAIL_BUCKET),
      mailer: new SesMailer(sesClient(config), config.REDRESS_SES_CONFIGURATION_SET),
      log,
    }),
  };
  return runtime;
}
