import type { Case, CaseFlag } from '#domain/case/case';
import { recordBounce, recordMailIn } from '#domain/case/mail-in';
import { findReferences } from '#domain/case/case-reference';
import { recordStaffMail, senderRolesAbout, StaffMailFromPersonAboutError } from '#domain/case/staff-mail';
import { rolesAbout } from '#domain/case/named-in-complaint';
import { classifyEmail } from '#domain/mail/classify-email';
import { EmailTooLargeError, MalformedEmailError } from '#domain/mail/mail-errors';
import { messageIdsIn, providerThreadKeyFor, threadKey } from '#domain/mail/message-id';
import type { EmailParseLimits } from '#domain/mail/email-parse-limits';
import type { ParsedEmail } from '#domain/mail/parsed-email';
import { senderOf } from '#domain/mail/sender';
import { senderAuthentication } from '#domain/mail/sender-authentication';
import type { Sending } from '#domain/letters/addressing';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import { staffAddressesOf } from '#domain/policy/staff-addresses';
import { changeCase } from '../change-case.js';
import type { Cases, InboundOutcome } from '../ports/cases.js';
import type { Clock } from '../ports/clock.js';
import type { Counters } from '../ports/counters.js';
import type { HeldMail } from '../ports/held-mail.js';
import type { Log } from '../ports/log.js';
import type { Metrics } from '../ports/metrics.js';
import type { RawMail } from '../ports/raw-mail.js';
import { ClaimTakenError, ItemTooLargeError } from '../ports/store-errors.js';
import { holdMessage } from './hold-message.js';
import type { InboundEmail, IntakeOutcome } from './inbound-email.js';
import { emailComplaint } from './email-complaint.js';
import { openComplaint } from './open-complaint.js';
import { takeRestrictedMail } from './restricted-mail-intake.js';
import { restrictionKeyOfAddress } from '#domain/case/contact-restriction';
import type { MailReader } from '../ports/mail-reader.js';

export type { InboundEmail, IntakeOutcome, Verdict, Verdicts } from './inbound-email.js';

export interface IntakeLimits extends EmailParseLimits {
  /** Messages larger than this are held unparsed (SES's S3 action takes up to 40 MB). */
  readonly maxEmailBytes: number;
}

export interface TakeEmailDeps {
  readonly policies: PolicySet;
  readonly cases: Cases;
  readonly counters: Counters;
  readonly heldMail: HeldMail;
  readonly rawMail: RawMail;
  readonly clock: Clock;
  readonly log: Log;
  readonly metrics: Metrics;
  readonly sending: Sending;
  readonly limits: IntakeLimits;
  /** Addresses Redress sends from besides the complaints addresses: their mail is never a complaint. */
  readonly ownAddresses: readonly string[];
  readonly writeRetries: number;
  readonly mailReader: MailReader;
}

/**
 * Takes one stored inbound email through intake: size check, bounded parse, routing by recipient, then
 * per policy: quarantine, loop and auto-reply guards, bounces, threading, or a new case. Every outcome is one
 * atomic write that carries the letters it owes, so when this returns the message is a case, on a case, or
 * held, for good. Safe to run again for the same message: its digest is claimed in that write.
 */
export async function takeEmail(deps: TakeEmailDeps, inbound: InboundEmail): Promise<IntakeOutcome[]> {
  const size = await deps.rawMail.size(inbound.rawKey);
  const headerPolicies = () => policiesFor(deps.policies, inbound.recipients, []).map((p) => p.policy);
  if (size > deps.limits.maxEmailBytes) {
    const error = new EmailTooLargeError(size, deps.limits.maxEmailBytes);
    return [await holdMessage(deps, inbound, headerPolicies()[0], 'too-large', { detail: error.message })];
  }

  let email: ParsedEmail;
  let digest: string;
  let rawHead: string;
  try {
    ({ email, digest, rawHead } = await deps.mailReader.read(inbound.rawKey));
  } catch (error) {
    if (!(error instanceof MalformedEmailError)) throw error;
    return [await holdMessage(deps, inbound, headerPolicies()[0], 'unparseable', { detail: error.message })];
  }

  const policies = policiesFor(deps.policies, inbound.recipients, [...email.to, ...email.cc].map((a) => a.address));
  if (policies.length === 0) return [await holdMessage(deps, inbound, undefined, 'unknown-recipient', { email, inboundKey: `${digest}#operator` })];

  const outcomes: IntakeOutcome[] = [];
  for (const { policy, toStaffNotices } of policies) {
    const inboundKey = `${digest}#${policy.id}`;
    try {
      outcomes.push(await intakeForPolicy(deps, inbound, policy, email, { digest, inboundKey, rawHead, toStaffNotices }));
    } catch (error) {
      if (!(error instanceof ItemTooLargeError)) throw error;
      // Bounded texts make this all but impossible; if it happens, retrying cannot help, so keep it for a person.
      outcomes.push(await holdMessage(deps, inbound, policy, 'too-large-for-store', { email, inboundKey, detail: error.message }));
    }
  }
  return outcomes;
}

interface Read {
  readonly digest: string;
  readonly inboundKey: string;
  readonly rawHead: string;
  /** Sent to the policy's staff-notices address (a reply to a notice), not to a complaints address. */
  readonly toStaffNotices: boolean;
}

async function intakeForPolicy(deps: TakeEmailDeps, inbound: InboundEmail, policy: Policy, email: ParsedEmail, read: Read): Promise<IntakeOutcome> {
  const [seen, threaded] = await Promise.all([deps.counters.inbound(read.inboundKey), threadedCase(deps, email)]);
  if (seen?.reference) return earlierOutcome(deps, policy, seen.reference, seen.outcome);
  if (seen?.heldId) return { kind: 'held', policyId: policy.id, reason: 'already-held', heldId: seen.heldId };

  const { verdicts } = inbound;
  const hold = (reason: Parameters<typeof holdMessage>[3], evidence?: readonly string[]) =>
    holdMessage(deps, inbound, policy, reason, { email, inboundKey: read.inboundKey, ...(evidence ? { evidence } : {}) });
  if (verdicts?.virus === 'FAIL') return hold('quarantined-virus');
  if (verdicts?.spam === 'FAIL') return hold('quarantined-spam');

  const sender = senderOf(email, inbound.envelopeFrom);
  if (sender && isOwnAddress(deps, sender.address)) return hold('own-address');

  const classification = classifyEmail(
    email,
    policy.intake.confidentialMarker ? [policy.intake.confidentialMarker.phrase] : [],
    new Set([policy.referencePrefix]),
  );
  const now = () => deps.clock.now().toISOString();
  const onCase = async (reference: string, decide: Parameters<typeof changeCase>[2], known?: Case): Promise<boolean> => {
    try {
      await changeCase(deps, reference, decide, known);
      return true;
    } catch (error) {
      // The same message recorded by a concurrent or earlier attempt: that is the outcome wanted.
      if (error instanceof ClaimTakenError && error.claim.kind === 'inbound') return true;
      throw error;
    }
  };
  const claim = (reference: string, outcome: InboundOutcome = 'joined') => [{ kind: 'inbound' as const, key: read.inboundKey, reference, outcome }];

  if (classification.bounce) {
    const reference = await caseQuotedIn(deps, policy, read.rawHead);
    if (!reference) return hold('bounce-unmatched');
    await onCase(reference, (c, p) => ({
      change: recordBounce(p, c, { key: read.digest, rawKey: inbound.rawKey, receivedAt: inbound.receivedAt, reporter: email.from?.address ?? 'mailer-daemon', subject: email.subject }, deps.sending, now()),
      claims: claim(reference, 'bounce'),
    }));
    return { kind: 'bounce-recorded', policyId: policy.id, reference };
  }

  const mail = (automatic: boolean) => ({
    key: read.digest,
    rawKey: inbound.rawKey,
    receivedAt: inbound.receivedAt,
    sender: sender?.address ?? 'unknown',
    subject: email.subject,
    text: email.text,
    ...(email.messageId ? { messageId: email.messageId } : {}),
    automatic,
    senderAuthentication: senderAuthentication(inbound.verdicts),
  });
  // Staff mail is never a complaint: mail from an address the policy knows as staff, or any mail to the address
  // notices come from, is recorded on the case it quotes as staff mail, or held for a person. Its From is only
  // believed where SES's DMARC verdict vouches for it (or no check was made: the local SMTP door on loopback), so a
  // forged staff From cannot write onto a case.
  const fromStaff = sender !== undefined && staffAddressesOf(policy).has(sender.address.toLowerCase());
  if (fromStaff || read.toStaffNotices) {
    if (!fromStaff) return hold('staff-notices-reply');
    const quoted = await caseQuotedBy(deps, policy, threaded, classification.caseReference, email.text);
    if (!quoted) return hold('staff-mail');
    const vouched = inbound.verdicts === undefined || senderAuthentication(inbound.verdicts) === 'passed';
    if (!vouched) {
      const detail = `It quotes ${quoted.reference}. The mail service's checks: SPF ${inbound.verdicts?.spf ?? 'none'}, DKIM ${inbound.verdicts?.dkim ?? 'none'}, DMARC ${inbound.verdicts?.dmarc ?? 'none'} (staff mail is recorded on a case only when DMARC passes).`;
      return holdMessage(deps, inbound, policy, 'staff-unverified', { email, inboundKey: read.inboundKey, detail });
    }
    // The person a case is about does not write on it as staff (their mail is held for its handler); checked again
    // in the write, against the case as it then is.
    const holdFromPersonAbout = (c: Case) => {
      const roles = senderRolesAbout(policy, c, mail(false).sender).map((r) => policy.roles.find((x) => x.id === r)?.title ?? r);
      const detail = `It quotes ${c.reference}, which is about the ${roles.join(', ')}, and comes from their staff address. It was not recorded on the case.`;
      return holdMessage(deps, inbound, policy, 'staff-about', { email, inboundKey: read.inboundKey, detail, onCase: { handlerRole: c.handlerRole, aboutRoles: rolesAbout(c) } });
    };
    if (senderRolesAbout(policy, quoted, mail(false).sender).length > 0) return holdFromPersonAbout(quoted);
    try {
      await onCase(quoted.reference, (c, p) => ({ change: recordStaffMail(p, c, mail(classification.autoReply), now()), claims: claim(quoted.reference, 'staff-mail') }), quoted);
    } catch (error) {
      if (!(error instanceof StaffMailFromPersonAboutError)) throw error;
      return holdFromPersonAbout((await deps.cases.get(quoted.reference)) ?? quoted);
    }
    return { kind: 'staff-mail-recorded', policyId: policy.id, reference: quoted.reference };
  }

  // Only its headers make mail automatic; a subject never decides alone (see classifyEmail). An automatic reply
  // finds its case by its thread, or by the reference its subject quotes (many responders send no In-Reply-To) when
  // it comes from someone on that case; open or closed, it goes on the timeline and asks nothing of anyone.
  if (classification.autoReply) {
    const quoted = threaded ?? (await referencedCaseOf(deps, policy, classification.caseReference, sender?.address));
    if (quoted) {
      await onCase(quoted, (c, p) => ({ change: recordMailIn(p, c, mail(true), deps.sending, now()), claims: claim(quoted) }));
      return { kind: 'threaded', policyId: policy.id, reference: quoted };
    }
    return hold('auto-reply', classification.evidence);
  }

  // A person whose contact is restricted: their mail is kept on their case and their point of contact told, never
  // held or dropped; Redress answers only as the restriction says (restrictedMailHandling).
  const restricted = sender ? await deps.cases.restrictionOf(policy.id, restrictionKeyOfAddress(sender.address)) : undefined;
  if (restricted) return takeRestrictedMail(deps, policy, restricted, threaded ?? classification.caseReference ?? undefined, mail(false), onCase, claim, now);

  // A reply joins its case only when it comes from someone on that case, within the same organisation;
  // anyone else quoting a reference gets a case of their own, flagged, so nobody can write into a stranger's case.
  const candidate = threaded ?? classification.caseReference ?? undefined;
  const flags: CaseFlag[] = [];
  if (candidate) {
    const existing = await deps.cases.get(candidate);
    if (existing && existing.policyId === policy.id && sender && isParticipant(existing, sender.address)) {
      await onCase(existing.reference, (c, p) => ({ change: recordMailIn(p, c, mail(false), deps.sending, now()), claims: claim(existing.reference) }), existing);
      return { kind: 'threaded', policyId: policy.id, reference: existing.reference };
    }
    if (existing) flags.push('quotes-another-case');
  }
  // Bulk or list mail, or auto-reply words on a do-not-answer message, with no proof: kept for a person, who is told
  // at once and sees it in the digest.
  if (classification.possiblyAutomatic) return hold('possibly-automatic', classification.signs);
  if (classification.subjectReadsAutomatic) flags.push('subject-reads-automatic');

  const opened = await openComplaint(
    deps,
    policy,
    emailComplaint(policy, email, sender, inbound, { confidential: classification.confidential, flags, recipients: recipientsOf(inbound, email) }),
    read.inboundKey,
  );
  return { kind: 'case-opened', policyId: policy.id, reference: opened.reference, acknowledged: opened.acknowledged, ...(opened.already ? { already: true as const } : {}) };
}

/** What this same message did the first time it was taken in. */
async function earlierOutcome(deps: TakeEmailDeps, policy: Policy, reference: string, outcome: InboundOutcome | undefined): Promise<IntakeOutcome> {
  if (outcome === 'bounce') return { kind: 'bounce-recorded', policyId: policy.id, reference, already: true };
  if (outcome === 'staff-mail') return { kind: 'staff-mail-recorded', policyId: policy.id, reference, already: true };
  if (outcome !== 'opened') return { kind: 'threaded', policyId: policy.id, reference, already: true };
  const c = await deps.cases.get(reference);
  return { kind: 'case-opened', policyId: policy.id, reference, acknowledged: Boolean(c?.acknowledgedAt), already: true };
}

function isParticipant(c: Case, address: string): boolean {
  const a = address.toLowerCase();
  return c.complainant.email?.toLowerCase() === a || c.participants.some((p) => p.toLowerCase() === a);
}

function isOwnAddress(deps: TakeEmailDeps, address: string): boolean {
  const a = address.toLowerCase();
  return deps.ownAddresses.some((o) => o.toLowerCase() === a) || deps.policies.forAddress(a) !== undefined || deps.policies.forStaffNoticesAddress(a) !== undefined;
}

/** Whom a message was sent to: the envelope's recipients, else its To and Cc. */
function recipientsOf(inbound: InboundEmail, email: ParsedEmail): string[] {
  return inbound.recipients.length > 0 ? [...inbound.recipients] : [...email.to, ...email.cc].map((a) => a.address);
}

/**
 * The policies a message is for: by envelope recipient, else by the addresses in its headers; each a complaints
 * address or the address its staff notices come from. Mail to both of one policy is taken as mail to its complaints
 * address, where a person who is not staff is heard as a complainant.
 */
function policiesFor(policies: PolicySet, envelope: readonly string[], headerAddresses: readonly string[]): { policy: Policy; toStaffNotices: boolean }[] {
  const addresses = envelope.length > 0 ? envelope : headerAddresses;
  const found = new Map<string, { policy: Policy; toStaffNotices: boolean }>();
  for (const address of addresses) {
    const complaints = policies.forAddress(address);
    if (complaints) found.set(complaints.id, { policy: complaints, toStaffNotices: false });
    const notices = policies.forStaffNoticesAddress(address);
    if (notices && !found.has(notices.id)) found.set(notices.id, { policy: notices, toStaffNotices: true });
  }
  return [...found.values()];
}

/**
 * The case of this policy a member of staff's mail is about: its thread (a notice's Message-ID), else the first
 * reference of the policy's in its subject, else in its text (a reply quotes the notice, whose first line names it).
 */
async function caseQuotedBy(deps: TakeEmailDeps, policy: Policy, threaded: string | undefined, subjectReference: string | null, text: string): Promise<Case | undefined> {
  const candidates = [threaded, subjectReference, ...findReferences(text.slice(0, 64 * 1024))].filter((r): r is string => Boolean(r));
  for (const reference of [...new Set(candidates)].slice(0, 5)) {
    const found = await deps.cases.get(reference);
    if (found && found.policyId === policy.id) return found;
  }
  return undefined;
}

/** The case a reference names, when it is this policy's and the sender is on it (the complainant or a participant). */
async function referencedCaseOf(deps: TakeEmailDeps, policy: Policy, reference: string | null, sender: string | undefined): Promise<string | undefined> {
  if (!reference || !sender) return undefined;
  const found = await deps.cases.get(reference);
  return found && found.policyId === policy.id && isParticipant(found, sender) ? reference : undefined;
}

async function threadedCase(deps: TakeEmailDeps, email: ParsedEmail): Promise<string | undefined> {
  const ids = [...(email.inReplyTo ? messageIdsIn(email.inReplyTo) : []), ...email.references.map(threadKey)];
  return ids.length > 0 ? deps.cases.byThread(withProviderKeys(ids)) : undefined;
}

/** Each Message-ID, and after it the SES provider key it stands for when SES rewrote it. */
function withProviderKeys(ids: readonly string[]): string[] {
  return ids.flatMap((id) => [id, providerThreadKeyFor(id)].filter((k): k is string => Boolean(k)));
}

/** The case a bounce is about: a Message-ID of ours or a reference quoted in the returned message. */
async function caseQuotedIn(deps: TakeEmailDeps, policy: Policy, rawHead: string): Promise<string | undefined> {
  const ids = messageIdsIn(rawHead);
  const byThread = ids.length > 0 ? await deps.cases.byThread(withProviderKeys(ids)) : undefined;
  if (byThread) return byThread;
  const match = rawHead.match(new RegExp(`\\b${policy.referencePrefix}-\\d{4}-\\d{4,}\\b`));
  if (!match) return undefined;
  return (await deps.cases.get(match[0])) ? match[0] : undefined;
}
