/**
 * Real-world emails from other projects' public test suites (tests/corpus/manifest.json names each one's
 * repository, path, commit and licence): out-of-office replies, abuse feedback reports, delivery reports
 * from a score of mail systems, odd charsets, HTML-only mail, attachments and forwarded mail. Each is parsed and classified as expected, and each goes
 * through the whole intake without loss: mail whose headers show a machine wrote it never opens a case, every other
 * message does (an out-of-office whose headers say nothing, only its subject, too: flagged for staff).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { classifyEmail } from '#domain/mail/classify-email';
import { parseEmail } from '#adapters/mail/parse-email';
import { DEFAULT_PARSE_LIMITS } from '#domain/mail/email-parse-limits';
import { deliver } from '#tests/support/deliver';
import { sentEmails } from '#tests/support/ses-outbox';
import { testStack, type TestStack } from '#tests/support/test-stack';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const manifest = z
  .object({
    emails: z.array(
      z.object({
        file: z.string(),
        source: z.object({ repository: z.string(), path: z.string(), commit: z.string().length(40), license: z.string() }),
        kind: z.string(),
        expect: z.object({
          autoReply: z.boolean(),
          subjectReadsAutomatic: z.boolean().optional(),
          bounce: z.boolean(),
          from: z.string().nullable(),
          textIncludes: z.string(),
          attachments: z.array(z.string()).optional(),
        }),
      }),
    ),
  })
  .parse(JSON.parse(readFileSync(`${CORPUS}manifest.json`, 'utf8')));

const raw = (file: string) => readFileSync(`${CORPUS}emails/${file}`);

describe('the corpus', () => {
  it('has at least 50 emails from at least five projects, 35 of them automatic, covering every kind the issues name', () => {
    expect(manifest.emails.length).toBeGreaterThanOrEqual(50);
    expect(manifest.emails.filter((e) => e.expect.autoReply || e.expect.bounce).length).toBeGreaterThanOrEqual(35);
    expect(new Set(manifest.emails.map((e) => e.source.repository)).size).toBeGreaterThanOrEqual(5);
    const kinds = manifest.emails.map((e) => e.kind).join('\n');
    for (const kind of ['out-of-office', 'Outlook', 'Exchange', 'Gmail', 'bounce', 'charset', 'HTML only', 'attachment', 'forwarded', 'ARF', 'Amazon SES', 'Office 365', 'Yahoo']) {
      expect(kinds).toContain(kind);
    }
  });
});

describe.each(manifest.emails)('$file ($kind)', (entry) => {
  it('parses and classifies as expected', async () => {
    const email = await parseEmail(raw(entry.file), DEFAULT_PARSE_LIMITS);
    const classification = classifyEmail(email, ['confidential complaint']);
    expect({ autoReply: classification.autoReply, bounce: classification.bounce }).toEqual({
      autoReply: entry.expect.autoReply,
      bounce: entry.expect.bounce,
    });
    // Automatic only by header evidence, and the evidence is named.
    expect(classification.evidence.length > 0).toBe(entry.expect.autoReply);
    if (entry.expect.subjectReadsAutomatic !== undefined) expect(classification.subjectReadsAutomatic).toBe(entry.expect.subjectReadsAutomatic);
    expect(email.from?.address ?? null).toBe(entry.expect.from);
    expect(email.text).toContain(entry.expect.textIncludes);
    if (entry.expect.attachments) expect(email.attachments.map((a) => a.filename)).toEqual(entry.expect.attachments);
  });
});

describe('the corpus through the whole intake', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await testStack();
  });

  it('opens a case for every message a person wrote, and none for automatic mail or bounces', async () => {
    for (const entry of manifest.emails) {
      const [outcome] = await deliver(stack, raw(entry.file), { recipients: ['complaints@county-council.example'] });
      const automatic = entry.expect.autoReply || entry.expect.bounce;
      if (automatic) {
        expect(outcome?.kind, entry.file).toBe('held');
        if (entry.expect.from) expect(await sentEmails(stack.sesEndpoint, entry.expect.from), entry.file).toEqual([]);
      } else {
        expect(outcome?.kind, entry.file).toBe('case-opened');
        if (entry.expect.subjectReadsAutomatic) {
          const opened = await stack.cases.get((outcome as { reference: string }).reference);
          expect(opened?.flags, entry.file).toContain('subject-reads-automatic');
        }
      }
    }
    const held = await stack.heldMail.list('county-council');
    // Each held as automatic says what in its headers showed it.
    expect(held.filter((h) => h.reason === 'auto-reply' && !h.evidence?.length)).toEqual([]);
    expect(held.map((h) => h.reason).sort()).toEqual(
      manifest.emails
        .filter((e) => e.expect.autoReply || e.expect.bounce)
        .map((e) => (e.expect.bounce ? 'bounce-unmatched' : 'auto-reply'))
        .sort(),
    );
  });
});
