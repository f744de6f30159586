import type { StaffDirectory } from '#application/ports/staff-directory';
import type { DateTime } from 'luxon';
import { retryLetter } from '#application/correspondence/retry-letter';
import { sendDigest } from '#application/correspondence/send-digest';
import { sendAnnualReport } from '#application/reporting/send-annual-report';
import { sendThemes } from '#application/oversight/send-themes';
import { sendQuarterlySummary } from '#application/oversight/send-quarterly-summary';
import { sendDueLetters } from '#application/correspondence/send-due-letters';
import { fireTimer } from '#application/deadlines/fire-timer';
import { discardHeld } from '#application/held/discard-held';
import { releaseHeld, type ReleaseRequest } from '#application/held/release-held';
import { submitWebComplaint, type WebSubmission } from '#application/intake/submit-web-complaint';
import { takeEmail, type InboundEmail } from '#application/intake/take-email';
import { takeReceivedEmail } from '#application/intake/take-received-email';
import { sweepUnclaimedMail } from '#application/intake/sweep-unclaimed-mail';
import type { MailReceipts } from '#application/ports/mail-receipts';
import type { Cases } from '#application/ports/cases';
import type { Clock } from '#application/ports/clock';
import type { Counters } from '#application/ports/counters';
import type { HeldMail } from '#application/ports/held-mail';
import type { Log } from '#application/ports/log';
import type { Metrics } from '#application/ports/metrics';
import type { Mailer } from '#application/ports/mailer';
import type { Outbox } from '#application/ports/outbox';
import type { RawMail } from '#application/ports/raw-mail';
import type { Timers } from '#application/ports/timers';
import { addInformation, type AddInformation } from '#application/complainant/add-information';
import { askForReview } from '#application/complainant/ask-for-review';
import { sendFeedback } from '#application/complainant/give-feedback';
import { confirmAddressByLink, viewAddressConfirmation, type ConfirmLink } from '#application/complainant/confirm-address';
import { viewComplainantPage } from '#application/complainant/view-page';
import type { TimerInput } from '#domain/timers/timer-plan';
import type { PolicySet } from '#domain/policy/policy-set';
import { mailReaderFor } from './mail-reader.js';
import type { Settings } from './settings.js';
import { openStaffCase, type StaffOpenRequest } from '#application/staff/open-case';
import { attachFile, type StaffFile } from '#application/staff/attach-file';
import { recordComplaint, type RecordedComplaint } from '#application/console/record-complaint';
import type { StaffMember } from '#domain/access/staff-member';
import { commandLineVerbs } from '#application/staff/staff-verbs';
import { actOnCase, type StaffActor } from '#application/staff/act-on-case';
import type { StaffInput, StaffVerb } from '#application/staff/staff-action-catalogue';
import type { ReportRecords } from '#application/ports/report-records';
import type { PendingActions } from '#application/ports/pending-actions';
import { annualReport } from '#application/reporting/annual-report';
import { rebuildReportIndexes } from '#application/reporting/rebuild-report-indexes';
import { monitoringExport, type MonitoringExportRequest } from '#application/reporting/monitoring-export';

/** Every port, for the entry points that use them all: the local stack, the CLI and tests. */
export interface Ports {
  readonly policies: PolicySet;
  readonly cases: Cases;
  readonly counters: Counters;
  readonly heldMail: HeldMail;
  readonly outbox: Outbox;
  readonly reportRecords: ReportRecords;
  readonly pendingActions: PendingActions;
  readonly timers: Timers;
  readonly rawMail: RawMail;
  readonly receipts: MailReceipts;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly log: Log;
  readonly metrics: Metrics;
  /** Who has signed in to the console, per organisation: whom a case may be assigned to. */
  readonly staffDirectory: StaffDirectory;
}

/** Every use case bound to one set of ports: the same code over DynamoDB Local and files, or over memory fakes. */
export function bindUseCases(ports: Ports, settings: Settings) {
  const deps = { ...ports, ...settings, mailReader: mailReaderFor(ports.rawMail, settings) };
  return {
    takeEmail: (inbound: InboundEmail) => takeEmail(deps, inbound),
    /** Before raw mail is stored: what the unclaimed-mail sweep finds if it is never taken in. */
    noteMailReceipt: (inbound: InboundEmail) => ports.receipts.note(inbound),
    takeReceivedEmail: (inbound: InboundEmail) => takeReceivedEmail(deps, inbound),
    sweepUnclaimedMail: () => sweepUnclaimedMail(deps, settings.unclaimedMail),
    annualReport: (policyId: string, year: number) => annualReport(deps, policyId, year),
    rebuildReportIndexes: (policyId: string) => rebuildReportIndexes(deps, policyId),
    monitoringExport: (request: MonitoringExportRequest) => monitoringExport(deps, request),
    submitWebComplaint: (submission: WebSubmission) => submitWebComplaint(deps, submission),
    fireTimer: (input: TimerInput) => fireTimer(deps, input),
    sendDigest: (policyId: string, now: DateTime) => sendDigest(deps, policyId, now),
    sendAnnualReport: (policyId: string, now: DateTime) => sendAnnualReport(deps, policyId, now),
    sendThemes: (policyId: string, now: DateTime) => sendThemes(deps, policyId, now),
    sendQuarterlySummary: (policyId: string, now: DateTime) => sendQuarterlySummary(deps, policyId, now),
    sendDueLetters: () => sendDueLetters(deps),
    retryLetter: (id: string) => retryLetter(deps, id),
    complainant: {
      view: (token: string) => viewComplainantPage(deps, token),
      addInformation: (request: AddInformation) => addInformation(deps, request),
      askForReview: (request: { token: string; fromStage: string; at: DateTime; reasons?: string }) => askForReview(deps, request),
      sendFeedback: (request: { token: string; at: DateTime; posted: Readonly<Record<string, unknown>> }) => sendFeedback(deps, request),
      viewAddressConfirmation: (link: ConfirmLink) => viewAddressConfirmation(deps, link),
      confirmAddress: (link: ConfirmLink & { at: Date }) => confirmAddressByLink(deps, link),
    },
    held: {
      list: (scope: string, which?: 'waiting' | 'settled') => ports.heldMail.list(scope, which),
      release: (request: ReleaseRequest) => releaseHeld(deps, request),
      discard: (request: { id: string; at: DateTime; actor: string; reason: string }) => discardHeld(deps, request),
    },
    /** One staff action on a case, as the console takes it (a signed-in person's permissions, a preview). */
    act: <V extends StaffVerb>(actor: StaffActor, verb: V, reference: string, input: StaffInput<V>, options: { readonly at: DateTime; readonly preview?: boolean }) => actOnCase(deps, actor, verb, reference, input, options),
    /** Opening a case, and every verb of the staff-action catalogue as the command line (and tests) call it. */
    staff: { open: (request: StaffOpenRequest) => openStaffCase(deps, request), ...commandLineVerbs(deps) },
    /** A complaint a signed-in person took down (the console's record page): `staff.open` with their permission checked. */
    record: (member: StaffMember, complaint: RecordedComplaint, now: DateTime) => recordComplaint(deps, member, complaint, now),
    /** A file (a scanned letter, notes of a call) stored and recorded on a case (`case attach`). */
    attach: (actor: StaffActor, reference: string, file: StaffFile, options: { readonly at: DateTime }) => attachFile(deps, actor, reference, file, options),
  };
}

export type UseCases = ReturnType<typeof bindUseCases>;

