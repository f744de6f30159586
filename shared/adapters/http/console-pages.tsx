import type { FC, PropsWithChildren } from 'hono/jsx';
import type { MorningOrganisation } from '#application/console/morning-view';
import type { CaseView } from '#application/console/view-case';
import { londonDate } from '#domain/calendar/london-date';
import { daysInWords } from '#domain/digest/build-digest';
import { dateInWords, instantInWords } from '#domain/letters/dates-in-words';
import { HouseDocument } from './house-document.js';

/** Who is signed in, for the page's header and its sign-out form. */
export interface Signed {
  readonly name: string;
  readonly csrf: string;
}

const KIND_WORDS: Record<string, string> = {
  acknowledge: 'Acknowledge',
  meet: 'Meet the complainant',
  respond: 'Respond',
  'respond-max': 'Respond (limit)',
  'appeal-window': 'Time to ask for the next stage ends',
  'external-escalation-window': 'Time to go to an outside body ends',
  retention: 'Destroy the records',
};

const Layout: FC<PropsWithChildren<{ title: string; signed?: Signed | undefined }>> = ({ title, signed, children }) => (
  <HouseDocument
    title={`${title}: Redress`}
    header={
      <header class="console-header">
        <p>
          <a href="/console">Redress</a>
        </p>
        {signed ? (
          <form method="post" action="/console/sign-out">
            <span>{signed.name}</span> <input type="hidden" name="csrf" value={signed.csrf} />
            <button type="submit" class="secondary">
              Sign out
            </button>
          </form>
        ) : null}
      </header>
    }
  >
    {children}
  </HouseDocument>
);

const dueWords = (dueDate: string | undefined, left: number | undefined) => (dueDate ? `${dateInWords(dueDate)} (${daysInWords(left ?? 0)})` : '');

export const MorningPage: FC<{ signed: Signed; organisations: readonly MorningOrganisation[]; today: string }> = ({ signed, organisations, today }) => (
  <Layout title="This morning" signed={signed}>
    <h1>This morning</h1>
    <p>{dateInWords(today)}</p>
    {organisations.length === 0 ? <p>You are not a member of any organisation yet. Ask an operator to add you.</p> : null}
    {organisations.map((org) => (
      <section aria-labelledby={`org-${org.policyId}`}>
        <h2 id={`org-${org.policyId}`}>{org.name}</h2>
        {org.sections.length === 0 ? <p>Nothing needs doing.</p> : null}
        {org.sections.map((section) => (
          <>
            <h3>
              {section.heading} ({section.cases.length})
            </h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Stage</th>
                  <th scope="col">What and when</th>
                </tr>
              </thead>
              <tbody>
                {section.cases.map(({ case: c, standing, stageName }) => (
                  <tr>
                    <td>
                      <a href={`/console/cases/${c.reference}`}>{c.reference}</a>
                      {c.confidential ? ' (confidential)' : ''}
                    </td>
                    <td>{stageName}</td>
                    <td>
                      {standing.reply
                        ? `Replied on ${dateInWords(londonDate(standing.reply.at))}: perhaps asking for the next stage`
                        : standing.deadline
                          ? `${KIND_WORDS[standing.deadline.kind] ?? standing.deadline.kind} by ${dueWords(standing.deadline.dueDate, standing.workingDaysLeft)}`
                          : `Received ${dateInWords(londonDate(c.receivedAt))}`}
                      {standing.isNew && section.heading !== 'New since yesterday' ? '; new since yesterday' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
      </section>
    ))}
  </Layout>
);

export const CaseConsolePage: FC<{ signed: Signed; view: CaseView; today: string }> = ({ signed, view, today }) => {
  const c = view.case;
  const stage = view.policy.stages.find((s) => s.id === c.stage);
  const pending = c.deadlines.filter((d) => d.status === 'pending');
  return (
    <Layout title={c.reference} signed={signed}>
      <p>
        <a href="/console">Back to this morning</a>
      </p>
      <h1>
        {c.reference}
        {c.confidential ? ' (confidential)' : ''}
      </h1>
      <dl class="summary">
        <dt>Organisation</dt>
        <dd>{view.policy.organisation.name}</dd>
        <dt>Status</dt>
        <dd>{c.status}</dd>
        <dt>Stage</dt>
        <dd>{stage?.name ?? c.stage}</dd>
        <dt>Handled by</dt>
        <dd>{view.policy.roles.find((r) => r.id === c.handlerRole)?.title ?? c.handlerRole}</dd>
        <dt>Received</dt>
        <dd>{instantInWords(c.receivedAt)}</dd>
      </dl>
      <h2>Deadlines</h2>
      {pending.length === 0 ? <p>No date set.</p> : null}
      <ul>
        {pending.map((d) => (
          <li>
            {KIND_WORDS[d.kind] ?? d.kind}: {dateInWords(d.dueDate)} (clause {d.clause})
            {d.dueDate >= today || d.kind.endsWith('window') || d.kind === 'retention' ? '' : ', overdue'}
          </li>
        ))}
      </ul>
      {view.level === 'reference' ? (
        <p class="notice">This complaint is confidential: only the person handling it and those above them can read it.</p>
      ) : (
        <>
          <h2>The complaint</h2>
          <dl class="summary">
            <dt>From</dt>
            <dd>{c.complainant.anonymous ? 'Anonymous' : [c.complainant.name, c.complainant.email, c.complainant.phone].filter(Boolean).join(', ')}</dd>
            {c.subject ? (
              <>
                <dt>Subject</dt>
                <dd>{c.subject}</dd>
              </>
            ) : null}
            {c.desiredOutcome ? (
              <>
                <dt>What they want</dt>
                <dd>{c.desiredOutcome}</dd>
              </>
            ) : null}
          </dl>
          <div class="letter">{c.summary}</div>
          <h2>Letters</h2>
          {view.letters.filter((e) => e.kind === 'letter' && e.letter.toComplainant).length === 0 ? <p>None yet.</p> : null}
          <ul>
            {view.letters.flatMap((e) =>
              e.kind === 'letter' && e.letter.toComplainant ? [<li>{`${e.letter.subject}: ${e.status === 'sent' ? `sent ${instantInWords(e.sentAt ?? e.createdAt)}` : e.status === 'dead' ? 'could not be sent' : 'waiting to go'}`}</li>] : [],
            )}
          </ul>
          <h2>Timeline</h2>
          <ol class="timeline">
            {view.timeline.map((e) => (
              <li>
                <strong>{instantInWords(e.at)}</strong> {e.summary} <span class="hint">({e.actor})</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
};

export const MessagePage: FC<PropsWithChildren<{ title: string; signed?: Signed | undefined }>> = ({ title, signed, children }) => (
  <Layout title={title} signed={signed}>
    <h1>{title}</h1>
    {children}
  </Layout>
);

/** The pages as HTML text, for the routes to send. */
export const html = {
  morning: (props: Parameters<typeof MorningPage>[0]) => (<MorningPage {...props} />).toString(),
  case: (props: Parameters<typeof CaseConsolePage>[0]) => (<CaseConsolePage {...props} />).toString(),
  signedOut: () =>
    (
      <MessagePage title="You have signed out">
        <p>
          <a href="/console/sign-in">Sign in again</a>
        </p>
      </MessagePage>
    ).toString(),
  notFound: (signed: Signed | undefined) =>
    (
      <MessagePage title="No such case" signed={signed}>
        <p>There is no case with that reference that you can see. Check the reference, or go back to <a href="/console">this morning</a>.</p>
      </MessagePage>
    ).toString(),
  signInFailed: () =>
    (
      <MessagePage title="Sign-in did not finish">
        <p>
          It may have taken too long, or been opened in another window. <a href="/console/sign-in">Sign in again</a>.
        </p>
      </MessagePage>
    ).toString(),
};
