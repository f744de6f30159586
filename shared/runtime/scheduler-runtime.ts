import { S3RawMailStore } from '../adapters/raw-mail/s3-raw-mail-store.js';
import { SesMailer } from '../adapters/ses/ses-mailer.js';
import { loadConfig } from '../config/config.js';
import { loadPolicyDirectory } from '../policy/load-policies.js';
import { dynamoDbClient, s3Client, sesClient } from './aws-clients.js';
import { createIntakeService, type IntakeService } from './intake-service.js';
import { powertoolsLog } from './powertools-log.js';

let runtime: { service: IntakeService; log: ReturnType<typeof powertoolsLog> } | undefined;

/** The timer and digest functions' adapters, built once per container. */
export function schedulerRuntime(): { service: IntakeService; log: ReturnType<typeof powertoolsLog> } {
  if (runtime) return runtime;
  const config = loadConfig();
  if (!config.REDRESS_RAW_MAIL_BUCKET) throw new Error('REDRESS_RAW_MAIL_BUCKET must name the raw mail bucket (retention deletes from it)');
  const log = powertoolsLog('redress-scheduler');
  runtime = {
    log,
    service: createIntakeService({
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
