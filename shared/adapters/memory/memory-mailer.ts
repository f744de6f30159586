import type { Mailer, OutboundEmail } from '#application/ports/mailer';

/** A message as the memory mailer keeps it: what was sent, and the Message-ID SES would have given it. */
export interface MemorySentEmail extends OutboundEmail {
  readonly providerMessageId: string;
  /** SES sets every message's Message-ID to `<provider id@region.amazonses.com>`: what a reply quotes. */
  readonly messageId: string;
}

/** A mailer that keeps what it was asked to send; `down` makes it fail as SES does when unreachable. */
export class MemoryMailer implements Mailer {
  readonly sent: MemorySentEmail[] = [];
  down = false;
  private count = 0;

  async send(email: OutboundEmail): Promise<string> {
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED (mail service unreachable)'), { name: 'MailServiceUnavailable' });
    const providerMessageId = `memory-${++this.count}`;
    this.sent.push({ ...email, providerMessageId, messageId: `<${providerMessageId}@eu-west-2.amazonses.com>` });
    return providerMessageId;
  }

  async acceptedEarlier(letterId: string): Promise<string | undefined> {
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED (mail service unreachable)'), { name: 'MailServiceUnavailable' });
    return this.sent.find((m) => m.id === letterId)?.providerMessageId;
  }
}
