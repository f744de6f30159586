import type { FC } from 'hono/jsx';
import { heldWithoutProof, type HeldMessage } from '#domain/mail/held-message';
import { instantInWords } from '#domain/letters/dates-in-words';
import { HELD_WHY } from './held-reason-words.js';
import { sizeInWords } from './size-in-words.js';

/**
 * A held message as a person judging it reads it: who sent it to which of our addresses, its subject, why it was held,
 * its words as text (never its HTML: the parser's text, escaped like every value on the page) and its attachments by
 * name, type and size (none is offered for opening here: the sender is unknown).
 */
export const HeldMessageShown: FC<{ m: HeldMessage }> = ({ m }) => (
  <>
    <h3>{m.subject ?? '(no subject)'}</h3>
    <dl class="summary">
      <dt>From</dt>
      <dd>{m.from ?? 'unknown'}</dd>
      <dt>To</dt>
      <dd>{m.to?.length ? m.to.join(', ') : 'not recorded'}</dd>
      {m.cc?.length ? (
        <>
          <dt>Cc</dt>
          <dd>{m.cc.join(', ')}</dd>
        </>
      ) : null}
      <dt>Received</dt>
      <dd>{instantInWords(m.receivedAt)}</dd>
      <dt>Why it was held</dt>
      <dd>
        {HELD_WHY[m.reason] ?? m.reason}
        {m.evidence?.length && !heldWithoutProof(m) ? ` (${m.evidence.join('; ')})` : ''}
        {m.detail ? `: ${m.detail}` : ''}
      </dd>
    </dl>
    {heldWithoutProof(m) ? (
      <p class="notice">
        {m.reason === 'possibly-automatic' ? 'Nothing in its headers shows a machine sent it' : 'It was held as automatic mail with no record of why'}
        {m.evidence?.length ? `; it was held because ${m.evidence.join('; ')}` : ''}. A person may have written it: read it, and if they did, release it into a case.
      </p>
    ) : null}
    <MessageText m={m} />
    {m.attachments?.length ? (
      <>
        <h4>Attached ({m.attachments.length})</h4>
        <ul>
          {m.attachments.map((a) => (
            <li>
              {a.filename || '(no name)'} <span class="hint">({sizeInWords(a.size)}, {a.contentType || 'no type given'})</span>
              {a.dangerous ? ' A file of this kind can run code on your computer.' : ''}
            </li>
          ))}
        </ul>
        <p class="hint">Released into a case, its files are offered on the case page.</p>
      </>
    ) : null}
  </>
);

/** Its words, or why they are not here. */
const MessageText: FC<{ m: HeldMessage }> = ({ m }) => {
  const words = m.text ?? m.excerpt;
  if (!words) {
    return <p class="hint">{m.textNotConverted ? 'Its HTML was too large to turn into text here: release it to read it in its case.' : m.subject !== undefined || m.from !== undefined ? 'No text to show: it has none, or it is marked confidential (its words are read only in its case, once released).' : 'It could not be read as an email, so there is no text to show.'}</p>;
  }
  return (
    <details open>
      <summary>{m.text ? 'The message, as text' : 'Its first words'}</summary>
      <div class="letter">{words}</div>
      {m.textNotConverted ? <p class="hint">Part of its HTML was too large to turn into text: release it to read the rest in its case.</p> : null}
    </details>
  );
};
