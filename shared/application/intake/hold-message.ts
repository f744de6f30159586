import { createHash } from 'node:crypto';
import { namedInComplaint } from '#domain/case/named-in-complaint';
import { entryStage, handlerFor, staffAddress } from '#domain/case/route-case';
import { noticeToStaff, type Sending } from '#domain/letters/addressing';
import { heldMessageNotice } from '#domain/letters/staff-notices';
import { carriesMarker } from '#domain/mail/classify-email';
import type { HeldAttachment, HeldMessage, HeldReason } from '#domain/mail/held-message';
import type { ParsedAttachment, ParsedEmail } from '#domain/mail/parsed-email';
import { letterItem } from '#domain/outbox/outbox-item';
import type { Policy } from '#domain/policy/policy-schema';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { cleanOneLine } from '#domain/text/display-safe';
import type { Clock } from '../ports/clock.js';
import type { HeldMail } from '../ports/held-mail.js';
import type { Log } from '../ports/log.js';
import type { IntakeOutcome } from './inbound-email.js';

/**
 * Reasons someone must look at. Mail whose headers show a machine wrote it, our own echoes and unmatched bounces are
 * kept without a word (and listed with the rest); mail that only looks automatic is possibly a person's, so staff are told.
 */
const TELL: ReadonlySet<HeldReason> = new Set(['unknown-recipient', 'unparseable', 'too-large', 'too-large-for-store', 'quarantined-spam', 'quarantined-virus', 'possibly-automatic', 'staff-mail', 'staff-unverified', 'staff-notices-reply', 'staff-about']);
/** Enough of why it was held to judge it by: a few short lines. */
const EVIDENCE_LINES = 8;
/** Enough of whom it was sent to (To and Cc each) to see which of our addresses it reached; a list of hundreds is cut. */
const ADDRESSES_LISTED = 30;

/**
 * Keeps a message that does not become a case, with the notice it owes in the same write: to the handler of the
 * policy's first stage (or of the case it quotes, where that case is the matter), or to operators for mail no policy claims. Held once per message (its inbound key).
 */
export async function holdMessage(
  deps: { readonly heldMail: HeldMail; readonly log: Log; readonly sending: Sending; readonly clock: Clock },
  inbound: { readonly rawKey: string; readonly receivedAt: string; readonly recipients?: readonly string[] },
  policy: Policy | undefined,
  reason: HeldReason,
  extra: {
    readonly email?: ParsedEmail;
    readonly detail?: string;
    readonly inboundKey?: string;
    readonly evidence?: readonly string[];
    /** The case it quotes, when that case's handler is the one to tell, and those it is about kept from it. */
    readonly onCase?: { readonly handlerRole: string; readonly aboutRoles: readonly string[] };
  } = {},
): Promise<IntakeOutcome> {
  const id = extra.inboundKey ? `held-${extra.inboundKey.replace(/#/g, '-')}` : inbound.rawKey;
  const from = extra.email?.from?.address ?? extra.email?.sender?.address;
  const marker = policy?.intake.confidentialMarker?.phrase;
  const confidential = extra.email !== undefined && marker !== undefined && carriesMarker(extra.email.subject, marker);
  const text = extra.email && !confidential ? extra.email.text.trim() : '';
  const aboutRoles = policy ? [...new Set([...heldAbout(policy, inbound.recipients ?? [], extra.email), ...(extra.onCase?.aboutRoles ?? [])])] : [];
  const held: HeldMessage = {
    id,
    scope: policy?.id ?? 'operator',
    reason,
    rawKey: inbound.rawKey,
    receivedAt: inbound.receivedAt,
    ...(from ? { from: boundText(from, TEXT_BOUNDS.address) } : {}),
    ...(extra.email?.subject ? { subject: boundText(cleanOneLine(extra.email.subject), TEXT_BOUNDS.detail) } : {}),
    ...(extra.detail ? { detail: boundText(extra.detail, TEXT_BOUNDS.detail) } : {}),
    ...(extra.email ? addressedTo(extra.email) : {}),
    ...(text ? { text: boundText(text, TEXT_BOUNDS.heldText) } : {}),
    ...(extra.email?.textNotConverted && !confidential ? { textNotConverted: true } : {}),
    ...(extra.email?.attachments.length ? { attachments: extra.email.attachments.map(listedAttachment) } : {}),
    ...(aboutRoles.length ? { aboutRoles } : {}),
    ...(extra.evidence?.length ? { evidence: extra.evidence.slice(0, EVIDENCE_LINES).map((e) => boundText(cleanOneLine(e), TEXT_BOUNDS.name)) } : {}),
  };
  // A held complaint about the first stage's handler goes to whoever would handle it, never to them.
  const handler = extra.onCase?.handlerRole ?? (policy ? handlerFor(policy, entryStage(policy).id, aboutRoles) : undefined);
  const staff = policy && handler ? staffAddress(policy, handler, deps.sending.operatorEmail, aboutRoles) : deps.sending.operatorEmail;
  // A message the store refused is Redress's own failure: operators are told as well as staff.
  const to = reason === 'too-large-for-store' ? [staff, deps.sending.operatorEmail] : [staff];
  const notice = TELL.has(reason)
    ? [letterItem(noticeToStaff(policy, policy?.id ?? 'operator', undefined, to, heldMessageNotice(held, policy?.organisation.name ?? 'Redress', deps.sending), 'held-notice', shortDigest(id), deps.sending))]
    : [];
  await deps.heldMail.hold(held, notice, deps.clock.now().toISOString(), extra.inboundKey);
  deps.log.info('message held', { rawKey: inbound.rawKey, reason, policy: policy?.id });
  return { kind: 'held', ...(policy ? { policyId: policy.id } : {}), reason, heldId: held.id };
}

/** Its To and Cc addresses, bounded, as a person deciding on it reads them. */
function addressedTo(email: ParsedEmail): Pick<HeldMessage, 'to' | 'cc'> {
  const listed = (addresses: ParsedEmail['to']) => addresses.slice(0, ADDRESSES_LISTED).map((a) => boundText(cleanOneLine(a.address), TEXT_BOUNDS.address));
  return { ...(email.to.length ? { to: listed(email.to) } : {}), ...(email.cc.length ? { cc: listed(email.cc) } : {}) };
}

/** An attachment as listed on the held message: its name bounded and on one line; the bytes stay with the raw message. */
function listedAttachment(a: ParsedAttachment): HeldAttachment {
  return { filename: boundText(cleanOneLine(a.filename), TEXT_BOUNDS.name), contentType: boundText(cleanOneLine(a.contentType), TEXT_BOUNDS.name), size: a.size, dangerous: a.dangerous };
}

/** Whom a held message may be about, as a case from it would be: by the address it was sent to, or the people its words name. */
function heldAbout(policy: Policy, recipients: readonly string[], email: ParsedEmail | undefined): string[] {
  const sentTo = new Set([...recipients, ...(email ? [...email.to, ...email.cc].map((a) => a.address) : [])].map((a) => a.toLowerCase()));
  const byAddress = policy.intake.aboutAddresses.filter((a) => sentTo.has(a.address.toLowerCase())).map((a) => a.about);
  const named = email ? namedInComplaint(policy, { subject: email.subject, text: email.text }).roles : [];
  return [...new Set([...byAddress, ...named])];
}

function shortDigest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 24);
}
