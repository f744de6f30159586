import type { CaseFlag } from '#domain/case/case';
import { namedInComplaint } from '#domain/case/named-in-complaint';
import type { NewComplaint } from '#domain/case/open-case';
import type { Policy } from '#domain/policy/policy-schema';
import type { ParsedEmail } from '#domain/mail/parsed-email';
import { differingReplyTo, type MessageSender } from '#domain/mail/sender';
import type { Verdicts } from './inbound-email.js';

/**
 * The complaint an email makes, with the flags staff must see before they trust it (an unverified sender, a
 * dangerous attachment, a Reply-To that differs), and whom it is about: by the address it was sent to (the
 * policy's address for complaints about its head) or by the people its own words name. Used by intake and by
 * releasing a held message, so a released message becomes the same case it would have been.
 */
export function emailComplaint(
  policy: Policy,
  email: ParsedEmail,
  sender: MessageSender | undefined,
  inbound: { readonly rawKey: string; readonly receivedAt: string; readonly verdicts?: Verdicts },
  options: { readonly confidential: boolean; readonly flags: readonly CaseFlag[]; readonly source?: Readonly<Record<string, unknown>>; readonly recipients: readonly string[] },
): NewComplaint {
  const sentTo = new Set(options.recipients.map((a) => a.toLowerCase()));
  const byAddress = policy.intake.aboutAddresses.find((a) => sentTo.has(a.address.toLowerCase()));
  const named = namedInComplaint(policy, { subject: email.subject, text: email.text });
  const flags: CaseFlag[] = [...options.flags];
  const { verdicts } = inbound;
  if (verdicts && [verdicts.spf, verdicts.dkim, verdicts.dmarc].includes('FAIL')) flags.push('sender-not-verified');
  if (email.attachments.some((a) => a.dangerous)) flags.push('dangerous-attachment');
  if (email.attachments.some((a) => !a.storageKey)) flags.push('attachments-over-limit');
  if (email.textNotConverted) flags.push('text-not-converted');
  if (sender && sender.source !== 'from') flags.push('sender-from-fallback');
  const replyTo = differingReplyTo(email, sender);
  if (replyTo) flags.push('reply-to-differs');
  return {
    channel: 'email',
    receivedAt: inbound.receivedAt,
    complainant: sender
      ? { anonymous: false, email: sender.address, ...(sender.name ? { name: sender.name } : {}), addressSource: sender.source }
      : { anonymous: true },
    confidential: options.confidential,
    ...(byAddress ? { about: byAddress.about, aboutByAddress: { address: byAddress.address, clause: byAddress.clause } } : {}),
    ...(named.roles.length > 0 ? { named } : {}),
    ...(email.subject ? { subject: email.subject } : {}),
    summary: email.text,
    attachments: email.attachments
      .filter((a) => a.storageKey)
      .map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, storageKey: a.storageKey as string, dangerous: a.dangerous })),
    signed: false,
    flags,
    ...(email.messageId ? { messageId: email.messageId } : {}),
    ...(replyTo ? { replyTo } : {}),
    source: { rawKey: inbound.rawKey, messageId: email.messageId, subject: email.subject.slice(0, 998), ...(sender ? { senderFrom: sender.source } : {}), ...options.source },
  };
}
