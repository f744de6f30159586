import { londonDate } from '#domain/calendar/london-date';
import type { FC } from 'hono/jsx';
import type { OutboxEntry } from '#application/ports/outbox';
import type { Case, PostLetter, TimelineEvent } from '#domain/case/case';
import { dateInWords, instantInWords } from '#domain/letters/dates-in-words';
import { printForm, type PrintForm } from '#domain/letters/print-form';

/**
 * Every letter to the complainant: those emailed, with where each stands, and those drafted for post (a complainant
 * Redress may not email), each with its text to print, kept on the timeline once the action that drafted it is done.
 */
export const CaseLetters: FC<{ reference: string; letters: readonly OutboxEntry[]; timeline: readonly TimelineEvent[]; postLetters?: readonly PostLetter[]; adjusted?: Pick<Case, 'adjustments' | 'adjustmentsAsked'>; mayAct?: boolean }> = ({ reference, letters, timeline, postLetters = [], adjusted = {}, mayAct = false }) => {
  const emailed = letters.flatMap((e) => (e.kind === 'letter' && e.letter.toComplainant ? [e] : []));
  const posted = timeline.filter((e) => e.type === 'letter-drafted' && typeof e.detail?.subject === 'string' && typeof e.detail.text === 'string');
  const state = (id: string) => postLetters.find((l) => l.id === id);
  const form = (e: TimelineEvent) => printForm(adjusted, state(e.id) ?? (e.detail?.largePrint === true ? { largePrint: true } : {}));
  return (
    <>
      <h2>Letters</h2>
      {emailed.length === 0 && posted.length === 0 ? <p>None yet.</p> : null}
      <ul>
        {emailed.map((e) => (
          <li>
            {`${e.letter.subject}: ${e.status === 'sent' ? `emailed ${instantInWords(e.sentAt ?? e.createdAt)}` : e.status === 'dead' ? 'could not be sent' : 'waiting to go'}`} <PrintLinks reference={reference} id={e.id} subject={e.letter.subject} />
          </li>
        ))}
        {posted.map((e) => (
          <li>
            <details>
              <summary>{`${String(e.detail?.subject)}: drafted ${instantInWords(e.at)}, ${postWords(state(e.id), form(e))}`}</summary>
              <div class="letter">{String(e.detail?.text)}</div>
            </details>
            <PrintLinks reference={reference} id={e.id} subject={String(e.detail?.subject)} />
            {form(e).largePrintAsked && !state(e.id)?.outdatedAt ? <p class="notice">They asked for large print: this letter prints at normal size until large print is agreed.</p> : null}
            {mayAct && state(e.id) && !state(e.id)?.postedOn && !state(e.id)?.outdatedAt ? (
              <>
                {' '}
                <a href={`/console/cases/${reference}/actions/posted?letter=${encodeURIComponent(e.id)}`} aria-label={`Mark posted: ${String(e.detail?.subject)}`}>
                  mark posted
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
};

/**
 * Where a letter for post stands: "to post" until staff record the day it went (drafts from before that have no
 * state), "in large print" where it prints so (printForm: a waiting letter follows the adjustments in force now).
 */
function postWords(letter: PostLetter | undefined, form: PrintForm): string {
  const large = form.largePrint ? ', in large print' : '';
  if (!letter) return `to post (or read to them)${large}`;
  if (letter.postedOn) return `posted ${dateInWords(letter.postedOn)}${large}`;
  return letter.outdatedAt ? `not to post: drafted before the details were corrected on ${dateInWords(londonDate(letter.outdatedAt))}` : `to post${large}`;
}

/** Where a letter is printed from: its A4 page and its PDF, each named for the letter to a screen reader. */
const PrintLinks: FC<{ reference: string; id: string; subject: string }> = ({ reference, id, subject }) => {
  const href = `/console/cases/${reference}/letters/${encodeURIComponent(id)}`;
  return (
    <span class="letter-links">
      (<a href={`${href}/print`} aria-label={`Print page of ${subject}`}>print</a>, <a href={`${href}/pdf`} aria-label={`PDF of ${subject}`}>PDF</a>)
    </span>
  );
};
