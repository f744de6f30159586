import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { parseInstant } from '#domain/calendar/parse-instant';
import { readInputFile } from '#cli/read-input-file';
import { UsageError } from '#cli/usage-error';
import { withStack } from '#cli/stack-context';

/** `redress ingest FILE [--to ADDRESS] [--at INSTANT]`: takes a raw email into the local pipeline, as if it had been delivered then. */
export async function ingestCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { to: { type: 'string', multiple: true }, at: { type: 'string' } } });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new UsageError('usage: redress ingest FILE [--to ADDRESS] [--at INSTANT]');
  const at = values.at ? parseInstant(values.at).toJSDate() : undefined;
  const raw = readInputFile(file);
  const digest = createHash('sha256').update(raw).digest('hex');
  return withStack(
    async ({ rawMail, useCases, clock }) => {
      const receivedAt = clock.now().toISOString();
      const inbound = { rawKey: `inbound/${receivedAt.slice(0, 10)}/cli-${digest}.eml`, recipients: values.to ?? [], receivedAt };
      await useCases.noteMailReceipt(inbound);
      await rawMail.put(inbound.rawKey, raw);
      for (const outcome of await useCases.takeReceivedEmail(inbound)) {
        if (outcome.kind === 'held') process.stdout.write(`no case: held (${outcome.reason})${outcome.policyId ? ` for ${outcome.policyId}` : ' for operators'}\n`);
        else if (outcome.kind === 'case-opened') process.stdout.write(`${outcome.reference}${outcome.acknowledged ? ' (acknowledged)' : ' (not acknowledged)'}\n`);
        else process.stdout.write(`${outcome.reference} (${outcome.kind})\n`);
      }
      return 0;
    },
    { sendLetters: true, ...(at ? { now: at } : {}) },
  );
}
