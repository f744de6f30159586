import { S3RawMailStore } from '../adapters/raw-mail/s3-raw-mail-store.js';
import { secretValue } from '../adapters/secrets/secret-value.js';
import { SesMailer } from '../adapters/ses/ses-mailer.js';
import { loadConfig } from '../config/config.js';
import { loadPolicyDirectory } from '../policy/load-policies.js';
import type { FormHandlerDeps } from '../web/form-http-handler.js';
import { dynamoDbClient, s3Client, sesClient } from './aws-clients.js';
import { formHandlerDeps } from './form-handler-deps.js';
import { createIntakeService } from './intake-service.js';
import { powertoolsLog } from './powertools-log.js';

let runtime: Promise<{ deps: FormHandlerDeps; log: ReturnType<typeof powertoolsLog> }> | undefined;

/** The form function's adapters, built once per container; the form secret comes from Secrets Manager on AWS. */
export function complaintFormRuntime(): Promise<{ deps: FormHandlerDeps; log: ReturnType<typeof powertoolsLog> }> {
  runtime ??= (async () => {
    const config = loadConfig();
    const log = powertoolsLog('redress-complaint-form');
    const secret = config.REDRESS_FORM_SECRET_ARN ? await secretValue(config.AWS_REGION, config.REDRESS_FORM_SECRET_ARN) : config.REDRESS_FORM_SECRET;
    const dynamodb = dynamoDbClient(config);
    const intake = createIntakeService({
      config,
      policies: loadPolicyDirectory(config.REDRESS_POLICIES_DIR),
      dynamodb,
      // Forms carry no raw mail; the store is there because intake's dependencies are one set.
      rawMail: new S3RawMailStore(s3Client(config), config.REDRESS_RAW_MAIL_BUCKET ?? 'unused'),
      mailer: new SesMailer(sesClient(config), config.REDRESS_SES_CONFIGURATION_SET),
      log,
    });
    return { deps: formHandlerDeps(config, intake, dynamodb, secret), log };
  })();
  return runtime;
}
