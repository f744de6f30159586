import { parseArgs } from 'node:util';
import { parseInstant } from '#domain/calendar/parse-instant';
import { runDueTimers } from '#local/local-clock';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

/** `redress timers list [REF]`: the local stack's timers, soonest first. */
export async function timersListCommand(args: string[]): Promise<number> {
  const [reference, ...rest] = args;
  if (rest.length > 0) throw new UsageError('usage: redress timers list [REF]');
  return withStack(async ({ localTimers }) => {
    const list = reference ? await localTimers.list(reference.toUpperCase()) : await localTimers.due(new Date('9999-12-31T00:00:00Z'));
    for (const t of list) process.stdout.write(`${t.fireAt}\t${t.input.purpose}\t${t.input.reference}\t${t.input.stage}\t${t.input.kind}\t${t.name}\n`);
    if (list.length === 0) process.stdout.write('no timers\n');
    return 0;
  });
}

/**
 * `redress clock run-due --now INSTANT`: fire every timer due by that instant, and sweep raw mail never taken in, as
 * if the clock had got there.
 */
export async function clockRunDueCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { now: { type: 'string' } } });
  if (!values.now) throw new UsageError('usage: redress clock run-due --now INSTANT');
  const now = parseInstant(values.now).toJSDate();
  return withStack(
    async ({ localTimers, useCases, log }) => {
      const fired = await runDueTimers(localTimers, useCases.fireTimer, now, log);
      for (const f of fired) process.stdout.write(`${f.timer.fireAt}\t${f.timer.input.reference}\t${f.timer.input.purpose} ${f.timer.input.kind}\t${f.outcome}\n`);
      const unclaimed = await useCases.sweepUnclaimedMail();
      if (unclaimed.kept + unclaimed.destroyed + unclaimed.failed > 0) process.stdout.write(`unclaimed mail: ${unclaimed.kept} kept, ${unclaimed.destroyed} destroyed, ${unclaimed.failed} to retry\n`);
      else if (fired.length === 0) process.stdout.write('nothing due\n');
      return 0;
    },
    { now, sendLetters: true },
  );
}
