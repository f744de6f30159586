import { acknowledge } from '#application/staff/acknowledge';
import { addNote } from '#application/staff/add-note';
import { addParticipant } from '#application/staff/add-participant';
import { closeCase } from '#application/staff/close-case';
import { issuePage, revokePage } from '#application/staff/complainant-page';
import { earlyResolution } from '#application/staff/early-resolution';
import { escalate } from '#application/staff/escalate';
import { extendDeadline, type ExtendRequest } from '#application/staff/extend-deadline';
import { markDeadlineMet } from '#application/staff/mark-deadline-met';
import { openStaffCase, type StaffOpenRequest } from '#application/staff/open-case';
import { named } from '#application/staff/named';
import { reassign } from '#application/staff/reassign';
import type { NamedDecision } from '#domain/case/actions/named';
import { recordEvent } from '#application/staff/record-event';
import { recordMeeting } from '#application/staff/record-meeting';
import { recordOutcome } from '#application/staff/record-outcome';
import { redirect } from '#application/staff/redirect';
import { reopen } from '#application/staff/reopen';
import { notARequest } from '#application/staff/not-a-request';
import { setCategory } from '#application/staff/set-category';
import { markActionDone } from '#application/staff/mark-action-done';
import { recordReferral } from '#application/staff/record-referral';
import { signCase } from '#application/staff/sign-case';
import type { StaffDeps, StaffRequest } from '#application/staff/staff-deps';
import type { OpenComplaintDeps } from '#application/intake/open-complaint';
import { withdraw } from '#application/staff/withdraw';
import type { EscalateRequest } from '#domain/case/actions/escalate';
import type { OutcomeRequest } from '#domain/case/actions/record-outcome';

/**
 * The staff actions bound to their ports: the CLI's and the console's. The console also binds them over a store
 * that keeps the write instead of making it, to preview exactly the letter an action would send.
 */
export function bindStaffActions(deps: StaffDeps & OpenComplaintDeps) {
  return {
    open: (request: StaffOpenRequest) => openStaffCase(deps, request),
    acknowledge: (request: StaffRequest & { respondBy?: string; byPostOrPhone?: boolean }) => acknowledge(deps, request),
    sign: (request: StaffRequest) => signCase(deps, request),
    event: (request: StaffRequest & { event: string }) => recordEvent(deps, request),
    meeting: (request: StaffRequest & { offeredFor?: string; held?: boolean }) => recordMeeting(deps, request),
    met: (request: StaffRequest & { kind: string }) => markDeadlineMet(deps, request),
    extend: (request: ExtendRequest) => extendDeadline(deps, request),
    outcome: (request: StaffRequest & OutcomeRequest) => recordOutcome(deps, request),
    escalate: (request: StaffRequest & EscalateRequest) => escalate(deps, request),
    withdraw: (request: StaffRequest & { confirmedInWriting: boolean }) => withdraw(deps, request),
    redirect: (request: StaffRequest & { outOfScope: string }) => redirect(deps, request),
    earlyResolution: (request: StaffRequest & { summary: string }) => earlyResolution(deps, request),
    reassign: (request: StaffRequest & { role: string }) => reassign(deps, request),
    named: (request: StaffRequest & { decision: NamedDecision; reason?: string }) => named(deps, request),
    note: (request: StaffRequest & { text: string }) => addNote(deps, request),
    close: (request: StaffRequest) => closeCase(deps, request),
    reopen: (request: StaffRequest & { reason: string }) => reopen(deps, request),
    notARequest: (request: StaffRequest & { reason?: string }) => notARequest(deps, request),
    setCategory: (request: StaffRequest & { category: string }) => setCategory(deps, request),
    markActionDone: (request: StaffRequest & { action: number }) => markActionDone(deps, request),
    recordReferral: (request: StaffRequest & { body: string }) => recordReferral(deps, request),
    addParticipant: (request: StaffRequest & { email: string }) => addParticipant(deps, request),
    issuePage: (request: StaffRequest) => issuePage(deps, request),
    revokePage: (request: StaffRequest) => revokePage(deps, request),
  };
}

export type StaffActions = ReturnType<typeof bindStaffActions>;
