import { parseArgs } from 'node:util';
import { loadConfig, policyDefaultsFrom } from '#config/config';
import { classifyEmail } from '#domain/mail/classify-email';
import { parseEmail } from '#adapters/mail/parse-email';
import { DEFAULT_PARSE_LIMITS } from '#domain/mail/email-parse-limits';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { readInputFile } from '#cli/read-input-file';
import { UsageError } from '#cli/usage-error';

/** `redress parse-email FILE`: what Redress reads in a raw email, as one JSON object. */
export async function parseEmailCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new UsageError('usage: redress parse-email FILE');
  const raw = readInputFile(file);
  const email = await parseEmail(raw, DEFAULT_PARSE_LIMITS);
  const policies = loadPolicyDirectory(loadConfig().REDRESS_POLICIES_DIR, policyDefaultsFrom(loadConfig()));
  // The confidential marker is the addressed organisation's; for mail to no known address, any policy's.
  const addressed = [...email.to, ...email.cc].map((a) => policies.forAddress(a.address)).find(Boolean);
  const markers = (addressed ? [addressed] : policies.all).flatMap((p) => (p.intake.confidentialMarker ? [p.intake.confidentialMarker.phrase] : []));
  const classification = classifyEmail(email, markers, new Set(policies.all.map((p) => p.referencePrefix)));
  const out = {
    from: email.from ? { address: email.from.address, name: email.from.name } : null,
    to: email.to.map((a) => ({ address: a.address, name: a.name })),
    subject: email.subject,
    date: email.date ?? null,
    messageId: email.messageId ?? null,
    inReplyTo: email.inReplyTo ?? null,
    references: email.references,
    text: email.text,
    attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size })),
    classification,
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}
