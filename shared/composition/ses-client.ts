import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Config } from '#config/config';
import { LOCAL_CREDENTIALS } from './local-credentials.js';
import { traced } from './tracing.js';

/** SES v2: on AWS, or the aws-ses-v2-local emulator (one client to a module: see cases-table.ts). */
export function sesClient(config: Config): SESv2Client {
  return traced(
    new SESv2Client({
      region: config.AWS_REGION,
      ...(config.REDRESS_SES_ENDPOINT ? { endpoint: config.REDRESS_SES_ENDPOINT, credentials: LOCAL_CREDENTIALS } : {}),
    }),
  );
}
