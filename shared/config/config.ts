import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting Redress reads from the environment, validated once at start-up. Defaults run the local
 * stack; on AWS the CDK stack sets the table, bucket and addresses.
 */
const schema = z.object({
  /** local: the embedded stack's endpoints unless set otherwise; aws: the SDK's own endpoints. */
  REDRESS_STACK: z.enum(['local', 'aws']).default('local'),
  REDRESS_POLICIES_DIR: z.string().min(1).default(resolve(REPO_ROOT, 'policies')),
  REDRESS_TABLE: z.string().min(3).default('redress'),
  AWS_REGION: z.string().min(1).default('eu-west-2'),
  /** Set for DynamoDB Local; unset on AWS. */
  REDRESS_DYNAMODB_ENDPOINT: z.url().optional(),
  /** Set for the aws-ses-v2-local emulator; unset on AWS. */
  REDRESS_SES_ENDPOINT: z.url().optional(),
  REDRESS_SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** S3 bucket of raw mail on AWS; when unset, raw mail is kept on disk under REDRESS_DATA_DIR. */
  REDRESS_RAW_MAIL_BUCKET: z.string().min(3).optional(),
  /** The S3 key prefix SES's receipt rule writes raw mail under. */
  REDRESS_RAW_MAIL_PREFIX: z.string().default('inbound/'),
  REDRESS_DATA_DIR: z.string().min(1).default(resolve(REPO_ROOT, '.data')),
  REDRESS_OPERATOR_EMAIL: z.email().default('operator@redress.localhost'),
  REDRESS_MAIL_DOMAIN: z.string().min(3).default('redress.localhost'),
  /** SES's S3 action takes messages up to 40 MB. */
  REDRESS_MAX_EMAIL_BYTES: count(40 * 1024 * 1024),
  REDRESS_MAX_ATTACHMENTS: count(20),
  REDRESS_MAX_ATTACHMENT_BYTES: count(25 * 1024 * 1024),
  REDRESS_MAX_HTML_TO_TEXT: count(2_000_000),
  REDRESS_MAX_MIME_PARTS: count(500),
  /** How long a delivered message's id is remembered for duplicate detection. */
  REDRESS_DUPLICATE_WINDOW_SECONDS: count(14 * 86_400),
  /** Signs the web form's start time. Locally a fixed development value; on AWS it comes from Secrets Manager. */
  REDRESS_FORM_SECRET: z.string().min(32, 'must be at least 32 characters').default('local-development-form-secret-0123456789'),
  /** On AWS: the Secrets Manager secret holding REDRESS_FORM_SECRET. */
  REDRESS_FORM_SECRET_ARN: z.string().min(20).optional(),
  REDRESS_FORM_MAX_BODY_BYTES: count(64 * 1024),
  /** Faster than this, a submission is a bot's. */
  REDRESS_FORM_MIN_FILL_SECONDS: count(3),
  REDRESS_FORM_MAX_AGE_SECONDS: count(86_400),
  REDRESS_FORM_PER_IP_LIMIT: count(5),
  REDRESS_FORM_PER_IP_WINDOW_SECONDS: count(600),
  REDRESS_FORM_PER_ORG_LIMIT: count(200),
  REDRESS_FORM_PER_ORG_WINDOW_SECONDS: count(3600),
  /** On AWS: where deadline timers live and what they invoke (set by the CDK stack). */
  REDRESS_SCHEDULE_GROUP: z.string().min(1).optional(),
  REDRESS_SCHEDULER_ROLE_ARN: z.string().min(20).optional(),
  REDRESS_DEADLINE_FUNCTION_ARN: z.string().min(20).optional(),
  REDRESS_TIMER_DLQ_ARN: z.string().min(20).optional(),
  /** Locally: how often `npm start` looks for timers that are due. */
  REDRESS_TIMER_POLL_SECONDS: count(15),
  REDRESS_SMTP_PORT: count(2525),
  REDRESS_HTTP_PORT: count(3000),
  REDRESS_SES_PORT: count(8005),
  REDRESS_DYNAMODB_PORT: count(8000),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`bad configuration in the environment: ${problems}`);
  }
  const config = result.data;
  if (config.REDRESS_STACK === 'aws') return config;
  return {
    ...config,
    REDRESS_DYNAMODB_ENDPOINT: config.REDRESS_DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${config.REDRESS_DYNAMODB_PORT}`,
    REDRESS_SES_ENDPOINT: config.REDRESS_SES_ENDPOINT ?? `http://127.0.0.1:${config.REDRESS_SES_PORT}`,
  };
}
