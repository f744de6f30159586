import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyAlreadyInProgressError, IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { DynamoDbCaseStore } from '#adapters/dynamodb/dynamodb-case-store';
import { IDEMPOTENCY_PARTITION, TABLE_KEYS } from '#adapters/dynamodb/table-design';
import type { Config } from '#config/config';
import { ingestEmail, type InboundEmail, type IntakeDeps, type IntakeOutcome } from '#application/intake/ingest-email';
import { attemptContext } from './attempt-context.js';
import { timersFor } from './timers-for.js';
import { submitWebComplaint, type WebSubmission } from '#application/intake/submit-web-complaint';
import type { SubmitResult } from '#adapters/http/form-http-handler';
import { DateTime } from 'luxon';
import { CaseLifecycle } from '#application/staff/case-lifecycle';
import { londonToday, sendDigest, type DigestOutcome } from '#application/correspondence/send-digest';
import type { Timers } from '#application/ports/timers';
import { fireTimer, type FireOutcome } from '#application/deadlines/fire-timer';
import type { TimerInput } from '#domain/timers/timer-plan';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Log } from '#application/ports/logger';
import type { Mailer } from '#application/ports/mailer';
import type { RawMailStore } from '#application/ports/raw-mail-store';

const LOCAL_ATTEMPT_BUDGET_MS = 120_000;
const IN_PROGRESS = Symbol('in progress elsewhere');

/**
 * Runs an idempotent operation. In Lambda, an attempt's in-progress mark lapses when the invocation would have
 * timed out, so a retry after a crash is not blocked; elsewhere an attempt gets a fixed budget. The same work
 * under way elsewhere is reported, not waited for.
 */
async function once<T>(config: IdempotencyConfig, lambdaContext: Context | undefined, work: () => Promise<T>): Promise<T | typeof IN_PROGRESS> {
  config.registerLambdaContext(lambdaContext ?? attemptContext(LOCAL_ATTEMPT_BUDGET_MS));
  try {
    return await work();
  } catch (error) {
    if (error instanceof IdempotencyAlreadyInProgressError) return IN_PROGRESS;
    throw error;
  }
}

/** A delivery to take in: `deliveryId` is SES's message id on AWS, the raw message's digest locally. */
export interface Delivery extends InboundEmail {
  readonly deliveryId: string;
}

export type DeliveryResult =
  | { readonly status: 'done'; readonly outcomes: IntakeOutcome[] }
  /** The same delivery is being taken in right now by another worker; it will finish it. */
  | { readonly status: 'in-progress' };

export interface IntakeService {
  readonly deps: IntakeDeps;
  take(delivery: Delivery, lambdaContext?: Context): Promise<DeliveryResult>;
  /** Opens the case for a web form submission, once per submission key. */
  submitForm(submission: WebSubmission, lambdaContext?: Context): Promise<SubmitResult>;
  /** What staff do to cases: signature, stage, extension, outcome, closure. */
  readonly lifecycle: CaseLifecycle;
  /** Sends one organisation's morning digest, once per organisation and day. */
  digest(policyId: string, now: DateTime, lambdaContext?: Context): Promise<DigestOutcome | 'in-progress'>;
  /** Handles a timer that went off, once per timer. */
  fire(input: TimerInput, lambdaContext?: Context): Promise<FireOutcome | 'in-progress'>;
}

export interface IntakeServiceParts {
  readonly config: Config;
  readonly policies: PolicySet;
  readonly dynamodb: DynamoDBClient;
  readonly rawMail: RawMailStore;
  readonly mailer: Mailer;
  /** By default, what timersFor() gives for the configuration. */
  readonly timers?: Timers;
  readonly log: Log;
  /** The clock; `redress clock run-due --now` moves it. */
  readonly now?: () => Date;
}

/**
 * Wires intake to its adapters, and makes each delivery once-only with Powertools idempotency: a delivery
 * seen before returns its first result; one under way elsewhere is reported as in progress.
 */
export function createIntakeService(parts: IntakeServiceParts): IntakeService {
  const { config } = parts;
  const deps: IntakeDeps = {
    policies: parts.policies,
    store: new DynamoDbCaseStore(parts.dynamodb, config.REDRESS_TABLE),
    rawMail: parts.rawMail,
    mailer: parts.mailer,
    limits: {
      maxEmailBytes: config.REDRESS_MAX_EMAIL_BYTES,
      maxHtmlLengthToParse: config.REDRESS_MAX_HTML_TO_TEXT,
      maxMimeParts: config.REDRESS_MAX_MIME_PARTS,
      maxAttachments: config.REDRESS_MAX_ATTACHMENTS,
      maxAttachmentBytes: config.REDRESS_MAX_ATTACHMENT_BYTES,
    },
    operatorEmail: config.REDRESS_OPERATOR_EMAIL,
    ownAddresses: [config.REDRESS_OPERATOR_EMAIL],
    mailDomain: config.REDRESS_MAIL_DOMAIN,
    log: parts.log,
    timers: parts.timers ?? timersFor(config, parts.dynamodb),
    now: parts.now ?? (() => new Date()),
    fireTimer: (input) => fireOnce(input),
  };
  // One persistence layer per idempotent operation: a layer takes the configuration of the first operation
  // that uses it and ignores any other, so sharing one would key every operation by the first one's key.
  const persistenceStore = () =>
    new DynamoDBPersistenceLayer({
      tableName: config.REDRESS_TABLE,
      keyAttr: TABLE_KEYS.partitionKey,
      sortKeyAttr: TABLE_KEYS.sortKey,
      staticPkValue: IDEMPOTENCY_PARTITION,
      awsSdkV3Client: parts.dynamodb,
    });
  const idempotency = new IdempotencyConfig({
    eventKeyJmesPath: 'deliveryId',
    expiresAfterSeconds: config.REDRESS_DUPLICATE_WINDOW_SECONDS,
  });
  const takeOnce = makeIdempotent((delivery: Delivery) => ingestEmail(deps, delivery), { persistenceStore: persistenceStore(), config: idempotency, keyPrefix: 'email' });
  // A timer is once-only by its whole input (case, stage, kind, due time, deadlines version, purpose).
  const fireIdempotency = new IdempotencyConfig({ expiresAfterSeconds: config.REDRESS_DUPLICATE_WINDOW_SECONDS });
  const fireOnce = makeIdempotent((input: TimerInput) => fireTimer(deps, input), { persistenceStore: persistenceStore(), config: fireIdempotency, keyPrefix: 'timer' });
  const digestIdempotency = new IdempotencyConfig({ eventKeyJmesPath: '[policyId, date]', expiresAfterSeconds: 3 * 86_400 });
  const digestOnce = makeIdempotent(
    (request: { policyId: string; date: string; now: string }) => sendDigest(deps, request.policyId, DateTime.fromISO(request.now)),
    { persistenceStore: persistenceStore(), config: digestIdempotency, keyPrefix: 'digest' },
  );
  const formIdempotency = new IdempotencyConfig({
    eventKeyJmesPath: '[policyId, submissionKey]',
    expiresAfterSeconds: config.REDRESS_DUPLICATE_WINDOW_SECONDS,
  });
  const submitOnce = makeIdempotent((submission: WebSubmission) => submitWebComplaint(deps, submission), {
    persistenceStore: persistenceStore(),
    config: formIdempotency,
    keyPrefix: 'web',
  });

  return {
    deps,
    lifecycle: new CaseLifecycle(deps),
    async take(delivery, lambdaContext) {
      const outcomes = await once(idempotency, lambdaContext, () => takeOnce(delivery));
      return outcomes === IN_PROGRESS ? { status: 'in-progress' } : { status: 'done', outcomes };
    },
    async digest(policyId, now, lambdaContext) {
      // Keyed by organisation and London date (not the instant): a retried morning sends one digest.
      const outcome = await once(digestIdempotency, lambdaContext, () => digestOnce({ policyId, date: londonToday(now), now: now.toISO() as string }));
      return outcome === IN_PROGRESS ? 'in-progress' : outcome;
    },
    async fire(input, lambdaContext) {
      const outcome = await once(fireIdempotency, lambdaContext, () => fireOnce(input));
      return outcome === IN_PROGRESS ? 'in-progress' : outcome;
    },
    async submitForm(submission, lambdaContext) {
      const outcome = await once(formIdempotency, lambdaContext, () => submitOnce(submission));
      if (outcome === IN_PROGRESS) return { status: 'in-progress' };
      if (outcome.kind !== 'case-opened') throw new Error(`a web submission gave ${outcome.kind}, not a case`);
      return { status: 'done', reference: outcome.reference, acknowledged: outcome.acknowledged };
    },
  };
}
