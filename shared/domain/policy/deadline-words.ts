import type { DeadlineKind } from './policy-schema.js';

/**
 * Each deadline kind as staff read it before its date ("Respond by: Monday 7 December 2026"): in notices, on the
 * console's case page and in its forms, never the kind's id ("respond-max"). A new kind fails the type check
 * until it has words here.
 */
export const DEADLINE_DUE_WORDS: Record<DeadlineKind, string> = {
  acknowledge: 'Acknowledge by',
  meet: 'Meet the complainant by',
  respond: 'Respond by',
  'respond-max': 'Respond at the latest by',
  'appeal-window': 'Appeal window ends',
  'external-escalation-window': 'Outside-body window ends',
  retention: 'Destroy records on',
};

/** The words for a deadline kind as stored on a case (a string there), or the kind itself if unknown. */
export function deadlineDueWords(kind: string): string {
  return (DEADLINE_DUE_WORDS as Record<string, string>)[kind] ?? kind;
}
