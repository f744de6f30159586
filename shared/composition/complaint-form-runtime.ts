import { secretValue } from '#adapters/secrets/secret-value';
import type { FormHandlerDeps } from '#adapters/http/form-http-handler';
import { awsRuntime } from './aws-runtime.js';
import { dynamoDbClient } from './aws-clients.js';
import { formHandlerDeps } from './form-handler-deps.js';
import type { powertoolsLog } from './powertools-log.js';

let runtime: Promise<{ deps: FormHandlerDeps; log: ReturnType<typeof powertoolsLog> }> | undefined;

/** The form function's adapters, built once per container; the form secret comes from Secrets Manager on AWS. */
export function complaintFormRuntime(): Promise<{ deps: FormHandlerDeps; log: ReturnType<typeof powertoolsLog> }> {
  runtime ??= (async () => {
    const { config, service, log } = awsRuntime('redress-complaint-form');
    const secret = config.REDRESS_FORM_SECRET_ARN ? await secretValue(config.AWS_REGION, config.REDRESS_FORM_SECRET_ARN) : config.REDRESS_FORM_SECRET;
    return { deps: formHandlerDeps(config, service, dynamoDbClient(config), secret), log };
  })();
  return runtime;
}
