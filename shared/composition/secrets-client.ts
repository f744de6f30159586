import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Config } from '#config/config';
import { traced } from './tracing.js';

/** Secrets Manager, read once at cold start for the keys that sign forms and sessions (one client to a module: see cases-table.ts). */
export function secretsClient(config: Config): SecretsManagerClient {
  return traced(new SecretsManagerClient({ region: config.AWS_REGION }));
}
