import type { DateTime } from 'luxon';
import { LONDON } from '#domain/calendar/working-calendar';
import { notifyAddress } from '#domain/case/route-case';
import { calendarFor } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { CaseStore } from '#application/ports/case-store';
import type { Log } from '#application/ports/logger';
import type { Mailer } from '#application/ports/mailer';
import { buildDigest, digestLetter } from '#domain/digest/build-digest';

export interface DigestDeps {
  readonly policies: PolicySet;
  readonly store: Pick<CaseStore, 'openCases'>;
  readonly mailer: Mailer;
  readonly mailDomain: string;
  readonly log: Log;
}

export type DigestOutcome = 'sent' | 'nothing-to-say' | 'not-a-working-day';

/** Where an organisation's digest goes: whoever handles its formal stages. */
export function digestRecipients(policy: Policy): string[] {
  return [...new Set(policy.stages.filter((s) => s.formal).map((s) => notifyAddress(policy, s.handler)))];
}

/** One organisation's digest for the morning of `now`: sent on its working days, and only when there is something to say. */
export async function sendDigest(deps: DigestDeps, policyId: string, now: DateTime): Promise<DigestOutcome> {
  const policy = deps.policies.get(policyId);
  const today = londonToday(now);
  if (!calendarFor(policy).isWorkingDay(today)) return 'not-a-working-day';
  const digest = buildDigest(policy, await deps.store.openCases(policy.id), now);
  if (!digest) return 'nothing-to-say';
  await deps.mailer.send({
    from: { address: policy.intake.addresses[0] as string, name: 'Redress' },
    to: digestRecipients(policy),
    ...digestLetter(policy, digest),
    messageId: `<digest.${policy.id}.${today}@${deps.mailDomain}>`,
    autoSubmitted: 'auto-generated',
  });
  deps.log.info('digest sent', { policy: policy.id, date: today, lines: digest.sections.reduce((n, s) => n + s.lines.length, 0) });
  return 'sent';
}

export function londonToday(now: DateTime): string {
  return now.setZone(LONDON).toISODate() as string;
}
