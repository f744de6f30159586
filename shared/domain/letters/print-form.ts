import { activeAdjustments, unansweredAsk } from '#domain/adjustments/adjustment-kinds';
import type { Case, PostLetter } from '#domain/case/case';

/** How a letter for post prints now: at 16 point or not, and whether they asked for large print that nobody has agreed. */
export interface PrintForm {
  readonly largePrint: boolean;
  /** Still waiting, at normal size, while the complainant's request for large print (at intake) waits to be agreed. */
  readonly largePrintAsked: boolean;
}

/**
 * The form a letter for post prints in (issue 24). One that went keeps the form it went in. One still waiting to be
 * posted takes the form the adjustments in force now call for (letterForm's large-print rule), so large print agreed
 * after it was drafted reaches it, and an ended one leaves it. A request for large print only asked, not agreed, does
 * not change it: staff agree adjustments and letters follow them; the officer is told instead (largePrintAsked).
 * `letter` is the case's state of the letter (a draft from before that state was kept counts as waiting).
 */
export function printForm(c: Pick<Case, 'adjustments' | 'adjustmentsAsked'>, letter: Pick<PostLetter, 'largePrint' | 'postedOn'>): PrintForm {
  if (letter.postedOn) return { largePrint: letter.largePrint === true, largePrintAsked: false };
  const largePrint = activeAdjustments(c).some((a) => a.kind === 'large-print');
  return { largePrint, largePrintAsked: !largePrint && (unansweredAsk(c)?.kinds.includes('large-print') ?? false) };
}
