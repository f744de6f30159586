import { createHash } from 'node:crypto';
import type { IntakeOutcome, Verdicts } from '#application/intake/take-email';
import type { TestStack } from './test-stack.js';

export interface DeliveryOptions {
  readonly recipients?: string[];
  readonly verdicts?: Verdicts;
  /** By default the stack's clock. */
  readonly receivedAt?: string;
  /** The envelope sender (MAIL FROM). */
  readonly envelopeFrom?: string;
  /** SES's message id; by default the digest of the bytes. */
  readonly deliveryId?: string;
  /** Leave the letters in the outbox instead of sending them at once. */
  readonly keepLetters?: boolean;
}

/** Stores a raw message and takes it in, as SES (or the SMTP listener) and the intake function would, then sends its letters. */
export async function deliver(stack: TestStack, raw: string | Buffer, options: DeliveryOptions = {}): Promise<IntakeOutcome[]> {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\r?\n/g, '\r\n'));
  const deliveryId = options.deliveryId ?? createHash('sha256').update(bytes).digest('hex');
  const rawKey = `inbound/test/${deliveryId}.eml`;
  await stack.rawMail.put(rawKey, bytes);
  const outcomes = await stack.useCases.takeEmail({
    rawKey,
    recipients: options.recipients ?? [],
    receivedAt: options.receivedAt ?? stack.clock.now().toISOString(),
    ...(options.envelopeFrom ? { envelopeFrom: options.envelopeFrom } : {}),
    ...(options.verdicts ? { verdicts: options.verdicts } : {}),
  });
  if (!options.keepLetters) await stack.sendLetters();
  return outcomes;
}

let counter = 0;

/** A plain complaint email with a unique sender and Message-ID unless told otherwise. */
export function complaintEmail(fields: {
  to: string;
  from?: string;
  fromName?: string;
  subject?: string;
  body?: string;
  headers?: string[];
  messageId?: string;
}): { raw: string; from: string; messageId: string } {
  counter++;
  const unique = `${process.pid}.${counter}`;
  const from = fields.from ?? `person${unique}@example.net`;
  const messageId = fields.messageId ?? `<m${unique}@example.net>`;
  const raw = [
    `From: ${fields.fromName ?? 'Pat Person'} <${from}>`,
    `To: ${fields.to}`,
    `Subject: ${fields.subject ?? 'A complaint'}`,
    `Message-ID: ${messageId}`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0000',
    ...(fields.headers ?? []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    fields.body ?? 'I am not happy with the service I received.',
    '',
  ].join('\n');
  return { raw, from, messageId };
}
