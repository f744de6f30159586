import type { FC } from 'hono/jsx';
import type { TimelineEvent } from '#domain/case/case';
import { instantInWords } from '#domain/letters/dates-in-words';

/**
 * Everything that came in on the case after the complaint, as text: HTML mail was turned to text as it arrived. Staff
 * mail about the case is among it, its heading saying so ("Staff message from ...").
 */
export const CaseMessages: FC<{ timeline: readonly TimelineEvent[] }> = ({ timeline }) => {
  const messages = timeline.filter((e) => e.type === 'mail-in' || e.type === 'staff-mail');
  if (messages.length === 0) return null;
  return (
    <>
      <h2>Messages</h2>
      {messages.map((e) => {
        const detail = e.detail ?? {};
        const text = typeof detail.text === 'string' ? detail.text : undefined;
        const files = Array.isArray(detail.attachments) ? detail.attachments.filter((f): f is string => typeof f === 'string') : [];
        return (
          <section aria-label={`${e.summary}, ${instantInWords(e.at)}`}>
            <h3>
              {e.summary}, {instantInWords(e.at)}
            </h3>
            {typeof detail.subject === 'string' && detail.subject ? <p>Subject: {detail.subject}</p> : null}
            {text === undefined ? <p class="hint">Its words are in the stored message, not on the timeline.</p> : <div class="letter">{text || '(no words, only files)'}</div>}
            {files.length ? <p>With {files.join(', ')}</p> : null}
          </section>
        );
      })}
    </>
  );
};
