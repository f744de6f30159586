import { cleanOneLine } from '#domain/text/display-safe';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import type { MailAddress, ParsedEmail } from './parsed-email.js';

export type SenderSource = 'from' | 'sender' | 'reply-to' | 'envelope';

export interface MessageSender {
  readonly address: string;
  readonly name?: string;
  readonly source: SenderSource;
}

/**
 * Who sent a message, the address Redress may write back to: its one From header; when From is missing or
 * doubled, Sender, then Reply-To, then the envelope sender (MAIL FROM, or SES's `mail.source`). Reply-To never
 * replaces a good From: an attacker could otherwise make Redress write to anyone. The name is cleaned of
 * control characters and bounded.
 */
export function senderOf(email: Pick<ParsedEmail, 'from' | 'sender' | 'replyTo'>, envelopeFrom?: string): MessageSender | undefined {
  const pick = (a: MailAddress | undefined, source: SenderSource): MessageSender | undefined => {
    if (!a?.address) return undefined;
    const name = a.name ? boundText(cleanOneLine(a.name), TEXT_BOUNDS.name) : '';
    return { address: a.address.toLowerCase(), ...(name ? { name } : {}), source };
  };
  const envelope = envelopeFrom && envelopeFrom !== '<>' && envelopeFrom.includes('@') ? { address: envelopeFrom.replace(/^<|>$/g, ''), name: '' } : undefined;
  return pick(email.from, 'from') ?? pick(email.sender, 'sender') ?? pick(email.replyTo, 'reply-to') ?? pick(envelope, 'envelope');
}

/** A Reply-To that points somewhere other than the sender: recorded on the case and shown, never written to. */
export function differingReplyTo(email: Pick<ParsedEmail, 'replyTo'>, sender: MessageSender | undefined): string | undefined {
  const replyTo = email.replyTo?.address?.toLowerCase();
  return replyTo && sender && replyTo !== sender.address ? boundText(replyTo, TEXT_BOUNDS.address) : undefined;
}
