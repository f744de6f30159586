import { parseArgs } from 'node:util';
import type { ListedOutboxEntry } from '#application/ports/outbox';
import { oneLineSafe } from '#domain/text/display-safe';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

function line(e: ListedOutboxEntry): string {
  const what = e.kind === 'letter' ? `${e.letter.purpose} to ${e.letter.to.join(', ')}: ${oneLineSafe(e.letter.subject)}` : `timers of ${e.reference}`;
  const why = e.lastError ? ` (${oneLineSafe(e.lastError)})` : '';
  return [e.id, e.status, `${e.attempts} attempts`, e.status === 'pending' ? `next ${e.nextAttemptAt}` : (e.sentAt ?? ''), what + why].join('\t');
}

/** `redress outbox list [--dead]`: letters and timer changes waiting to go (or given up), oldest first. */
export async function outboxListCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dead: { type: 'boolean' } } });
  return withStack(async ({ outbox }) => {
    const entries = values.dead ? await outbox.dead(1000) : await outbox.pending(1000);
    for (const e of entries) process.stdout.write(line(e) + '\n');
    if (entries.length === 0) process.stdout.write(values.dead ? 'nothing given up\n' : 'nothing waiting\n');
    return 0;
  });
}

/** `redress outbox retry ID`: a letter given up goes back into the outbox and is tried again now. */
export async function outboxRetryCommand(args: string[]): Promise<number> {
  const [id, ...rest] = args;
  if (!id || rest.length > 0) throw new UsageError('usage: redress outbox retry ID');
  return withStack(
    async ({ useCases }) => {
      await useCases.retryLetter(id);
      process.stdout.write(`${id}: back in the outbox\n`);
      return 0;
    },
    { sendLetters: true },
  );
}

/** `redress outbox send`: works through the outbox once (what `npm start` does every few seconds). */
export async function outboxSendCommand(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError('usage: redress outbox send');
  return withStack(async ({ useCases }) => {
    const r = await useCases.sendDueLetters();
    process.stdout.write(`${r.sent} sent, ${r.timersSet} timer changes, ${r.failed} to retry, ${r.dead} given up, ${r.waiting} waiting\n`);
    return 0;
  });
}
