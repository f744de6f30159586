import type { Mailer, OutboundEmail } from '#application/ports/mailer';

/** A mailer that keeps what it was asked to send; `down` makes it fail as SES does when unreachable. */
export class MemoryMailer implements Mailer {
  readonly sent: OutboundEmail[] = [];
  down = false;
  private count = 0;

  async send(email: OutboundEmail): Promise<string> {
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED (mail service unreachable)'), { name: 'MailServiceUnavailable' });
    this.sent.push(email);
    return `memory-${++this.count}`;
  }
}
