import { createHash, randomUUID } from 'node:crypto';
import { Transform } from 'node:stream';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { RawMailStore } from '#application/ports/raw-mail-store';
import type { Log } from '#application/ports/logger';
import type { DeliveryResult, IntakeService } from '#composition/intake-service';
import type { RunningServer } from './dynamodb-local.js';

export interface SmtpListenerOptions {
  readonly port: number;
  readonly maxEmailBytes: number;
  readonly rawMail: RawMailStore;
  readonly intake: IntakeService;
  readonly log: Log;
  /** Called after each delivery, for tests and the console. */
  readonly onDelivered?: (rawKey: string, result: DeliveryResult) => void;
}

/**
 * Inbound mail for the local stack, standing in for SES receiving: the raw message is stored first (keyed
 * by its digest, so the same bytes are one message), then taken in by the same intake as on AWS. A failure
 * answers 451, so the sending server tries again: the message is never lost.
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
          options.log.error('inbound mail not taken in; the sender will retry', { error: error.message });
          callback(Object.assign(new Error('Temporary failure: please try again later'), { responseCode: 451 }));
        },
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => options.log.error('SMTP listener error', { error: error.message }));
  return { endpoint: `smtp://127.0.0.1:${options.port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, options: SmtpListenerOptions): Promise<void> {
  const receivedAt = new Date().toISOString();
  const rawKey = `inbound/${receivedAt.slice(0, 10)}/${session.id}-${receivedAt.replace(/[:.]/g, '')}-${randomUUID().slice(0, 8)}.eml`;
  // Streamed to the store as it arrives, hashed on the way: the digest names the delivery, so the same
  // bytes delivered twice are taken in once.
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await options.rawMail.putStream(rawKey, stream.pipe(tap));
  const result = await options.intake.take({
    deliveryId: hash.digest('hex'),
    rawKey,
    recipients: session.envelope.rcptTo.map((r) => r.address),
    receivedAt,
  });
  options.onDelivered?.(rawKey, result);
}
