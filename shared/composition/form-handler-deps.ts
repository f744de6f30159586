import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbRateLimiter } from '#adapters/dynamodb/dynamodb-rate-limiter';
import type { Config } from '#config/config';
import type { FormHandlerDeps } from '#adapters/http/form-http-handler';
import type { IntakeService } from './intake-service.js';

/** The web form's adapters and limits, the same locally and in Lambda. */
export function formHandlerDeps(config: Config, intake: IntakeService, dynamodb: DynamoDBClient, secret: string): FormHandlerDeps {
  return {
    policies: intake.deps.policies,
    store: intake.deps.store,
    rateLimiter: new DynamoDbRateLimiter(dynamodb, config.REDRESS_TABLE),
    submit: (submission) => intake.submitForm(submission),
    secret,
    log: intake.deps.log,
    limits: {
      maxBodyBytes: config.REDRESS_FORM_MAX_BODY_BYTES,
      minFillSeconds: config.REDRESS_FORM_MIN_FILL_SECONDS,
      maxFormAgeSeconds: config.REDRESS_FORM_MAX_AGE_SECONDS,
      perIpLimit: config.REDRESS_FORM_PER_IP_LIMIT,
      perIpWindowSeconds: config.REDRESS_FORM_PER_IP_WINDOW_SECONDS,
      perOrganisationLimit: config.REDRESS_FORM_PER_ORG_LIMIT,
      perOrganisationWindowSeconds: config.REDRESS_FORM_PER_ORG_WINDOW_SECONDS,
    },
  };
}
