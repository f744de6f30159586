import { DynamoDbStaffDirectory } from '#adapters/dynamodb/dynamodb-staff-directory';
import { policyDefaultsFrom } from '#config/config';
import { join } from 'node:path';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbCounters } from '#adapters/dynamodb/dynamodb-counters';
import { DynamoDbHeldMail } from '#adapters/dynamodb/dynamodb-held-mail';
import { DynamoDbMailReceipts } from '#adapters/dynamodb/dynamodb-mail-receipts';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { awaitLocalCommits } from '#adapters/dynamodb/local-commit-barrier';
import { DynamoDbRateLimiter } from '#adapters/dynamodb/dynamodb-rate-limiter';
import { DynamoDbStaffSessions } from '#adapters/dynamodb/dynamodb-staff-sessions';
import { DynamoDbTimers } from '#adapters/dynamodb/dynamodb-timers';
import { FileRawMailStore } from '#adapters/file/file-raw-mail-store';
import { localSecrets } from '#adapters/file/local-secrets';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { SesEmulatorMailer } from '#adapters/ses/ses-emulator-mailer';
import { MemoryMetrics } from '#adapters/memory/memory-metrics';
import { systemClock } from '#adapters/clock/system-clock';
import type { Clock } from '#application/ports/clock';
import type { Log } from '#application/ports/log';
import type { Mailer } from '#application/ports/mailer';
import type { Timers } from '#application/ports/timers';
import type { Config } from '#config/config';
import type { PolicySet } from '#domain/policy/policy-set';
import { casesTable } from './cases-table.js';
import { sesClient } from './ses-client.js';
import { complainantPageDeps } from './complainant-page.js';
import { SealedFileLinks } from '#adapters/http/sealed-file-links';
import { DynamoDbReportRecords } from '#adapters/dynamodb/dynamodb-report-records';
import { DynamoDbPendingActions } from '#adapters/dynamodb/dynamodb-pending-actions';
import { consoleDeps } from './console.js';
import { consoleReportsDeps } from './console-reports.js';
import { heldReleaseDeps } from './held-release.js';
import { formHandlerDeps } from './complaint-form.js';
import { settingsFrom } from './settings.js';
import { bindUseCases, type Ports } from './use-cases.js';

/** The configuration of the local stack: its signing keys always there, from the environment or the data folder. */
export type LocalConfig = Config & { readonly REDRESS_FORM_SECRET: string; readonly REDRESS_SESSION_SECRET: string; readonly REDRESS_OIDC_CLIENT_SECRET: string };

/** The keys the environment sets, and for any it does not, the data folder's own (made on first start). */
export function withLocalSecrets(config: Config): LocalConfig {
  const { REDRESS_FORM_SECRET: form, REDRESS_SESSION_SECRET: session, REDRESS_OIDC_CLIENT_SECRET: oidcClient } = config;
  if (form && session && oidcClient) return { ...config, REDRESS_FORM_SECRET: form, REDRESS_SESSION_SECRET: session, REDRESS_OIDC_CLIENT_SECRET: oidcClient };
  const kept = localSecrets(config.REDRESS_DATA_DIR);
  return { ...config, REDRESS_FORM_SECRET: form ?? kept.form, REDRESS_SESSION_SECRET: session ?? kept.session, REDRESS_OIDC_CLIENT_SECRET: oidcClient ?? kept.oidcClient };
}

/**
 * The whole pipeline on this machine (npm start, the CLI, tests, benchmarks): DynamoDB Local, raw mail on disk,
 * the SES emulator, timers in the store. The same use cases as the Lambda functions, over local adapters.
 */
export function composeLocalStack(environment: Config, options: { log: Log; policies?: PolicySet; clock?: Clock; mailer?: Mailer; timers?: Timers; awaitCommits?: boolean }) {
  const config = withLocalSecrets(environment);
  const table = casesTable(config);
  // Off only where nothing is killed and every request is counted as AWS would bill it (the cost benchmark).
  if (options.awaitCommits !== false) awaitLocalCommits(table);
  const timers = new DynamoDbTimers(table.client, table.name);
  const ports: Ports = {
    policies: options.policies ?? loadPolicyDirectory(config.REDRESS_POLICIES_DIR, policyDefaultsFrom(config)),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    counters: new DynamoDbCounters(table),
    heldMail: new DynamoDbHeldMail(table),
    outbox: new DynamoDbOutbox(table, config.REDRESS_SENT_NOTICE_KEEP_DAYS * 86_400),
    reportRecords: new DynamoDbReportRecords(table),
    pendingActions: new DynamoDbPendingActions(table),
    timers: options.timers ?? timers,
    rawMail: new FileRawMailStore(join(config.REDRESS_DATA_DIR, 'mail')),
    receipts: new DynamoDbMailReceipts(table),
    mailer: options.mailer ?? new SesEmulatorMailer(sesClient(config), config.REDRESS_SES_ENDPOINT ?? `http://127.0.0.1:${config.REDRESS_SES_PORT}`),
    clock: options.clock ?? systemClock,
    log: options.log,
    // No CloudWatch locally: counts are kept in memory.
    metrics: new MemoryMetrics(),
    staffDirectory: new DynamoDbStaffDirectory(table),
  };
  const rateLimiter = new DynamoDbRateLimiter(table.client, table.name);
  const staffSessions = new DynamoDbStaffSessions(table);
  return {
    ...ports,
    config,
    table,
    localTimers: timers,
    useCases: bindUseCases(ports, settingsFrom(config)),
    form: (secret: string = config.REDRESS_FORM_SECRET) => formHandlerDeps(config, { ...ports, rateLimiter }, secret),
    complainantPage: () => complainantPageDeps(config, { ...ports, rateLimiter }),
    console: () => {
      // Links relative to the console, as on AWS: they open only in the session of the page they are on.
      const links = new SealedFileLinks(config.REDRESS_SESSION_SECRET, '', config.REDRESS_FILE_LINK_SECONDS, () => ports.clock.now().getTime());
      const downloads = async (token: string, holder: string) => {
        const file = links.open(token, holder);
        return file ? { ...file, content: await ports.rawMail.open(file.storageKey) } : undefined;
      };
      return consoleDeps(config, { ...ports, staffSessions, fileLinks: links }, { clientSecret: config.REDRESS_OIDC_CLIENT_SECRET, sessionSecret: config.REDRESS_SESSION_SECRET }, downloads);
    },
    consoleReports: () => consoleReportsDeps(config, { ...ports, staffSessions }, config.REDRESS_SESSION_SECRET),
    heldRelease: () => heldReleaseDeps(config, { ...ports, staffSessions }, config.REDRESS_SESSION_SECRET),
  };
}

export type LocalStack = ReturnType<typeof composeLocalStack>;
