import type { DateTime } from 'luxon';
import { mayKnowOf, mayRead } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import type { Sending } from '#domain/letters/addressing';
import { printedEmailLetter, printedPostLetter, type PrintedLetter } from '#domain/letters/printed-letter';
import { activeAdjustments } from '#domain/adjustments/adjustment-kinds';
import { printForm } from '#domain/letters/print-form';
import type { ChangeCaseDeps } from '../change-case.js';
import type { Outbox } from '../ports/outbox.js';
import { CaseNotFoundError } from '../ports/store-errors.js';
import { recordConfidentialView } from './record-confidential-view.js';

/** No letter to the complainant with this id on the case. */
export class LetterNotFoundError extends Error {
  constructor(
    readonly reference: string,
    readonly id: string,
  ) {
    super(`${reference} has no letter to the complainant with id ${id}; open the case for the list of its letters`);
    this.name = 'LetterNotFoundError';
  }
}

/** A confidential case this person may know of but not read: its letters are as closed to them as its content. */
export class LetterNotYoursToReadError extends Error {
  constructor(readonly reference: string) {
    super(`${reference} is confidential: only the person handling it and those above them can read or print its letters`);
    this.name = 'LetterNotYoursToReadError';
  }
}

export type LetterToPrintDeps = ChangeCaseDeps & { readonly sending: Sending; readonly outbox: Pick<Outbox, 'ofCase'> };

/**
 * One letter to the complainant, laid out for paper, for a person who may read the case (the case page's rules: a
 * case about them is "no such case"). `id` is a post draft's timeline event id, or an emailed letter's outbox id.
 * Printing a confidential case's letter is a reading of it, and goes on its timeline like one.
 */
export async function letterToPrint(deps: LetterToPrintDeps, member: StaffMember, reference: string, id: string, at: DateTime): Promise<PrintedLetter> {
  const c = await deps.cases.get(reference);
  const policy = c ? deps.policies.get(c.policyId) : undefined;
  if (!c || !policy || !mayKnowOf(member, policy, c)) throw new CaseNotFoundError(reference);
  if (!mayRead(member, policy, c)) throw new LetterNotYoursToReadError(reference);
  const [timeline, entries] = await Promise.all([deps.cases.timeline(reference), deps.outbox.ofCase(reference)]);
  const drafted = timeline.find((e) => e.id === id && e.type === 'letter-drafted');
  const emailed = entries.find((e) => e.id === id && e.kind === 'letter' && e.letter.toComplainant);
  let letter: PrintedLetter | undefined;
  if (drafted && typeof drafted.detail?.subject === 'string' && typeof drafted.detail.text === 'string') {
    letter = printedPostLetter(reference, String(drafted.detail.kind ?? 'letter'), drafted.detail.subject, drafted.detail.text);
  } else if (emailed?.kind === 'letter') {
    letter = printedEmailLetter(policy, c, emailed.letter.purpose, emailed.letter, emailed.sentAt ?? emailed.createdAt);
  }
  if (!letter) throw new LetterNotFoundError(reference, id);
  // A letter for post prints in the form the adjustments now call for until it is posted, then in the form it went in
  // (printForm); a copy of an emailed letter is printed large while the adjustment holds.
  const state = c.postLetters?.find((l) => l.id === id) ?? (drafted?.detail?.largePrint === true ? { largePrint: true } : {});
  const large = drafted ? printForm(c, state).largePrint : activeAdjustments(c).some((a) => a.kind === 'large-print');
  if (large) letter = { ...letter, largePrint: true };
  if (c.confidential) await recordConfidentialView(deps, member, reference, at, `Printed the letter: ${letter.subject}`);
  return letter;
}
