import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { parseInstant } from '#domain/calendar/parse-instant';
import { londonDate } from '#domain/calendar/london-date';
import { buildDigest, digestLetter, morningOf } from '#domain/digest/build-digest';
import { overdueActions } from '#domain/digest/overdue-actions';
import { heldForAPerson } from '#domain/digest/held-for-a-person';
import type { DigestOutcome } from '#application/correspondence/send-digest';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

const SENT_WORDS: Record<DigestOutcome, string> = {
  sent: 'sent',
  'already-sent': 'already sent today: nothing sent again',
  'nothing-to-say': 'nothing to say: not sent',
  'not-a-working-day': 'not a working day for this organisation: not sent',
};

/** `redress digest --policy ID [--now INSTANT] [--send]`: an organisation's digest, printed (and sent with --send). */
export async function digestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { policy: { type: 'string' }, now: { type: 'string' }, send: { type: 'boolean' } } });
  if (!values.policy) throw new UsageError('usage: redress digest --policy ID [--now INSTANT] [--send]');
  const now = values.now ? parseInstant(values.now) : DateTime.now();
  return withStack(
    async ({ policies, cases, pendingActions, heldMail, useCases }) => {
      const policy = policies.get(values.policy as string);
      const today = londonDate(now);
      const morning = morningOf(now);
      // Open cases whole, and closed ones still with letters to post (their morning projections), as the sent digest lists them.
      const closedWithLetters = (await cases.due(policy.id, morning.weekEnd, morning.since)).filter((c) => c.status === 'closed');
      const digest = buildDigest(policy, [...(await cases.open(policy.id)), ...closedWithLetters], now, overdueActions(policy, await pendingActions.dueBefore(policy.id, today), today), heldForAPerson(await heldMail.list(policy.id)));
      if (!digest) {
        process.stdout.write(`nothing to say for ${policy.id} on ${londonDate(now)}: no digest\n`);
        return 0;
      }
      const letter = digestLetter(policy, digest);
      process.stdout.write(`Subject: ${letter.subject}\n\n${letter.text}`);
      if (values.send) process.stdout.write(`\n${SENT_WORDS[await useCases.sendDigest(policy.id, now)]}\n`);
      return 0;
    },
    { sendLetters: Boolean(values.send) },
  );
}
