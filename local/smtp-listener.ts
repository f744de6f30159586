import { randomUUID } from 'node:crypto';
import { Transform } from 'node:stream';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { IntakeOutcome, InboundEmail } from '#application/intake/take-email';
import type { Log } from '#application/ports/log';
import type { RawMail } from '#application/ports/raw-mail';
import type { RunningServer } from './dynamodb-local.js';

export interface SmtpListenerOptions {
  /** 0 takes any free port; the endpoint says which. */
  readonly port: number;
  /** The largest message taken (REDRESS_MAX_EMAIL_BYTES): offered as SIZE, and enforced as DATA streams in. */
  readonly maxEmailBytes: number;
  /** The most recipients one message may have (REDRESS_SMTP_MAX_RECIPIENTS); the next RCPT is answered 452. */
  readonly maxRecipients: number;
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
 * server tries again, and a message taken in twice is one case. A message over the maximum is refused with 552
 * whether or not its sender declared SIZE: writing stops at the limit, and what was written is deleted.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<RunningServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: options.maxEmailBytes,
    // smtp-server counts DATA as it streams; with this it answers 552 to a message over `size` whatever onData says.
    rejectOversized: true,
    maxRecipients: options.maxRecipients,
    banner: 'Redress local intake',
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      receive(stream, session, options).then(
        () => callback(),
        (error: Error) => {
          // The rest of the message is read and dropped, so the connection stays in step with the sender.
          stream.resume();
          if (error instanceof MessageTooLargeError) {
            options.log.warn('inbound mail refused: over the maximum size; nothing kept', { maxEmailBytes: options.maxEmailBytes });
            callback(Object.assign(new Error(error.message), { responseCode: 552 }));
            return;
          }
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
  const limited = byteLimit(options.maxEmailBytes);
  // A sender who breaks off mid-message fails the store's write (smtp-server destroys the stream with an error).
  stream.once('error', (error) => limited.destroy(error));
  stream.pipe(limited);
  try {
    await options.rawMail.putStream(rawKey, limited);
  } catch (error) {
    // Nothing half-stored stays behind: not a message over the limit, nor one whose sender broke off.
    await options.rawMail.delete(rawKey);
    throw error;
  }
  const outcomes = await options.take(inbound);
  options.onDelivered?.(rawKey, outcomes);
}

/** A message over the listener's maximum size; answered 552 (RFC 5321's "exceeded storage allocation"). */
export class MessageTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Message exceeds the maximum size of ${maxBytes} bytes`);
    this.name = 'MessageTooLargeError';
  }
}

/** Passes bytes through until there are more than `maxBytes`, then fails, so the store stops writing at the limit. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new MessageTooLargeError(maxBytes));
      else done(null, chunk);
    },
  });
}
