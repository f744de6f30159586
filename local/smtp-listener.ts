import { randomUUID } from 'node:crypto';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { IntakeOutcome, InboundEmail } from '#application/intake/take-email';
import type { Log } from '#application/ports/log';
import type { RawMail } from '#application/ports/raw-mail';
import type { RunningServer } from './dynamodb-local.js';

export interface SmtpListenerOptions {
  /** 0 takes any free port; the endpoint says which. */
  readonly port: number;
  readonly maxEmailBytes: number;
  readonly rawMail: RawMail;
  /** Notes the message before it is stored, so that one never taken in (a crash) is found by the unclaimed-mail sweep. */
  readonly noteReceipt: (inbound: InboundEmail) => Promise<void>;
  readonly take: (inbound: InboundEmail) => Promise<IntakeOutcome[]>;
  readonly log: Log;
  /** When the message was received: the stack's clock. */
  readonly now: () => Date;
  /** Called after each delivery, for tests and the console. */
  readonly onDelivered?: (rawKey: string, outcomes: IntakeOutcome[]) => void;
}

/**
 * Inbound mail for the local stack, standing in for SES receiving: the raw message is stored (and synced to
 * disk) first, then taken in by the same use case as on AWS, which writes the case or the held message with
 * every letter it owes in one write. Only then is the answer 250; any failure answers 451, so the sending
 * server tries again, and a message taken in twice is one case.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<RunningServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: options.maxEmailBytes,
    banner: 'Redress local intake',
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      receive(stream, session, options).then(
        () => callback(),
        (error: Error) => {
          stream.resume();
          options.log.error('inbound mail not taken in; the sender will retry', { error: error.message });
          callback(Object.assign(new Error('Temporary failure: please try again later'), { responseCode: 451 }));
        },
      );
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : options.port);
    });
  });
  server.on('error', (error) => options.log.error('SMTP listener error', { error: error.message }));
  return { endpoint: `smtp://127.0.0.1:${port}`, port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, options: SmtpListenerOptions): Promise<void> {
  const receivedAt = options.now().toISOString();
  const rawKey = `inbound/${receivedAt.slice(0, 10)}/${session.id}-${receivedAt.replace(/[:.]/g, '')}-${randomUUID().slice(0, 8)}.eml`;
  const mailFrom = session.envelope.mailFrom;
  const inbound: InboundEmail = {
    rawKey,
    recipients: session.envelope.rcptTo.map((r) => r.address),
    ...(mailFrom && mailFrom.address ? { envelopeFrom: mailFrom.address } : {}),
    receivedAt,
  };
  await options.noteReceipt(inbound);
  await options.rawMail.putStream(rawKey, stream);
  const outcomes = await options.take(inbound);
  options.onDelivered?.(rawKey, outcomes);
}
