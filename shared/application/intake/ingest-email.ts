import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { Case, CaseFlag } from '#domain/case/case';
import { entryStage, notifyAddress } from '#domain/case/route-case';
import { classifyEmail } from '#domain/mail/classify-email';
import { EmailTooLargeError, MalformedEmailError } from '#domain/mail/mail-errors';
import { messageIdsIn, providerThreadKeyFor, threadKey } from '#domain/mail/message-id';
import { parseEmail, type EmailParseLimits } from '#domain/mail/parse-email';
import type { ParsedEmail } from '#domain/mail/parsed-email';
import { heldMessageNotice } from '#domain/letters/staff-notices';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { CaseStore } from '#application/ports/case-store';
import type { Log } from '#application/ports/logger';
import type { Mailer } from '#application/ports/mailer';
import type { RawMailStore } from '#application/ports/raw-mail-store';
import type { TimerDeps } from '#application/deadlines/sync-timers';
import { CaseWork } from './case-work.js';
import type { HeldMessage, HeldReason } from '#domain/mail/held-message';

/** SES receipt verdicts; absent where there was no such check (local SMTP). */
export type Verdict = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
export interface Verdicts {
  readonly spam?: Verdict;
  readonly virus?: Verdict;
  readonly spf?: Verdict;
  readonly dkim?: Verdict;
  readonly dmarc?: Verdict;
}

/** One delivered message, already stored raw under rawKey. */
export interface InboundEmail {
  readonly rawKey: string;
  /** Envelope recipients; when empty, the To and Cc headers are used. */
  readonly recipients: readonly string[];
  readonly receivedAt: string;
  readonly verdicts?: Verdicts;
}

export type IntakeOutcome =
  | { readonly kind: 'case-opened'; readonly policyId: string; readonly reference: string; readonly acknowledged: boolean }
  | { readonly kind: 'threaded'; readonly policyId: string; readonly reference: string }
  | { readonly kind: 'bounce-recorded'; readonly policyId: string; readonly reference: string }
  | { readonly kind: 'held'; readonly policyId?: string; readonly reason: HeldReason; readonly heldId: string };

export interface IntakeLimits extends EmailParseLimits {
  /** Messages larger than this are held unparsed (SES's S3 action takes up to 40 MB). */
  readonly maxEmailBytes: number;
}

export interface IntakeDeps extends TimerDeps {
  readonly policies: PolicySet;
  readonly store: CaseStore;
  readonly rawMail: RawMailStore;
  readonly mailer: Mailer;
  readonly limits: IntakeLimits;
  /** Where operators are told of mail no policy claims. */
  readonly operatorEmail: string;
  /** Addresses Redress sends from besides the complaints addresses: their mail is never a complaint. */
  readonly ownAddresses: readonly string[];
  /** The domain in the Message-IDs Redress writes. */
  readonly mailDomain: string;
  readonly log: Log;
}

/** How much of the raw message is kept in memory to look for the original of a bounce. */
const BOUNCE_SCAN_BYTES = 1_000_000;

/**
 * Takes one stored inbound email through intake: size check, bounded parse, routing by recipient, then
 * per policy: quarantine, loop and auto-reply guards, bounces, threading, or a new case with its
 * acknowledgement and staff notice. Nothing is dropped: whatever does not become a case is held and, where
 * a person must act, someone is told. Safe to run again for the same message.
 */
export async function ingestEmail(deps: IntakeDeps, inbound: InboundEmail): Promise<IntakeOutcome[]> {
  const size = await deps.rawMail.size(inbound.rawKey);
  const headerPolicies = () => policiesFor(deps.policies, inbound.recipients, []);
  if (size > deps.limits.maxEmailBytes) {
    const error = new EmailTooLargeError(size, deps.limits.maxEmailBytes);
    return [await hold(deps, inbound, headerPolicies()[0], 'too-large', undefined, error.message)];
  }

  let email: ParsedEmail;
  let digest: string;
  let rawHead: string;
  try {
    ({ email, digest, rawHead } = await readEmail(deps, inbound.rawKey));
  } catch (error) {
    if (!(error instanceof MalformedEmailError)) throw error;
    return [await hold(deps, inbound, headerPolicies()[0], 'unparseable', undefined, (error as Error).message)];
  }

  const policies = policiesFor(deps.policies, inbound.recipients, [...email.to, ...email.cc].map((a) => a.address));
  if (policies.length === 0) return [await hold(deps, inbound, undefined, 'unknown-recipient', email)];

  const outcomes: IntakeOutcome[] = [];
  for (const policy of policies) {
    outcomes.push(await intakeForPolicy(deps, inbound, policy, email, `${digest}#${policy.id}`, rawHead));
  }
  return outcomes;
}

async function intakeForPolicy(
  deps: IntakeDeps,
  inbound: InboundEmail,
  policy: Policy,
  email: ParsedEmail,
  inboundKey: string,
  rawHead: string,
): Promise<IntakeOutcome> {
  const { verdicts } = inbound;
  if (verdicts?.virus === 'FAIL') return hold(deps, inbound, policy, 'quarantined-virus', email);
  if (verdicts?.spam === 'FAIL') return hold(deps, inbound, policy, 'quarantined-spam', email);

  const sender = (email.replyTo ?? email.from)?.address;
  if (email.from && isOwnAddress(deps, email.from.address)) return hold(deps, inbound, policy, 'own-address', email);

  const classification = classifyEmail(
    email,
    policy.intake.confidentialMarker ? [policy.intake.confidentialMarker.phrase] : [],
    new Set([policy.referencePrefix]),
  );
  const work = new CaseWork(deps, policy);

  if (classification.bounce) {
    const reference = await caseQuotedIn(deps, policy, rawHead);
    if (!reference) return hold(deps, inbound, policy, 'bounce-unmatched', email);
    await work.recordBounce(reference, inbound, email);
    return { kind: 'bounce-recorded', policyId: policy.id, reference };
  }

  const threaded = await threadedCase(deps, email);
  if (classification.autoReply) {
    if (threaded) {
      await work.recordMailIn(threaded, inbound, email, { automatic: true });
      return { kind: 'threaded', policyId: policy.id, reference: threaded };
    }
    return hold(deps, inbound, policy, 'auto-reply', email);
  }

  // A reply joins its case only when it comes from someone on that case; anyone else quoting a
  // reference gets a case of their own, flagged, so that nobody can write into a stranger's case.
  const candidate = threaded ?? classification.caseReference ?? undefined;
  const flags: CaseFlag[] = [];
  if (candidate) {
    const existing = await deps.store.getCase(candidate);
    if (existing && existing.policyId === policy.id && sender && isParticipant(existing, sender)) {
      await work.recordMailIn(existing.reference, inbound, email, { automatic: false });
      return { kind: 'threaded', policyId: policy.id, reference: existing.reference };
    }
    if (existing) flags.push('quotes-another-case');
  }

  if (verdicts && [verdicts.spf, verdicts.dkim, verdicts.dmarc].includes('FAIL')) flags.push('sender-not-verified');
  return work.openFromEmail(inbound, email, inboundKey, classification.confidential, flags);
}

function isParticipant(c: Case, address: string): boolean {
  const a = address.toLowerCase();
  return c.complainant.email?.toLowerCase() === a || c.participants.some((p) => p.toLowerCase() === a);
}

function isOwnAddress(deps: IntakeDeps, address: string): boolean {
  const a = address.toLowerCase();
  return deps.ownAddresses.some((o) => o.toLowerCase() === a) || deps.policies.forAddress(a) !== undefined;
}

/** The policies a message is for: by envelope recipient, else by the addresses in its headers. */
function policiesFor(policies: PolicySet, envelope: readonly string[], headerAddresses: readonly string[]): Policy[] {
  const addresses = envelope.length > 0 ? envelope : headerAddresses;
  const found = new Map<string, Policy>();
  for (const address of addresses) {
    const policy = policies.forAddress(address);
    if (policy) found.set(policy.id, policy);
  }
  return [...found.values()];
}

async function threadedCase(deps: IntakeDeps, email: ParsedEmail): Promise<string | undefined> {
  const ids = [...(email.inReplyTo ? messageIdsIn(email.inReplyTo) : []), ...email.references.map(threadKey)];
  return ids.length > 0 ? deps.store.caseForThread(withProviderKeys(ids)) : undefined;
}

/** Each Message-ID, and after it the SES provider key it stands for when SES rewrote it. */
function withProviderKeys(ids: readonly string[]): string[] {
  return ids.flatMap((id) => [id, providerThreadKeyFor(id)].filter((k): k is string => Boolean(k)));
}

/** The case a bounce is about: a Message-ID of ours or a reference quoted in the returned message. */
async function caseQuotedIn(deps: IntakeDeps, policy: Policy, rawHead: string): Promise<string | undefined> {
  const ids = messageIdsIn(rawHead);
  const byThread = ids.length > 0 ? await deps.store.caseForThread(withProviderKeys(ids)) : undefined;
  if (byThread) return byThread;
  const match = rawHead.match(new RegExp(`\\b${policy.referencePrefix}-\\d{4}-\\d{4,}\\b`));
  if (!match) return undefined;
  return (await deps.store.getCase(match[0])) ? match[0] : undefined;
}

async function hold(
  deps: IntakeDeps,
  inbound: InboundEmail,
  policy: Policy | undefined,
  reason: HeldReason,
  email?: ParsedEmail,
  detail?: string,
): Promise<IntakeOutcome> {
  const held: HeldMessage = {
    id: inbound.rawKey,
    scope: policy?.id ?? 'operator',
    reason,
    rawKey: inbound.rawKey,
    receivedAt: inbound.receivedAt,
    ...(email?.from ? { from: email.from.address } : {}),
    ...(email?.subject ? { subject: email.subject } : {}),
    ...(detail ? { detail } : {}),
  };
  await deps.store.holdMessage(held);
  deps.log.info('message held', { rawKey: inbound.rawKey, reason, policy: policy?.id });
  // Automatic mail, our own echoes and unmatched bounces are kept without a word to anyone: telling staff
  // about every out-of-office would bury the notices that matter.
  const tell: HeldReason[] = ['unknown-recipient', 'unparseable', 'too-large', 'quarantined-spam', 'quarantined-virus'];
  if (tell.includes(reason)) {
    const to = policy ? notifyAddress(policy, entryStage(policy).handler) : deps.operatorEmail;
    const from = policy?.intake.addresses[0] ?? deps.ownAddresses[0] ?? deps.operatorEmail;
    const letter = heldMessageNotice(held, policy?.organisation.name ?? 'Redress');
    await deps.mailer.send({
      from: { address: from, name: 'Redress' },
      to: [to],
      ...letter,
      messageId: `<held.${createHash('sha256').update(inbound.rawKey).digest('hex').slice(0, 24)}@${deps.mailDomain}>`,
      autoSubmitted: 'auto-generated',
    });
  }
  return { kind: 'held', ...(policy ? { policyId: policy.id } : {}), reason, heldId: held.id };
}

/** Streams the raw message once: parsing, hashing, and keeping its head for bounce matching. */
async function readEmail(deps: IntakeDeps, rawKey: string): Promise<{ email: ParsedEmail; digest: string; rawHead: string }> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      hash.update(chunk);
      if (headBytes < BOUNCE_SCAN_BYTES) {
        head.push(chunk.subarray(0, BOUNCE_SCAN_BYTES - headBytes));
        headBytes += chunk.length;
      }
      done(null, chunk);
    },
  });
  const raw = await deps.rawMail.open(rawKey);
  raw.on('error', (error) => tap.destroy(error));
  const email = await parseEmail(raw.pipe(tap), deps.limits, {
    store: (index, filename, _type, content) => deps.rawMail.putAttachment(rawKey, index, filename, content),
    discard: (key) => deps.rawMail.delete(key),
  });
  return { email, digest: hash.digest('hex'), rawHead: Buffer.concat(head).toString('latin1') };
}

