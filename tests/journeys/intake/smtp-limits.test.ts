/**
 * The local SMTP listener's limits, over the real smtp-server on loopback with a bare SMTP client: a message
 * over REDRESS_MAX_EMAIL_BYTES sent with no SIZE declared is refused with 552 as it streams, and nothing of it
 * stays stored; a transaction takes at most REDRESS_SMTP_MAX_RECIPIENTS recipients, the next is answered 452.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRawMailStore } from '#adapters/file/file-raw-mail-store';
import type { InboundEmail, IntakeOutcome } from '#application/intake/take-email';
import type { RunningServer } from '#local/dynamodb-local';
import { startSmtpListener } from '#local/smtp-listener';
import { SmtpDialogue } from '#tests/support/smtp-dialogue';
import { quietLog } from '#tests/support/test-stack';

const MAX_BYTES = 1024 * 1024;
const MAX_RECIPIENTS = 50;

/** The raw-mail store on disk, counting what each message it was handed came to: how much was written. */
class CountingStore extends FileRawMailStore {
  readonly written = new Map<string, number>();
  override async putStream(key: string, content: Readable): Promise<void> {
    this.written.set(key, 0);
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.written.set(key, (this.written.get(key) ?? 0) + chunk.length);
        done(null, chunk);
      },
    });
    content.on('error', (error) => counter.destroy(error));
    return super.putStream(key, content.pipe(counter));
  }
}

const root = mkdtempSync(join(tmpdir(), 'smtp-limits-'));
const store = new CountingStore(root);
const taken: InboundEmail[] = [];
let smtp: RunningServer;

beforeAll(async () => {
  smtp = await startSmtpListener({
    port: 0,
    maxEmailBytes: MAX_BYTES,
    maxRecipients: MAX_RECIPIENTS,
    rawMail: store,
    noteReceipt: async () => {},
    take: async (inbound): Promise<IntakeOutcome[]> => {
      taken.push(inbound);
      return [];
    },
    log: quietLog,
    now: () => new Date('2026-11-23T10:00:00Z'),
  });
});
afterAll(() => smtp.stop());

/** Every raw message file under the store (attachments included), as paths relative to it. */
function storedFiles(): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

const head = (subject: string) => ['From: Pat <pat@example.net>', 'To: complaints@county-council.example', `Subject: ${subject}`, '', ''].join('\r\n');

describe('the SMTP listener', () => {
  it('refuses a message over the maximum sent with no SIZE: 552, the store stopped at the limit and kept nothing; the next message on the connection is taken', async () => {
    const { dialogue } = await SmtpDialogue.open(smtp.port as number);
    try {
      expect((await dialogue.command('EHLO sender.example')).text).toContain(`SIZE ${MAX_BYTES}`);
      expect((await dialogue.command('MAIL FROM:<pat@example.net>')).code).toBe(250);
      expect((await dialogue.command('RCPT TO:<complaints@county-council.example>')).code).toBe(250);
      const reply = await dialogue.data(head('Three times the limit'), 3 * MAX_BYTES);
      expect(reply.code).toBe(552);
      expect(taken).toEqual([]);
      expect(storedFiles()).toEqual([]);
      // Writing stopped at the limit: the store was handed no more than the maximum (and one chunk).
      const [written] = [...store.written.values()];
      expect(written).toBeLessThanOrEqual(MAX_BYTES + 64 * 1024);

      expect((await dialogue.command('MAIL FROM:<pat@example.net>')).code).toBe(250);
      expect((await dialogue.command('RCPT TO:<complaints@county-council.example>')).code).toBe(250);
      expect((await dialogue.data(head('Within the limit'), MAX_BYTES / 2)).code).toBe(250);
      expect(taken).toHaveLength(1);
      expect(storedFiles()).toHaveLength(1);
    } finally {
      await dialogue.close();
    }
  });

  it(`takes ${MAX_RECIPIENTS} recipients and answers the next with 452; the message goes to the ${MAX_RECIPIENTS}`, async () => {
    taken.length = 0;
    const { dialogue } = await SmtpDialogue.open(smtp.port as number);
    try {
      await dialogue.command('EHLO sender.example');
      expect((await dialogue.command('MAIL FROM:<pat@example.net>')).code).toBe(250);
      const codes: number[] = [];
      for (let i = 1; i <= MAX_RECIPIENTS + 1; i++) codes.push((await dialogue.command(`RCPT TO:<r${i}@county-council.example>`)).code);
      expect(codes.slice(0, MAX_RECIPIENTS).every((c) => c === 250)).toBe(true);
      expect(codes[MAX_RECIPIENTS]).toBe(452);
      expect((await dialogue.data(head('To many'), 1000)).code).toBe(250);
      expect(taken.map((t) => t.recipients.length)).toEqual([MAX_RECIPIENTS]);
    } finally {
      await dialogue.close();
    }
  });
});
