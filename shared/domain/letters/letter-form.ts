import { activeAdjustments, adjustmentName } from '#domain/adjustments/adjustment-kinds';
import type { Case } from '#domain/case/case';
import { writableByEmail } from '#domain/case/reachable';
import type { Policy } from '#domain/policy/policy-schema';

/**
 * How the next letter to the complainant goes: by email, or as a letter for post (kept on the case for staff to
 * print, post or read out); at 16 point when printed; and whether staff call them before it goes.
 */
export interface LetterForm {
  readonly channel: 'email' | 'post';
  readonly largePrint: boolean;
  /** They asked for a telephone call instead of letters: the letter waits on the officer's list until they call. */
  readonly callFirst: boolean;
  /** Why, in words for the timeline (the adjustments and preferences that decided it). */
  readonly reasons: readonly string[];
}

/**
 * Which form a letter takes, from the case's agreed adjustments, the complainant's preference and whether Redress may
 * email them. The rules, in order:
 * - email only: by email where Redress may email them; never drafted for post unless it cannot (then staff are told
 *   not to post it but to reach them another way, so the letter is still not lost);
 * - large print: a letter for post, printed at 16 point (an email's size is the reader's; paper's is ours);
 * - letters by post, or a preference for post: a letter for post;
 * - a telephone call instead of letters: the letter is kept for staff, who call before it goes (read it out, or
 *   post it after the call);
 * - otherwise by email where Redress may (an address proved and not bouncing), else for post.
 * Pure: the case and the policy in, the form out (the policy names the adjustments in the reasons).
 */
export function letterForm(policy: Policy | undefined, c: Pick<Case, 'complainant' | 'flags' | 'adjustments'>): LetterForm {
  const active = new Set(activeAdjustments(c).map((a) => a.kind));
  const named = (kind: string) => (policy ? adjustmentName(policy, kind) : kind).replace(/ \(.*\)$/, '').toLowerCase();
  const writable = writableByEmail(c);
  const largePrint = active.has('large-print');
  const callFirst = active.has('phone');
  const reasons: string[] = [];
  if (active.has('email-only')) {
    if (writable) return { channel: 'email', largePrint: false, callFirst: false, reasons: [`agreed adjustment: ${named('email-only')}`] };
    reasons.push(`agreed adjustment: ${named('email-only')}, but the address cannot be written to: do not post it; reach them another way for an address that works`);
    return { channel: 'post', largePrint, callFirst, reasons };
  }
  for (const kind of ['large-print', 'post', 'phone'] as const) if (active.has(kind)) reasons.push(`agreed adjustment: ${named(kind)}`);
  if (c.complainant.preferredChannel === 'post') reasons.push('the complainant asked for letters by post');
  else if (!writable) reasons.push(c.complainant.email ? 'the address cannot be written to' : 'no email address');
  return { channel: reasons.length > 0 ? 'post' : 'email', largePrint, callFirst, reasons };
}
