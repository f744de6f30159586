import type { Adjustment, AdjustmentsAsked } from '#domain/case/adjustment';
import type { Case } from '#domain/case/case';
import { dateInWords } from '#domain/letters/dates-in-words';
import { BUILT_IN_ADJUSTMENTS, type BuiltInAdjustment } from '#domain/policy/adjustments-schema';
import type { Policy } from '#domain/policy/policy-schema';

/** Redress's own adjustments in words, as staff and complainants read them. */
const BUILT_IN_NAMES: Record<BuiltInAdjustment, string> = {
  'large-print': 'Large print (letters printed at 16 point or more)',
  post: 'Letters by post',
  phone: 'A telephone call instead of letters',
  'email-only': 'Email only (no letters by post)',
  'easy-read': 'Easy read',
  interpreter: 'An interpreter or British Sign Language (BSL)',
  advocate: 'An advocate, or someone to support them',
  'more-time': 'More time to reply',
  other: 'Something else',
};

/** Every adjustment the policy offers, in order: Redress's list (with "something else" last), the policy's own before it. */
export function adjustmentChoices(policy: Policy): readonly { readonly id: string; readonly name: string }[] {
  const builtIn = BUILT_IN_ADJUSTMENTS.filter((k) => k !== 'other').map((k) => ({ id: k, name: BUILT_IN_NAMES[k] }));
  const own = (policy.adjustments?.kinds ?? []).map((k) => ({ id: k.id, name: k.name }));
  return [...builtIn, ...own, { id: 'other', name: BUILT_IN_NAMES.other }];
}

export function isAdjustmentKind(policy: Policy, kind: string): boolean {
  return adjustmentChoices(policy).some((k) => k.id === kind);
}

/** An adjustment's name; an unknown id (a kind the policy has since dropped) as its words. */
export function adjustmentName(policy: Policy, kind: string): string {
  return adjustmentChoices(policy).find((k) => k.id === kind)?.name ?? kind.replace(/-/g, ' ');
}

/** The adjustments in force: agreed and not ended, one per kind (the latest). */
export function activeAdjustments(c: Pick<Case, 'adjustments'>): Adjustment[] {
  const latest = new Map<string, Adjustment>();
  for (const a of c.adjustments ?? []) latest.set(a.kind, a);
  return [...latest.values()].filter((a) => !a.endedAt);
}

/** "Large print (...), review by Thursday 7 January 2027": one adjustment in a line, with its details. */
export function adjustmentInWords(policy: Policy, a: Pick<Adjustment, 'kind' | 'details' | 'reviewOn'>): string {
  return `${adjustmentName(policy, a.kind)}${a.details ? `: ${a.details}` : ''} (review by ${dateInWords(a.reviewOn)})`;
}

/** What the complainant asked for, in a line: the choices' names, then their own words. */
export function askedInWords(policy: Policy, asked: Pick<AdjustmentsAsked, 'kinds' | 'words'>): string {
  const names = asked.kinds.filter((k) => k !== 'other' || !asked.words).map((k) => adjustmentName(policy, k));
  // Their words without a closing full stop: every caller ends the sentence itself.
  const words = asked.words?.replace(/[.\s]+$/, '');
  return [...names, ...(words ? [`in their words: ${words}`] : [])].join('; ');
}

/**
 * What the complainant asked for that staff have not answered: the kinds not agreed (or agreed and since ended, which
 * is an answer too), with their words; their words alone only until staff have agreed anything (then they have been read).
 * Undefined when nothing is left.
 */
export function unansweredAsk(c: Pick<Case, 'adjustments' | 'adjustmentsAsked'>): Pick<AdjustmentsAsked, 'kinds' | 'words'> | undefined {
  const asked = c.adjustmentsAsked;
  if (!asked) return undefined;
  const agreed = new Set((c.adjustments ?? []).map((a) => a.kind));
  const kinds = asked.kinds.filter((k) => !agreed.has(k));
  // Their words stay beside any kind still open; alone, only until staff have agreed something.
  if (kinds.length === 0 && (agreed.size > 0 || !asked.words)) return undefined;
  return { kinds, ...(asked.words ? { words: asked.words } : {}) };
}

/**
 * The lines every staff notice about a case carries (see caseFacts): the adjustments in force, and what the
 * complainant asked for that nobody has answered yet. Nothing for a case with neither.
 */
export function adjustmentLines(policy: Policy, c: Pick<Case, 'reference' | 'adjustments' | 'adjustmentsAsked'>): string[] {
  const active = activeAdjustments(c);
  const lines = active.map((a) => `Adjustment: ${adjustmentInWords(policy, a)}`);
  const unanswered = unansweredAsk(c);
  if (unanswered) {
    lines.push(`They asked us to do things differently: ${askedInWords(policy, unanswered)}. Agree each one in the console (Reasonable adjustment) or with: redress case adjust ${c.reference} KIND --review DATE`);
  }
  return lines;
}
