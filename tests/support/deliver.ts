import { createHash } from 'node:crypto';
import type { Verdicts } from '#application/intake/ingest-email';
import type { DeliveryResult } from '#composition/intake-service';
import type { TestStack } from './test-stack.js';

export interface DeliveryOptions {
  readonly recipients?: string[];
  readonly verdicts?: Verdicts;
  readonly receivedAt?: string;
  /** SES's message id; by default the digest of the bytes, as the local listener uses. */
  readonly deliveryId?: string;
}

/** Stores a raw message and takes it in, as SES (or the SMTP listener) and the intake function would. */
export async function deliver(stack: TestStack, raw: string | Buffer, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\r?\n/g, '\r\n'));
  const digest = createHash('sha256').update(bytes).digest('hex');
  const deliveryId = options.deliveryId ?? digest;
  const rawKey = `inbound/test/${deliveryId}.eml`;
  await stack.rawMail.put(rawKey, bytes);
  return stack.intake.take({
    deliveryId,
    rawKey,
    recipients: options.recipients ?? [],
    receivedAt: options.receivedAt ?? new Date().toISOString(),
    ...(options.verdicts ? { verdicts: options.verdicts } : {}),
  });
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
  const from = fields.from ?? `person${counter}.${Date.now()}@example.net`;
  const messageId = fields.messageId ?? `<m${counter}.${Date.now()}@example.net>`;
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
