import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { themesNotices, type ThemesOutcome } from '#application/oversight/send-themes';
import { quarterlySummaryNotice, type QuarterlySummaryOutcome } from '#application/oversight/send-quarterly-summary';
import { settingsFrom } from '#composition/settings';
import { londonDate } from '#domain/calendar/london-date';
import { parseInstant } from '#domain/calendar/parse-instant';
import { quarterBefore, quarterOf } from '#domain/oversight/quarterly-summary';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

const THEMES_SENT: Record<ThemesOutcome, string> = {
  sent: 'sent',
  'already-sent': "already sent this week: nothing sent again",
  'nothing-to-say': 'nothing well above usual: not sent',
  'not-enough-history': 'not enough history to judge: not sent',
  'not-this-morning': "not the week's first working day for this organisation: not sent",
  'not-a-working-day': 'not a working day for this organisation: not sent',
};

const SUMMARY_SENT: Record<QuarterlySummaryOutcome, string> = {
  sent: 'sent',
  'already-sent': "already sent for this quarter: nothing sent again",
  'not-asked': 'the policy names no Member Responsible for Complaints: not sent',
  'not-due': "not the quarter's first working day for this organisation: not sent",
};

const options = { policy: { type: 'string' }, now: { type: 'string' }, send: { type: 'boolean' } } as const;

/**
 * `redress themes --policy ID [--now INSTANT] [--send]`: the look for themes as of a day, printed whatever the day
 * (each notice with whom it goes to); with --send, the weekly notice queued as the morning schedule would.
 */
export async function themesCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options });
  if (!values.policy) throw new UsageError('usage: redress themes --policy ID [--now INSTANT] [--send]');
  const now = values.now ? parseInstant(values.now) : DateTime.now();
  return withStack(
    async ({ policies, reportRecords, config, useCases }) => {
      const policy = policies.get(values.policy as string);
      const today = londonDate(now);
      const { enoughHistory, notices } = await themesNotices({ reportRecords, sending: settingsFrom(config).sending }, policy, today);
      if (notices.length === 0) process.stdout.write(`${enoughHistory ? 'nothing well above usual' : 'not enough history to judge (three earlier periods of 30 days)'} for ${policy.id} on ${today}: no notice\n`);
      for (const { recipients, letter } of notices) process.stdout.write(`To: ${recipients.join(', ')}\nSubject: ${letter.subject}\n\n${letter.text}\n`);
      if (values.send) process.stdout.write(`${THEMES_SENT[await useCases.sendThemes(policy.id, now)]}\n`);
      return 0;
    },
    { sendLetters: Boolean(values.send) },
  );
}

/**
 * `redress quarterly-summary --policy ID [--now INSTANT] [--send]`: the summary of the quarter before the one `now`
 * is in, as the Member Responsible for Complaints would get it, printed whatever the day; with --send, queued as
 * the quarterly schedule would (on the quarter's first working day only, once).
 */
export async function quarterlySummaryCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options });
  if (!values.policy) throw new UsageError('usage: redress quarterly-summary --policy ID [--now INSTANT] [--send]');
  const now = values.now ? parseInstant(values.now) : DateTime.now();
  return withStack(
    async ({ policies, reportRecords, config, useCases }) => {
      const policy = policies.get(values.policy as string);
      const member = policy.oversight?.memberResponsible;
      if (!member) {
        process.stdout.write(`${policy.id} names no Member Responsible for Complaints (oversight.memberResponsible): no summary\n`);
        return 0;
      }
      const today = londonDate(now);
      const { to, letter } = await quarterlySummaryNotice({ reportRecords, sending: settingsFrom(config).sending }, policy, member.role, quarterBefore(quarterOf(today)), today);
      process.stdout.write(`To: ${to}\nSubject: ${letter.subject}\n\n${letter.text}`);
      if (values.send) process.stdout.write(`\n${SUMMARY_SENT[await useCases.sendQuarterlySummary(policy.id, now)]}\n`);
      return 0;
    },
    { sendLetters: Boolean(values.send) },
  );
}
