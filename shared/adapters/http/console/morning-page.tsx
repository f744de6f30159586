import type { FC } from 'hono/jsx';
import type { MorningOrganisation } from '#application/console/morning-view';
import { londonDate } from '#domain/calendar/london-date';
import { awaitingConfirmationWords, daysInWords } from '#domain/digest/build-digest';
import { KIND_WORDS } from '#domain/policy/deadline-words';
import { callLine, letterToPostLine } from '#domain/digest/letters-waiting';
import { capitalise } from '#domain/letters/letter-view';
import { dateInWords } from '#domain/letters/dates-in-words';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

const kindWords = (kind: string) => capitalise(KIND_WORDS[kind] ?? kind);

const dueWords = (dueDate: string | undefined, left: number | undefined) => (dueDate ? `${dateInWords(dueDate)} (${daysInWords(left ?? 0)})` : '');

export const MorningPage: FC<{ signed: Signed; organisations: readonly MorningOrganisation[]; today: string; reports: readonly string[] }> = ({ signed, organisations, today, reports }) => (
  <Layout title="This morning" signed={signed}>
    <h1>This morning</h1>
    <p>{dateInWords(today)}</p>
    {signed.cases === false ? null : (
      <p>
        <a href="/console/cases">Find a case</a> · <a href="/console/held">Held messages</a>
        {organisations.some((o) => !o.reportsOnly) ? (
          <>
            {' · '}
            <a href="/console/record">Record a complaint</a>
          </>
        ) : null}
      </p>
    )}
    {organisations.length === 0 ? <p>You are not a member of any organisation yet. Ask an operator to add you.</p> : null}
    {organisations.map((org) => (
      <section aria-labelledby={`org-${org.policyId}`}>
        <h2 id={`org-${org.policyId}`}>{org.name}</h2>
        <p>
          <a href={`/console/policies/${org.policyId}`}>{`${org.name}'s complaints policy`}</a>
          {reports.includes(org.policyId) ? (
            <>
              {' · '}
              <a href={`/console/reports/${org.policyId}`}>{`${org.name}'s annual report`}</a>
            </>
          ) : null}
        </p>
        {org.reportsOnly ? <p>You read its annual report on complaints here; its cases are for the staff who handle them.</p> : org.sections.length === 0 && org.actionsOverdue.length === 0 && org.toPost.length === 0 ? <p>Nothing needs doing.</p> : null}
        {org.toPost.length ? (
          <>
            <h3>Letters to post ({org.toPost.reduce((n, t) => n + t.letters, 0)})</h3>
            <ul>
              {org.toPost.map((t) => (
                <li>
                  <a href={`/console/cases/${t.reference}`}>{t.reference}</a>
                  {letterToPostLine(t).slice(t.reference.length)}
                  {t.toCall ? (
                    <strong>
                      {' '}
                      {t.phone ? (
                        <>
                          Call {t.who ?? 'the complainant'} on <a href={`tel:${t.phone.replace(/[^0-9+]/g, '')}`}>{t.phone}</a>
                          {callLine(t).slice(callLine(t).indexOf(' before sending'))}.
                        </>
                      ) : (
                        `${callLine(t)}.`
                      )}
                    </strong>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {org.sections.map((section) => (
          <>
            <h3>
              {section.heading} ({section.cases.length})
            </h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">From and about</th>
                  <th scope="col">Stage</th>
                  <th scope="col">What and when</th>
                </tr>
              </thead>
              <tbody>
                {section.cases.map(({ case: c, standing, stageName, readable, who, what, flags }) => (
                  <tr>
                    <td>
                      <a href={`/console/cases/${c.reference}`}>{c.reference}</a>
                      {c.confidential ? ' (confidential)' : ''}
                    </td>
                    <td>
                      {who && what ? `${who}: ${what}` : c.confidential ? 'Confidential: open the case to read it' : ''}
                      {flags.length ? <span class="hint">{` Flagged: ${flags.join('; ')}.`}</span> : null}
                    </td>
                    <td>{stageName}</td>
                    <td>
                      {standing.reply
                        ? `Replied on ${dateInWords(londonDate(standing.reply.at))}: perhaps asking for the next stage`
                        : standing.serviceRequestTarget
                          ? `Service request, to be dealt with by ${dueWords(standing.serviceRequestTarget, standing.workingDaysLeft)}`
                          : standing.deadline
                          ? `${kindWords(standing.deadline.kind)} by ${dueWords(standing.deadline.dueDate, standing.workingDaysLeft)}`
                          : `Received ${dateInWords(londonDate(c.receivedAt))}`}
                      {c.confidential && !readable ? '' : awaitingConfirmationWords(c, standing.deadline?.kind)}
                      {standing.isNew && section.heading !== 'New since yesterday' ? '; new since yesterday' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
        {org.actionsOverdue.length ? (
          <>
            <h3>Actions past their date ({org.actionsOverdue.length})</h3>
            <ul>
              {org.actionsOverdue.map((a) => (
                <li>
                  <a href={`/console/cases/${a.reference}`}>{a.reference}</a>
                  {a.text.slice(a.reference.length)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    ))}
  </Layout>
);
