import type { FC } from 'hono/jsx';
import type { OutboxEntry } from '#application/ports/outbox';
import type { TimelineEvent } from '#domain/case/case';
import { instantInWords } from '#domain/letters/dates-in-words';

/**
 * Every letter to the complainant: those emailed, with where each stands, and those drafted for post (a complainant
 * Redress may not email), each with its text to print, kept on the timeline once the action that drafted it is done.
 */
export const CaseLetters: FC<{ reference: string; letters: readonly OutboxEntry[]; timeline: readonly TimelineEvent[] }> = ({ reference, letters, timeline }) => {
  const emailed = letters.flatMap((e) => (e.kind === 'letter' && e.letter.toComplainant ? [e] : []));
  const posted = timeline.filter((e) => e.type === 'letter-drafted' && typeof e.detail?.subject === 'string' && typeof e.detail.text === 'string');
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
              <summary>{`${String(e.detail?.subject)}: drafted ${instantInWords(e.at)}, to post (or read to them)`}</summary>
              <div class="letter">{String(e.detail?.text)}</div>
            </details>
            <PrintLinks reference={reference} id={e.id} subject={String(e.detail?.subject)} />
          </li>
        ))}
      </ul>
    </>
  );
};

/** Where a letter is printed from: its A4 page and its PDF, each named for the letter to a screen reader. */
const PrintLinks: FC<{ reference: string; id: string; subject: string }> = ({ reference, id, subject }) => {
  const href = `/console/cases/${reference}/letters/${encodeURIComponent(id)}`;
  return (
    <span class="letter-links">
      (<a href={`${href}/print`} aria-label={`Print page of ${subject}`}>print</a>, <a href={`${href}/pdf`} aria-label={`PDF of ${subject}`}>PDF</a>)
    </span>
  );
};
