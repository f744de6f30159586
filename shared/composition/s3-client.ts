import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '#config/config';
import { traced } from './tracing.js';

/** S3, for raw mail and files on AWS (one client to a module: see cases-table.ts). */
export function s3Client(config: Config): S3Client {
  return traced(new S3Client({ region: config.AWS_REGION, ...(config.REDRESS_S3_ENDPOINT ? { endpoint: config.REDRESS_S3_ENDPOINT, forcePathStyle: true } : {}) }));
}
