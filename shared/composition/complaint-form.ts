import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbCounters } from '#adapters/dynamodb/dynamodb-counters';
import { DynamoDbRateLimiter } from '#adapters/dynamodb/dynamodb-rate-limiter';
import type { ComplaintFormDeps } from '#adapters/http/complaint-form-app';
import { secretValue } from '#adapters/secrets/secret-value';
import { secretsClient } from './secrets-client.js';
import { systemClock } from '#adapters/clock/system-clock';
import type { Cases } from '#application/ports/cases';
import type { Clock } from '#application/ports/clock';
import type { Counters } from '#application/ports/counters';
import type { Log } from '#application/ports/log';
import type { Metrics } from '#application/ports/metrics';
import { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';
import type { RateLimiter } from '#application/ports/rate-limiter';
import { submitWebComplaint } from '#application/intake/submit-web-complaint';
import type { Config } from '#config/config';
import type { PolicySet } from '#domain/policy/policy-set';
import { casesTable } from './cases-table.js';
import { powertoolsLog } from './powertools-log.js';
import { requiredSetting } from './required-setting.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

/** The web form's handler over its ports, the same locally and in Lambda. */
export function formHandlerDeps(config: Config, ports: { policies: PolicySet; cases: Cases; counters: Counters; rateLimiter: RateLimiter; clock: Clock; log: Log; metrics: Metrics }, secret: string): ComplaintFormDeps {
  const deps = { ...settingsFrom(config), ...ports };
  return {
    policies: ports.policies,
    counters: ports.counters,
    rateLimiter: ports.rateLimiter,
    submit: (submission) => submitWebComplaint(deps, submission),
    secret,
    log: ports.log,
    now: () => ports.clock.now().getTime(),
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

/** The form function: cases, counters and rate limits in DynamoDB, the form secret from Secrets Manager. No bucket, no SES. */
export async function composeComplaintForm(config: Config): Promise<{ deps: ComplaintFormDeps; log: ReturnType<typeof powertoolsLog>; metrics: PowertoolsMetrics }> {
  const table = casesTable(config);
  const log = powertoolsLog('redress-complaint-form');
  const metrics = new PowertoolsMetrics('redress-complaint-form');
  // On AWS the secret that signs form tokens comes from Secrets Manager; elsewhere the environment must set it.
  const secret =
    config.REDRESS_STACK === 'aws'
      ? await secretValue(secretsClient(config), requiredSetting(config.REDRESS_FORM_SECRET_ARN, 'REDRESS_FORM_SECRET_ARN', 'the Secrets Manager secret that signs form tokens'))
      : requiredSetting(config.REDRESS_FORM_SECRET, 'REDRESS_FORM_SECRET', 'the key that signs form tokens');
  const ports = {
    policies: deployedPolicies(config),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    counters: new DynamoDbCounters(table),
    rateLimiter: new DynamoDbRateLimiter(table.client, table.name),
    clock: systemClock,
    log,
    metrics,
  };
  return { deps: formHandlerDeps(config, ports, secret), log, metrics };
}
