import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import '#domain/text/schema-language';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const count = (fallback: number) => z._default(z.pipe(z.coerce.number(), z.int().check(z.positive())), fallback);
const hour = (fallback: number) => z._default(z.pipe(z.coerce.number(), z.int().check(z.minimum(0), z.maximum(23))), fallback);
const text = (min: number, message?: string) => z.string().check(z.minLength(min, message));

/**
 * Every setting Redress reads from the environment, validated once at start-up. Defaults run the local
 * stack; on AWS the CDK stack sets the table, bucket and addresses.
 */
const schema = z.object({
  /** local: the embedded stack's endpoints unless set otherwise; aws: the SDK's own endpoints. */
  REDRESS_STACK: z._default(z.enum(['local', 'aws']), 'local'),
  REDRESS_POLICIES_DIR: z._default(text(1), resolve(REPO_ROOT, 'policies')),
  /** On AWS: the deployed policies as one JSON file, written at synth from the policies it validated. */
  REDRESS_POLICIES_FILE: z.optional(text(1)),
  REDRESS_TABLE: z._default(text(3), 'redress'),
  AWS_REGION: z._default(text(1), 'eu-west-2'),
  /** Set for DynamoDB Local; unset on AWS. */
  REDRESS_DYNAMODB_ENDPOINT: z.optional(z.url()),
  /** Set for the aws-ses-v2-local emulator; unset on AWS. */
  REDRESS_SES_ENDPOINT: z.optional(z.url()),
  REDRESS_SES_CONFIGURATION_SET: z.optional(text(1)),
  /** Set for an S3-compatible server on loopback (the tests' s3rver), reached by path; unset on AWS. */
  REDRESS_S3_ENDPOINT: z.optional(z.url()),
  /** S3 bucket of raw mail on AWS; when unset, raw mail is kept on disk under REDRESS_DATA_DIR. */
  REDRESS_RAW_MAIL_BUCKET: z.optional(text(3)),
  /** The S3 key prefix SES's receipt rule writes raw mail under. */
  REDRESS_RAW_MAIL_PREFIX: z._default(z.string(), 'inbound/'),
  REDRESS_DATA_DIR: z._default(text(1), resolve(REPO_ROOT, '.data')),
  REDRESS_OPERATOR_EMAIL: z._default(z.email(), 'operator@redress.localhost'),
  REDRESS_MAIL_DOMAIN: z._default(text(3), 'redress.localhost'),
  /** SES's S3 action takes messages up to 40 MB. */
  REDRESS_MAX_EMAIL_BYTES: count(40 * 1024 * 1024),
  /** Locally: the most recipients one message over SMTP may have (SES's own limit is 50); the next is answered 452. */
  REDRESS_SMTP_MAX_RECIPIENTS: count(50),
  REDRESS_MAX_ATTACHMENTS: count(20),
  REDRESS_MAX_ATTACHMENT_BYTES: count(25 * 1024 * 1024),
  REDRESS_MAX_HTML_TO_TEXT: count(2_000_000),
  REDRESS_MAX_MIME_PARTS: count(500),
  /** How much of a raw message is kept in memory to find the original of a bounce in it. */
  REDRESS_BOUNCE_SCAN_BYTES: count(1_000_000),
  /** How long a sender's one-acknowledgement-a-day claim is kept after its day (TTL). */
  REDRESS_ACK_CLAIM_DAYS: count(3),
  /**
   * How long a letter or notice about no case (a digest, a held-mail notice, the annual report) is kept once sent
   * (TTL): its words are staff mail, kept in the outbox only to send it once. Letters about a case go with the case.
   */
  REDRESS_SENT_NOTICE_KEEP_DAYS: count(30),
  /**
   * Raw mail stored and not taken in after this long (the intake crashed or kept failing) is found by the unclaimed
   * mail sweep and taken in again; a copy of a message already taken in is destroyed.
   */
  REDRESS_UNCLAIMED_MAIL_GRACE_MINUTES: count(60),
  /** At most this many unclaimed messages are dealt with in one run of the sweep; the rest wait for the next. */
  REDRESS_UNCLAIMED_MAIL_BATCH: count(100),
  /** How many times a change is decided again when another writer changed the case (or took the reference) first. */
  REDRESS_WRITE_RETRIES: count(30),
  /** The outbox sender: attempts per letter before it is given up (and operators told), backoff, lease, batch. */
  REDRESS_OUTBOX_MAX_ATTEMPTS: count(10),
  REDRESS_OUTBOX_RETRY_BASE_SECONDS: count(30),
  REDRESS_OUTBOX_RETRY_MAX_SECONDS: count(3600),
  REDRESS_OUTBOX_LEASE_SECONDS: count(120),
  REDRESS_OUTBOX_BATCH: count(200),
  /** Locally: how often `npm start` works through the outbox (on AWS the table's stream and a minute's schedule drive it). */
  REDRESS_OUTBOX_POLL_SECONDS: count(2),
  /** On AWS: how often the outbox sender sweeps for letters due a retry. */
  REDRESS_OUTBOX_SWEEP_MINUTES: count(1),
  /** The hour (Europe/London) reminders reach the handler, and the hour of the morning digest (AWS schedule and local clock). */
  REDRESS_REMINDER_HOUR: hour(9),
  REDRESS_DIGEST_HOUR: hour(8),
  /** Years after closure a case is destroyed when its policy states no retention period (most seeds do not). */
  REDRESS_RETENTION_YEARS: z._default(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(100))), 6),
  /** EventBridge Scheduler: how far ahead a timer already due is set, and its retries before the dead-letter queue. */
  REDRESS_TIMER_PAST_DUE_MARGIN_SECONDS: count(60),
  REDRESS_TIMER_RETRY_ATTEMPTS: count(10),
  REDRESS_TIMER_MAX_EVENT_AGE_SECONDS: count(86_400),
  /** On AWS: the HTTP API's stage throttle (requests a second, and burst), besides the form's own limits. */
  REDRESS_API_RATE_LIMIT: count(20),
  REDRESS_API_BURST_LIMIT: count(40),
  /**
   * Signs the web form's start time. On AWS it comes from Secrets Manager (REDRESS_FORM_SECRET_ARN); locally, unless
   * set, it is made on first start and kept in the data folder (secrets.json, the owner's alone). No default: a
   * public one would sign anyone's forgeries.
   */
  REDRESS_FORM_SECRET: z.optional(text(32, 'must be at least 32 characters')),
  /** On AWS: the Secrets Manager secret holding REDRESS_FORM_SECRET. */
  REDRESS_FORM_SECRET_ARN: z.optional(text(20)),
  REDRESS_FORM_MAX_BODY_BYTES: count(64 * 1024),
  /** The most a complainant may send from their page at once, words and files (API Gateway takes 10 MB). */
  REDRESS_PAGE_MAX_BODY_BYTES: count(9 * 1024 * 1024),
  /** The most a file staff add to a case from the console may be, with its form (API Gateway takes 10 MB). */
  REDRESS_CONSOLE_MAX_BODY_BYTES: count(9 * 1024 * 1024),
  /**
   * Guesses at complainants' pages: past this many addresses that open no page from one client address in the
   * window, every page request from it waits (429) until the window ends. Each is logged.
   */
  REDRESS_PAGE_MISS_LIMIT: count(10),
  REDRESS_PAGE_MISS_WINDOW_SECONDS: count(3600),
  /** Faster than this, a submission is a bot's. */
  REDRESS_FORM_MIN_FILL_SECONDS: count(3),
  REDRESS_FORM_MAX_AGE_SECONDS: count(86_400),
  REDRESS_FORM_PER_IP_LIMIT: count(5),
  REDRESS_FORM_PER_IP_WINDOW_SECONDS: count(600),
  REDRESS_FORM_PER_ORG_LIMIT: count(200),
  REDRESS_FORM_PER_ORG_WINDOW_SECONDS: count(3600),
  /** On AWS: where deadline timers live and what they invoke (set by the CDK stack). */
  REDRESS_SCHEDULE_GROUP: z.optional(text(1)),
  REDRESS_SCHEDULER_ROLE_ARN: z.optional(text(20)),
  REDRESS_DEADLINE_FUNCTION_ARN: z.optional(text(20)),
  REDRESS_TIMER_DLQ_ARN: z.optional(text(20)),
  /** Locally: how often `npm start` looks for timers that are due. */
  REDRESS_TIMER_POLL_SECONDS: count(15),
  REDRESS_SMTP_PORT: count(2525),
  REDRESS_HTTP_PORT: count(3000),
  /**
   * The HTTP front door as complainants reach it (forms and their own pages), e.g. https://complaints.example.org.
   * Locally http://localhost:<REDRESS_HTTP_PORT>; on AWS the stack sets the HTTP API's address.
   */
  REDRESS_PUBLIC_URL: z.optional(z.url('must be a web address such as https://complaints.example.org')),
  REDRESS_SES_PORT: count(8005),
  /** Locally: the port of `npm start`'s OpenID Connect provider (standing in for Cognito). */
  REDRESS_OIDC_PORT: count(3001),
  /** The console's sign-in: the provider's issuer URL (Cognito's on AWS; locally http://localhost:<REDRESS_OIDC_PORT>). */
  REDRESS_OIDC_ISSUER: z.optional(z.url('must be the provider\'s issuer URL')),
  REDRESS_OIDC_CLIENT_ID: z._default(text(1), 'redress-console'),
  /** Locally, unless set, made on first start with the other keys (the local provider and the console both read it); on AWS from REDRESS_OIDC_CLIENT_SECRET_ARN. */
  REDRESS_OIDC_CLIENT_SECRET: z.optional(text(16)),
  REDRESS_OIDC_CLIENT_SECRET_ARN: z.optional(text(20)),
  /** The claim the provider puts a person's groups in ("cognito:groups" on AWS). */
  REDRESS_OIDC_GROUPS_CLAIM: z._default(text(1), 'groups'),
  /** Cognito's logout address (https://<domain>/logout), which its discovery document does not publish. */
  REDRESS_OIDC_LOGOUT_URL: z.optional(z.url()),
  /** Signs the console's session cookie and the local file links; locally, unless set, made on first start like the form's; on AWS from REDRESS_SESSION_SECRET_ARN. */
  REDRESS_SESSION_SECRET: z.optional(text(32, 'must be at least 32 characters')),
  REDRESS_SESSION_SECRET_ARN: z.optional(text(20)),
  /** How long a console session lasts before signing in again. */
  REDRESS_SESSION_MINUTES: count(60),
  /** Cases per page in the console's case list. */
  REDRESS_CONSOLE_PAGE_SIZE: count(25),
  /** How long a link to a case's file (an attachment) works, in seconds, and only in the session it was made for. */
  REDRESS_FILE_LINK_SECONDS: count(300),
  /** On AWS, how long the presigned S3 GET a file link redirects to works, in seconds: only for the browser to follow it. */
  REDRESS_FILE_REDIRECT_SECONDS: count(30),
  /** A published report shows counts below this (from 1) as "fewer than N", so no complainant can be picked out. */
  REDRESS_REPORT_PUBLISH_THRESHOLD: count(5),
  /** Locally: the staff the local sign-in knows (made on first start, one per role of each policy). */
  REDRESS_LOCAL_STAFF_FILE: z.optional(text(1)),
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
  if (config.REDRESS_STACK === 'aws') {
    // On AWS a default table name would quietly point a function at the wrong table: the stack must say which.
    if (!env.REDRESS_TABLE) throw new ConfigError('REDRESS_TABLE must be set on AWS: the cases table (the CDK stack sets it)');
    return config;
  }
  return {
    ...config,
    REDRESS_DYNAMODB_ENDPOINT: config.REDRESS_DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${config.REDRESS_DYNAMODB_PORT}`,
    REDRESS_SES_ENDPOINT: config.REDRESS_SES_ENDPOINT ?? `http://127.0.0.1:${config.REDRESS_SES_PORT}`,
    REDRESS_PUBLIC_URL: config.REDRESS_PUBLIC_URL ?? `http://localhost:${config.REDRESS_HTTP_PORT}`,
    REDRESS_OIDC_ISSUER: config.REDRESS_OIDC_ISSUER ?? `http://localhost:${config.REDRESS_OIDC_PORT}`,
    REDRESS_LOCAL_STAFF_FILE: config.REDRESS_LOCAL_STAFF_FILE ?? join(config.REDRESS_DATA_DIR, 'staff.json'),
  };
}

/** What the deployment fills in where a policy is silent (`PolicySet`'s defaults). */
export function policyDefaultsFrom(config: Pick<Config, 'REDRESS_RETENTION_YEARS'>): { retentionYears: number } {
  return { retentionYears: config.REDRESS_RETENTION_YEARS };
}
