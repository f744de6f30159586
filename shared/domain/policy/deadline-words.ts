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

/** A deadline's kind as a digest line and the console say it; a new kind fails the type check until it has words. */
const LINE_WORDS: Record<DeadlineKind, string> = {
  acknowledge: 'acknowledge',
  meet: 'meet the complainant',
  respond: 'respond',
  'respond-max': 'respond (limit)',
  'appeal-window': 'appeal window ends',
  'external-escalation-window': 'outside-body window ends',
  retention: 'destroy records',
};
/** The same, looked up by a kind as a case stores it (a string). */
export const KIND_WORDS: Readonly<Record<string, string>> = LINE_WORDS;

/** Each kind as the task its deadline is for ("The last day to send the full response is ..."); a new kind needs words here. */
const TASK_WORDS: Record<DeadlineKind, string> = {
  acknowledge: 'acknowledge the complaint',
  meet: 'meet the complainant',
  respond: 'send the full response',
  'respond-max': 'send the response (the absolute limit)',
  'appeal-window': 'receive an appeal',
  'external-escalation-window': 'go to the outside body (the complainant\'s time ends)',
  retention: 'destroy the records',
};

/** The task a deadline of this kind (as a case stores it) is for, or the kind itself if unknown. */
export function deadlineTaskWords(kind: string): string {
  return (TASK_WORDS as Record<string, string>)[kind] ?? kind;
}
