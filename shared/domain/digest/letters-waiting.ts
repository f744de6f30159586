import { cleanOneLine } from '#domain/text/display-safe';
import { adjustmentReviewsOf, hasPostalAddress, lettersToCallFor, lettersToPost, type DueCase } from './due-case.js';

/** A case with letters drafted for post and not yet posted: the morning view's and the digest's "Letters to post". */
export interface LettersWaiting {
  readonly reference: string;
  readonly letters: number;
  readonly closed: boolean;
  readonly confidential: boolean;
  /** Who to write to or call, where the reader may see it (not for a confidential case, nor one they may not read). */
  readonly who?: string;
  /** The number to call, likewise, where letters wait for a call the person asked for instead of letters. */
  readonly phone?: string;
  /** How many of the letters wait for that call first. */
  readonly toCall?: number;
  /** Large print is in force: every letter still waiting prints at 16 point, whenever it was drafted (printForm). */
  readonly largePrint?: boolean;
  /** The case has no postal address to post them to (a web form's address not yet confirmed, a caller who gave none). */
  readonly noPostalAddress?: true;
}

export const LETTERS_TO_POST_SECTION = 'Letters to post';
export const CALLS_SECTION = 'Calls to make before a letter goes';

/** The most of a name a line shows. */
const NAME_CHARACTERS = 80;

/**
 * The cases (open, or closed since) whose letters wait to be posted, and the calls that must come first, from the
 * cases' morning projections or cases read whole: one place for the morning view and the digest. `shown` says
 * whether the reader may see who the case is from (and so their number).
 */
export function lettersWaiting(cases: readonly DueCase[], shown: (c: DueCase) => boolean): LettersWaiting[] {
  return cases
    .filter((c) => lettersToPost(c) > 0)
    .map((c) => {
      const visible = shown(c) && !c.confidential;
      const name = c.complainant.anonymous ? 'Anonymous' : cleanOneLine(c.complainant.name ?? '') || undefined;
      const toCall = lettersToCallFor(c);
      const largePrint = adjustmentReviewsOf(c).some((a) => a.kind === 'large-print');
      return {
        reference: c.reference,
        letters: lettersToPost(c),
        closed: c.status === 'closed',
        confidential: c.confidential,
        ...(visible && name ? { who: [...name].slice(0, NAME_CHARACTERS).join('') } : {}),
        ...(visible && toCall > 0 && c.complainant.phone ? { phone: cleanOneLine(c.complainant.phone) } : {}),
        ...(toCall > 0 ? { toCall } : {}),
        ...(largePrint ? { largePrint } : {}),
        ...(hasPostalAddress(c) ? {} : { noPostalAddress: true as const }),
      };
    });
}

/** "CCC-2026-0001, Pat Person (closed): 2 letters to print (in large print) and post, then mark posted". */
export function letterToPostLine(w: LettersWaiting): string {
  return `${w.reference}${w.who ? `, ${w.who}` : w.confidential ? ' (confidential)' : ''}${w.closed ? ' (closed)' : ''}: ${w.letters === 1 ? 'a letter' : `${w.letters} letters`} to print${w.largePrint ? ' in large print' : ''} and post, then mark posted${w.noPostalAddress ? ' (no postal address on the case: add one on the case page, or read it to them)' : ''}`;
}

/** "Call Pat Person on 01632 960000 before sending (a letter waits for the call they asked for instead of letters)". */
export function callLine(w: LettersWaiting): string {
  const number = w.phone ? ` on ${w.phone}` : w.who ? ' (no telephone number on the case: find one)' : ' (open the case for the number)';
  return `Call ${w.who ?? 'the complainant'}${number} before sending (${w.toCall === 1 ? 'a letter waits' : `${w.toCall} letters wait`} for the call they asked for instead of letters)`;
}

/** The digest's two sections for them, each line led by the reference. */
export function lettersWaitingSections(waiting: readonly LettersWaiting[]): { heading: string; lines: { reference: string; text: string }[] }[] {
  return [
    { heading: CALLS_SECTION, lines: waiting.filter((w) => (w.toCall ?? 0) > 0).map((w) => ({ reference: w.reference, text: `${w.reference}: ${callLine(w)}` })) },
    { heading: LETTERS_TO_POST_SECTION, lines: waiting.map((w) => ({ reference: w.reference, text: letterToPostLine(w) })) },
  ];
}
