import { LetterText } from '../letter-text.js';
import type { FC } from 'hono/jsx';
import type { Case, TimelineEvent } from '#domain/case/case';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { ConsoleAction, FormValues } from '../console-actions.js';
import { Carried } from './carried-answers.js';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

export const PreviewPage: FC<{ signed: Signed; c: Case; action: ConsoleAction; values: FormValues; letters: readonly LetterToSend[]; events: readonly TimelineEvent[] }> = ({ signed, c, action, values, letters: all, events }) => {
  const drafted = events.filter((e) => e.type === 'letter-drafted');
  const letters = all.filter((l) => l.toComplainant);
  const notices = all.filter((l) => !l.toComplainant);
  return (
    <Layout title={`Check: ${action.label}: ${c.reference}`} signed={signed}>
      <h1>Check before it goes</h1>
      <p>
        {action.label}, {c.reference}. Nothing has been saved or sent yet.
      </p>
      <h2>What it records</h2>
      <ul>
        {events.map((e) => (
          <li>{e.summary}</li>
        ))}
      </ul>
      <h2>The letter to the complainant</h2>
      {letters.length === 0 && drafted.length === 0 ? <p>This action sends the complainant no letter.</p> : null}
      {letters.map((l) => (
        <>
          <p>
            <strong>To:</strong> {l.to.join(', ')}. <strong>Subject:</strong> {l.subject}
          </p>
          <LetterText text={l.text} />
        </>
      ))}
      {drafted.map((e) => (
        <>
          <p>It goes by post: it will be kept on the case for you to print and post, and to mark posted. Subject: {String(e.detail?.subject ?? '')}</p>
          <LetterText text={String(e.detail?.text ?? '')} />
        </>
      ))}
      {notices.length > 0 ? (
        <>
          <h2>Notices to staff</h2>
          {notices.map((l) => (
            <details>
              <summary>
                <strong>To:</strong> {l.to.join(', ')}. <strong>Subject:</strong> {l.subject}
              </summary>
              <div class="letter">{l.text}</div>
            </details>
          ))}
        </>
      ) : null}
      <form method="post" action={`/console/cases/${c.reference}/actions/${action.verb}`}>
        <input type="hidden" name="csrf" value={signed.csrf} />
        <input type="hidden" name="previewed" value={String(c.version)} />
        <Carried values={values} />
        <button type="submit">{all.length > 0 ? 'Confirm and send' : 'Confirm'}</button>
      </form>
      <p>
        <a href={`/console/cases/${c.reference}/actions/${action.verb}`}>Start again</a> or <a href={`/console/cases/${c.reference}`}>go back to the case</a>.
      </p>
    </Layout>
  );
};
