import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbCounters } from '#adapters/dynamodb/dynamodb-counters';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { DynamoDbRateLimiter } from '#adapters/dynamodb/dynamodb-rate-limiter';
import type { ComplainantPageDeps } from '#adapters/http/complainant-page-app';
import { S3RawMailStore } from '#adapters/s3/s3-raw-mail-store';
import { systemClock } from '#adapters/clock/system-clock';
import { addInformation } from '#application/complainant/add-information';
import { askForReview } from '#application/complainant/ask-for-review';
import { sendFeedback } from '#application/complainant/give-feedback';
import { confirmAddressByLink, viewAddressConfirmation } from '#application/complainant/confirm-address';
import { viewComplainantPage } from '#application/complainant/view-page';
import type { Cases } from '#application/ports/cases';
import type { Clock } from '#application/ports/clock';
import type { Counters } from '#application/ports/counters';
import type { Log } from '#application/ports/log';
import type { Outbox } from '#application/ports/outbox';
import type { RateLimiter } from '#application/ports/rate-limiter';
import type { RawMail } from '#application/ports/raw-mail';
import type { Config } from '#config/config';
import type { PolicySet } from '#domain/policy/policy-set';
import { DateTime } from 'luxon';
import { casesTable } from './cases-table.js';
import { s3Client } from './s3-client.js';
import { powertoolsLog } from './powertools-log.js';
import { requiredSetting } from './required-setting.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

export interface ComplainantPagePorts {
  readonly policies: PolicySet;
  readonly rateLimiter: RateLimiter;
  readonly cases: Cases;
  readonly counters: Counters;
  readonly outbox: Outbox;
  readonly rawMail: RawMail;
  readonly clock: Clock;
  readonly log: Log;
}

/** The complainant page's routes over their ports, the same locally and in Lambda. */
export function complainantPageDeps(config: Config, ports: ComplainantPagePorts): ComplainantPageDeps {
  const deps = { ...settingsFrom(config), ...ports };
  return {
    view: (token) => viewComplainantPage(deps, token),
    addInformation: (request) => addInformation(deps, request),
    askForReview: (request) => askForReview(deps, { ...request, at: DateTime.fromJSDate(request.at) }),
    sendFeedback: (request) => sendFeedback(deps, { ...request, at: DateTime.fromJSDate(request.at) }),
    viewAddressConfirmation: (link) => viewAddressConfirmation(deps, link),
    confirmAddress: (link) => confirmAddressByLink(deps, link),
    maxBodyBytes: config.REDRESS_PAGE_MAX_BODY_BYTES,
    maxAttachmentBytes: config.REDRESS_MAX_ATTACHMENT_BYTES,
    now: () => ports.clock.now(),
    rateLimiter: ports.rateLimiter,
    guesses: { limit: config.REDRESS_PAGE_MISS_LIMIT, windowSeconds: config.REDRESS_PAGE_MISS_WINDOW_SECONDS },
    log: ports.log,
  };
}

/** The complainant page function: cases, the outbox and the count of guesses at pages in DynamoDB, files into the raw-mail bucket. No SES. */
export function composeComplainantPage(config: Config): { deps: ComplainantPageDeps; log: ReturnType<typeof powertoolsLog> } {
  const table = casesTable(config);
  const log = powertoolsLog('redress-complainant-page');
  const ports: ComplainantPagePorts = {
    policies: deployedPolicies(config),
    rateLimiter: new DynamoDbRateLimiter(table.client, table.name),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    counters: new DynamoDbCounters(table),
    outbox: new DynamoDbOutbox(table, config.REDRESS_SENT_NOTICE_KEEP_DAYS * 86_400),
    rawMail: new S3RawMailStore(s3Client(config), requiredSetting(config.REDRESS_RAW_MAIL_BUCKET, 'REDRESS_RAW_MAIL_BUCKET', 'the bucket raw mail and its attachments are kept in')),
    clock: systemClock,
    log,
  };
  return { deps: complainantPageDeps(config, ports), log };
}
