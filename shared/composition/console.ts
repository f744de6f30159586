import { assignablePeople, recordSignIn } from '#application/console/staff-people';
import { DynamoDbStaffDirectory } from '#adapters/dynamodb/dynamodb-staff-directory';
import type { StaffDirectory } from '#application/ports/staff-directory';
import { DateTime } from 'luxon';
import type { ConsoleDeps } from '#adapters/http/console-app';
import { OidcSignIn } from '#adapters/http/oidc-sign-in';
import { caseToActOn } from '#application/console/case-to-act-on';
import { policyTextFor } from '#application/console/policy-text-for';
import { actOnCase } from '#application/staff/act-on-case';
import { STAFF_ACTIONS, type StaffInput } from '#application/staff/staff-action-catalogue';
import { recordConfidentialView } from '#application/console/record-confidential-view';
import { discardHeldFor, heldFor } from '#application/console/held-access';
import type { HeldMail } from '#application/ports/held-mail';
import type { FileLinks } from '#application/ports/file-links';
import type { PendingActions } from '#application/ports/pending-actions';
import { DynamoDbPendingActions } from '#adapters/dynamodb/dynamodb-pending-actions';
import { mayReadReport } from '#domain/access/case-access';
import { morningView } from '#application/console/morning-view';
import { searchCases } from '#application/console/search-cases';
import { viewCase } from '#application/console/view-case';
import { letterToPrint } from '#application/console/letter-to-print';
import type { Cases } from '#application/ports/cases';
import type { RawMail } from '#application/ports/raw-mail';
import { policiesToRecordFor, recordComplaint } from '#application/console/record-complaint';
import { attachFile } from '#application/staff/attach-file';
import { S3RawMailStore } from '#adapters/s3/s3-raw-mail-store';
import type { Clock } from '#application/ports/clock';
import type { Counters } from '#application/ports/counters';
import type { Log } from '#application/ports/log';
import type { LetterPrinter } from '#application/ports/letter-printer';
import type { Metrics } from '#application/ports/metrics';
import { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';
import type { Outbox } from '#application/ports/outbox';
import type { StaffSessions } from '#application/ports/staff-sessions';
import type { Config } from '#config/config';
import type { PolicySet } from '#domain/policy/policy-set';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbCounters } from '#adapters/dynamodb/dynamodb-counters';
import { DynamoDbHeldMail } from '#adapters/dynamodb/dynamodb-held-mail';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { DynamoDbStaffSessions } from '#adapters/dynamodb/dynamodb-staff-sessions';
import { S3FileLinks } from '#adapters/s3/s3-file-links';
import { SealedFileLinks } from '#adapters/http/sealed-file-links';
import { systemClock } from '#adapters/clock/system-clock';
import { secretValue } from '#adapters/secrets/secret-value';
import { casesTable } from './cases-table.js';
import { consoleSessionSettings, consoleSessionSecret } from './console-session-settings.js';
import { s3Client } from './s3-client.js';
import { secretsClient } from './secrets-client.js';
import { powertoolsLog } from './powertools-log.js';
import { requiredSetting } from './required-setting.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

export interface ConsolePorts {
  readonly policies: PolicySet;
  readonly staffSessions: StaffSessions;
  readonly pendingActions: PendingActions;
  readonly fileLinks: FileLinks;
  readonly heldMail: HeldMail;
  /** Where a file staff add to a case is stored, as an email's attachments are. */
  readonly rawMail: RawMail;
  readonly cases: Cases;
  readonly counters: Counters;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly log: Log;
  readonly metrics: Metrics;
  readonly staffDirectory: StaffDirectory;
}

/** The console's pages over their ports and secrets, the same locally and in Lambda. */
export function consoleDeps(
  config: Config,
  ports: ConsolePorts,
  secrets: { readonly clientSecret: string; readonly sessionSecret: string },
  downloads?: ConsoleDeps['downloads'],
): ConsoleDeps {
  const deps = { ...settingsFrom(config), ...ports };
  const session = consoleSessionSettings(config, secrets.sessionSecret, ports.staffSessions, ports.clock, ports.policies);
  const base = session.publicUrl.replace(/\/+$/, '');
  return {
    ...session,
    signIn: new OidcSignIn({
      issuer: requiredSetting(config.REDRESS_OIDC_ISSUER, 'REDRESS_OIDC_ISSUER', 'the sign-in provider (Cognito)'),
      clientId: config.REDRESS_OIDC_CLIENT_ID,
      clientSecret: secrets.clientSecret,
      redirectUri: `${base}/console/callback`,
      postLogoutRedirectUri: `${base}/console/signed-out`,
      groupsClaim: config.REDRESS_OIDC_GROUPS_CLAIM,
      ...(config.REDRESS_OIDC_LOGOUT_URL ? { logoutUrl: config.REDRESS_OIDC_LOGOUT_URL } : {}),
    }),
    morning: (member) => morningView(deps, member, DateTime.fromJSDate(ports.clock.now())),
    viewCase: (member, reference, holder) => viewCase(deps, member, reference, DateTime.fromJSDate(ports.clock.now()), holder),
    actions: {
      caseFor: (member, reference, verb) => caseToActOn(deps, member, reference, STAFF_ACTIONS[verb].who),
      // The form's input is checked against the verb's schema inside actOnCase.
      act: (member, verb, reference, input, { preview, previewedVersion }) => actOnCase(deps, { kind: 'signed-in', member }, verb, reference, input as StaffInput<typeof verb>, { at: DateTime.fromJSDate(ports.clock.now()), preview, ...(previewedVersion === undefined ? {} : { previewedVersion }) }),
      sawConfidential: (member, reference, what) => recordConfidentialView(deps, member, reference, DateTime.fromJSDate(ports.clock.now()), what),
    },
    record: {
      policiesFor: (member) => policiesToRecordFor(ports.policies, member),
      open: (member, complaint) => recordComplaint(deps, member, complaint, DateTime.fromJSDate(ports.clock.now())),
    },
    staff: {
      signedIn: (member) => recordSignIn(deps, member, ports.clock.now()),
      assignable: (c, policy) => assignablePeople(deps, c, policy),
    },
    attach: (member, reference, file) => attachFile(deps, { kind: 'signed-in', member }, reference, file, { at: DateTime.fromJSDate(ports.clock.now()) }),
    maxUploadBytes: config.REDRESS_CONSOLE_MAX_BODY_BYTES,
    held: {
      list: (member) => heldFor(deps, member),
      discard: (member, id, reason) => discardHeldFor(deps, member, { id, at: DateTime.fromJSDate(ports.clock.now()), reason }),
    },
    organisations: ports.policies.all.map((p) => ({ id: p.id, name: p.organisation.name, stages: p.stages.map((st) => ({ id: st.id, name: st.name })) })),
    search: (member, search) => searchCases(deps, member, search, config.REDRESS_CONSOLE_PAGE_SIZE, DateTime.fromJSDate(ports.clock.now())),
    letters: {
      toPrint: (member, reference, id) => letterToPrint(deps, member, reference, id, DateTime.fromJSDate(ports.clock.now())),
      printer: { pdf: async (letter, options) => (await letterPrinter()).pdf(letter, options) },
    },
    policyText: (member, policyId) => policyTextFor(ports.policies, member, policyId),
    reportsFor: (member) => ports.policies.all.filter((p) => mayReadReport(member, p)).map((p) => p.id),
    sessionMinutes: config.REDRESS_SESSION_MINUTES,
    ...(downloads ? { downloads } : {}),
  };
}

/** The console function: cases, outbox and held mail in DynamoDB, links to files in S3, secrets from Secrets Manager. */
export async function composeStaffConsole(config: Config): Promise<{ deps: ConsoleDeps; log: ReturnType<typeof powertoolsLog>; metrics: PowertoolsMetrics }> {
  const table = casesTable(config);
  const log = powertoolsLog('redress-staff-console');
  const metrics = new PowertoolsMetrics('redress-staff-console');
  const bucket = requiredSetting(config.REDRESS_RAW_MAIL_BUCKET, 'REDRESS_RAW_MAIL_BUCKET', 'the bucket files are linked to from');
  const clientSecretArn = requiredSetting(config.REDRESS_OIDC_CLIENT_SECRET_ARN, 'REDRESS_OIDC_CLIENT_SECRET_ARN', "the Secrets Manager secret holding the Cognito app client's secret");
  const [clientSecret, sessionSecret] = await Promise.all([secretValue(secretsClient(config), clientSecretArn), consoleSessionSecret(config)]);
  // A file link is the console's own, opened only in the session it was made for; then the browser fetches the
  // file from S3 itself, on a GET the function's role signs for a few seconds: no bytes pass through the function.
  const links = new SealedFileLinks(sessionSecret, '', config.REDRESS_FILE_LINK_SECONDS, () => systemClock.now().getTime());
  const presigned = new S3FileLinks(s3Client(config), bucket, config.REDRESS_FILE_REDIRECT_SECONDS);
  const downloads: ConsoleDeps['downloads'] = async (token, holder) => {
    const file = links.open(token, holder);
    return file ? { redirectTo: await presigned.presign(file) } : undefined;
  };
  const ports: ConsolePorts = {
    policies: deployedPolicies(config),
    staffSessions: new DynamoDbStaffSessions(table),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    counters: new DynamoDbCounters(table),
    outbox: new DynamoDbOutbox(table, config.REDRESS_SENT_NOTICE_KEEP_DAYS * 86_400),
    pendingActions: new DynamoDbPendingActions(table),
    heldMail: new DynamoDbHeldMail(table),
    rawMail: new S3RawMailStore(s3Client(config), bucket),
    fileLinks: links,
    clock: systemClock,
    log,
    metrics,
    staffDirectory: new DynamoDbStaffDirectory(table),
  };
  return { deps: consoleDeps(config, ports, { clientSecret, sessionSecret }, downloads), log, metrics };
}

let printer: Promise<LetterPrinter> | undefined;

/**
 * pdf-lib, fontkit and the two font files load on the first PDF asked for, once per process, not at every cold
 * start of the console; a failed load is not kept, so the next PDF tries again.
 */
function letterPrinter(): Promise<LetterPrinter> {
  printer ??= (async () => {
    const pdf = await import('#adapters/pdf/pdf-letter-printer');
    return new pdf.PdfLetterPrinter(await pdf.letterFontFiles());
  })().catch((error: unknown) => {
    printer = undefined;
    throw error;
  });
  return printer;
}
