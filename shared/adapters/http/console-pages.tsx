import type { FC, PropsWithChildren } from 'hono/jsx';
import type { MorningOrganisation } from '#application/console/morning-view';
import type { Case, TimelineEvent } from '#domain/case/case';
import { heldWithoutProof, type HeldMessage } from '#domain/mail/held-message';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { Policy } from '#domain/policy/policy-schema';
import type { ActionField, ConsoleAction, FormValues } from './console-actions.js';
import type { Found } from '#application/console/search-cases';
import type { CaseFile, CaseView } from '#application/console/view-case';
import type { OutboxEntry } from '#application/ports/outbox';
import { londonDate } from '#domain/calendar/london-date';
import { awaitingConfirmationWords, daysInWords, KIND_WORDS } from '#domain/digest/build-digest';
import { capitalise } from '#domain/letters/letter-view';
import { dateInWords, instantInWords } from '#domain/letters/dates-in-words';
import { aboutWhy } from '#domain/letters/staff-notices';
import { HouseDocument, Problem, type ProblemLink } from './house-document.js';
import { agreedActions } from '#domain/case/actions/action-done';
import { STATUS_WORDS } from '#domain/case/status-words';
import { clauseInWords } from '#domain/policy/clause-words';
import { deadlineDueWords } from '#domain/policy/deadline-words';
import { remedyName } from '#domain/policy/remedy-names';

/** Who is signed in, for the page's header and its sign-out form. */
export interface Signed {
  readonly name: string;
  readonly csrf: string;
}

const kindWords = (kind: string) => capitalise(KIND_WORDS[kind] ?? kind);

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

export const MorningPage: FC<{ signed: Signed; organisations: readonly MorningOrganisation[]; today: string; reports: readonly string[] }> = ({ signed, organisations, today, reports }) => (
  <Layout title="This morning" signed={signed}>
    <h1>This morning</h1>
    <p>{dateInWords(today)}</p>
    <p>
      <a href="/console/cases">Find a case</a> · <a href="/console/held">Held messages</a>
    </p>
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
        {org.sections.length === 0 && org.actionsOverdue.length === 0 ? <p>Nothing needs doing.</p> : null}
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

export const CaseConsolePage: FC<{ signed: Signed; view: CaseView; today: string; done?: string | undefined; actionsFor: (c: Case, policy: Policy) => readonly ConsoleAction[] }> = ({ signed, view, today, done, actionsFor }) => {
  const c = view.case;
  const stage = view.policy.stages.find((s) => s.id === c.stage);
  const pending = c.deadlines.filter((d) => d.status === 'pending');
  return (
    <Layout title={c.reference} signed={signed}>
      <p>
        <a href="/console">Back to this morning</a>
      </p>
      {done ? (
        <div class="success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <h1>
        {c.reference}
        {c.confidential ? ' (confidential)' : ''}
      </h1>
      <dl class="summary">
        <dt>Organisation</dt>
        <dd>{view.policy.organisation.name}</dd>
        <dt>Status</dt>
        <dd>{STATUS_WORDS[c.status]}</dd>
        <dt>Stage</dt>
        <dd>{stage?.name ?? c.stage}</dd>
        <dt>Handled by</dt>
        <dd>{view.policy.roles.find((r) => r.id === c.handlerRole)?.title ?? c.handlerRole}</dd>
        <dt>Received</dt>
        <dd>{instantInWords(c.receivedAt)}</dd>
        <dt>Category</dt>
        <dd>{view.policy.categories.find((k) => k.id === c.category)?.name ?? 'Not yet categorised'}</dd>
        {aboutWhy(view.policy, c) ? (
          <>
            <dt>About a person</dt>
            <dd>
              {(aboutWhy(view.policy, c) ?? []).map((line) => (
                <p>{line}</p>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Deadlines</h2>
      {pending.length === 0 ? <p>No date set.</p> : null}
      <ul>
        {pending.map((d) => (
          <li>
            {deadlineDueWords(d.kind)} {dateInWords(d.dueDate)} ({d.rule}, {clauseInWords(d.clause)})
            {d.dueDate >= today || d.kind.endsWith('window') || d.kind === 'retention' ? '' : ', overdue'}
          </li>
        ))}
      </ul>
      {view.level === 'reference' ? (
        <p class="notice">This complaint is confidential: only the person handling it and those above them can read it.</p>
      ) : (
        <>
          <h2>The complaint</h2>
          {c.flags.includes('complainant-undeliverable') ? (
            <p class="notice">Mail to the complainant cannot be delivered (see the timeline). Reach them another way, by telephone or post, so that the policy’s deadlines can still be met.</p>
          ) : null}
          <dl class="summary">
            <dt>From</dt>
            <dd>{c.complainant.anonymous ? 'Anonymous' : [c.complainant.name, c.complainant.email, c.complainant.phone].filter(Boolean).join(', ')}</dd>
            {!c.complainant.anonymous && c.complainant.postalAddress ? (
              <>
                <dt>Postal address</dt>
                <dd class="letter">{c.complainant.postalAddress}</dd>
              </>
            ) : null}
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
          <CaseDecisions c={c} policy={view.policy} />
          <CaseFiles files={view.files} />
          <CaseMessages timeline={view.timeline} />
          <CaseLetters letters={view.letters} timeline={view.timeline} />
          {view.mayAct ? (
            <>
              <h2>Actions</h2>
              <ul>
                {actionsFor(c, view.policy).map((a) => (
                  <li>
                    <a href={`/console/cases/${c.reference}/actions/${a.verb}`}>{a.label}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
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

/**
 * Every letter to the complainant: those emailed, with where each stands, and those drafted for post (a complainant
 * Redress may not email), each with its text to print, kept on the timeline once the action that drafted it is done.
 */
const CaseLetters: FC<{ letters: readonly OutboxEntry[]; timeline: readonly TimelineEvent[] }> = ({ letters, timeline }) => {
  const emailed = letters.flatMap((e) => (e.kind === 'letter' && e.letter.toComplainant ? [e] : []));
  const posted = timeline.filter((e) => e.type === 'letter-drafted' && typeof e.detail?.subject === 'string' && typeof e.detail.text === 'string');
  return (
    <>
      <h2>Letters</h2>
      {emailed.length === 0 && posted.length === 0 ? <p>None yet.</p> : null}
      <ul>
        {emailed.map((e) => (
          <li>{`${e.letter.subject}: ${e.status === 'sent' ? `emailed ${instantInWords(e.sentAt ?? e.createdAt)}` : e.status === 'dead' ? 'could not be sent' : 'waiting to go'}`}</li>
        ))}
        {posted.map((e) => (
          <li>
            <details>
              <summary>{`${String(e.detail?.subject)}: drafted ${instantInWords(e.at)}, to post (or read to them)`}</summary>
              <div class="letter">{String(e.detail?.text)}</div>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
};

/** Each stage's decision, with the actions agreed (numbered as `case action-done` takes them) and the lessons. */
const CaseDecisions: FC<{ c: Case; policy: Policy }> = ({ c, policy }) => {
  if (!c.outcomes?.length) return null;
  const actions = agreedActions(c);
  return (
    <>
      <h2>Decisions</h2>
      {c.outcomes.map((o, i) => (
        <section aria-label={`Decision at ${policy.stages.find((s) => s.id === o.stage)?.name ?? o.stage}`}>
          <h3>
            {policy.stages.find((s) => s.id === o.stage)?.name ?? o.stage}: {capitalise(o.decision.replace('-', ' '))}, {instantInWords(o.at)}
          </h3>
          {o.parts ? <p>What we upheld: {o.parts.upheld}</p> : null}
          {o.parts ? <p>What we did not uphold: {o.parts.notUpheld}</p> : null}
          <div class="letter">{o.summary}</div>
          {o.remedies.length ? <p>Remedies: {o.remedies.map((r) => remedyName(policy, r)).join('; ')}</p> : null}
          {o.actions.length ? (
            <ol>
              {actions
                .filter((a) => a.outcome === i)
                .map((a) => (
                  <li value={a.n}>
                    {a.text}: due {dateInWords(a.due)}
                    {a.doneAt ? `, done ${dateInWords(londonDate(a.doneAt))}` : ''}
                  </li>
                ))}
            </ol>
          ) : null}
          {o.lessons ? <p>What we learnt: {o.lessons}</p> : null}
        </section>
      ))}
    </>
  );
};

const sizeInWords = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : bytes >= 1000 ? `${Math.round(bytes / 1000)} KB` : `${bytes} bytes`);

/** The files the complainant sent, each behind a link that lasts minutes; a file that could run code is held back. */
const CaseFiles: FC<{ files: readonly CaseFile[] }> = ({ files }) =>
  files.length === 0 ? null : (
    <>
      <h2>Files</h2>
      <ul>
        {files.map(({ file, link }) => (
          <li>
            {link ? <a href={link}>{file.filename}</a> : file.filename} <span class="hint">({sizeInWords(file.size)}{file.contentType ? `, ${file.contentType}` : ''})</span>
            {link ? null : ' Not offered for download: a file of this kind can run code on your computer. An operator can take it from the raw mail store if it is needed.'}
          </li>
        ))}
      </ul>
      <p class="hint">Each link works for a few minutes; open the case again for a new one.</p>
    </>
  );

/**
 * Everything that came in on the case after the complaint, as text: HTML mail was turned to text as it arrived. Staff
 * mail about the case is among it, its heading saying so ("Staff message from ...").
 */
const CaseMessages: FC<{ timeline: readonly TimelineEvent[] }> = ({ timeline }) => {
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

export const MessagePage: FC<PropsWithChildren<{ title: string; signed?: Signed | undefined }>> = ({ title, signed, children }) => (
  <Layout title={title} signed={signed}>
    <h1>{title}</h1>
    {children}
  </Layout>
);

const value = (values: FormValues, name: string): string => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : typeof v === 'string' ? v : '';
};
const chosen = (values: FormValues, name: string): string[] => {
  const v = values[name];
  return Array.isArray(v) ? [...v] : typeof v === 'string' ? [v] : [];
};

const Field: FC<{ field: ActionField; values: FormValues }> = ({ field, values }) => {
  const id = `f-${field.name}`;
  if (field.kind === 'checkbox') {
    return (
      <div class="field">
        <div class="checkbox">
          <input type="checkbox" id={id} name={field.name} value="yes" checked={value(values, field.name) === 'yes'} />
          <label for={id}>{field.label}</label>
        </div>
      </div>
    );
  }
  if (field.kind === 'checkboxes') {
    return (
      <fieldset class="field">
        <legend>{field.label}</legend>
        {(field.options ?? []).map((o, i) => (
          <div class="checkbox">
            <input type="checkbox" id={`${id}-${i}`} name={field.name} value={o.value} checked={chosen(values, field.name).includes(o.value)} />
            <label for={`${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  const hint = field.hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{field.label}</label>
      {field.hint ? (
        <p class="hint" id={hint}>
          {field.hint}
        </p>
      ) : null}
      {field.kind === 'textarea' ? (
        <textarea id={id} name={field.name} rows={5} aria-describedby={hint}>
          {value(values, field.name)}
        </textarea>
      ) : field.kind === 'select' ? (
        <select id={id} name={field.name} aria-describedby={hint}>
          {(field.options ?? []).map((o) => (
            <option value={o.value} selected={value(values, field.name) === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input type={field.kind} id={id} name={field.name} value={value(values, field.name)} aria-describedby={hint} />
      )}
    </div>
  );
};

/** Every answer of the form again, hidden: what the confirmation sends is what was previewed. */
const Carried: FC<{ values: FormValues }> = ({ values }) => (
  <>
    {Object.entries(values).flatMap(([name, v]) => (name === 'csrf' ? [] : (Array.isArray(v) ? v : [v]).map((one) => <input type="hidden" name={name} value={String(one ?? '')} />)))}
  </>
);

export const ActionFormPage: FC<{ signed: Signed; c: Case; policy: Policy; action: ConsoleAction; values: FormValues; problem?: string | undefined; problemLink?: ProblemLink | undefined }> = ({ signed, c, policy, action, values, problem, problemLink }) => (
  <Layout title={`${action.label}: ${c.reference}`} signed={signed}>
    <p>
      <a href={`/console/cases/${c.reference}`}>Back to {c.reference}</a>
    </p>
    <h1>{action.label}</h1>
    <p>
      {c.reference}, {policy.organisation.name}
    </p>
    <Problem message={problem} link={problemLink} />
    <form method="post" action={`/console/cases/${c.reference}/actions/${action.verb}/preview`} novalidate>
      <input type="hidden" name="csrf" value={signed.csrf} />
      {action.fields(c, policy).map((f) => (
        <Field field={f} values={values} />
      ))}
      <button type="submit">Preview</button>
    </form>
  </Layout>
);

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
          <div class="letter">{l.text}</div>
        </>
      ))}
      {drafted.map((e) => (
        <>
          <p>It cannot go by email: it will be drafted on the case for you to post. Subject: {String(e.detail?.subject ?? '')}</p>
          <div class="letter">{String(e.detail?.text ?? '')}</div>
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
        <Carried values={values} />
        <button type="submit">{all.length > 0 ? 'Confirm and send' : 'Confirm'}</button>
      </form>
      <p>
        <a href={`/console/cases/${c.reference}/actions/${action.verb}`}>Start again</a> or <a href={`/console/cases/${c.reference}`}>go back to the case</a>.
      </p>
    </Layout>
  );
};

export const SearchPage: FC<{ signed: Signed; q: string; stage: string; status: string; page: number; found: readonly Found[]; more: boolean; next?: string | undefined; stages: readonly string[] }> = ({ signed, q, stage, status, page, found, more, next, stages }) => {
  const link = (p: number, after?: string) => `/console/cases?${new URLSearchParams({ q, stage, status, page: String(p), ...(after ? { after } : {}) }).toString()}`;
  return (
    <Layout title="Cases" signed={signed}>
      <p>
        <a href="/console">Back to this morning</a>
      </p>
      <h1>Cases</h1>
      <form method="get" action="/console/cases">
        <div class="field">
          <label for="q">Reference, complainant's email, or the start of their name</label>
          <input type="text" id="q" name="q" value={q} />
        </div>
        <div class="field">
          <label for="stage">Stage</label>
          <select id="stage" name="stage">
            <option value="">Any stage</option>
            {stages.map((st) => (
              <option value={st} selected={st === stage}>
                {st}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="status">Status</label>
          <select id="status" name="status">
            {[['', 'Any status'], ...Object.entries(STATUS_WORDS)].map(([v, l]) => (
              <option value={v} selected={v === status}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Search</button>
      </form>
      <h2>{found.length === 0 && !more ? 'No cases found' : `Page ${page}`}</h2>
      {found.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Organisation</th>
              <th scope="col">Complainant</th>
              <th scope="col">Stage and status</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            {found.map(({ case: c, organisation, readable }) => (
              <tr>
                <td>
                  <a href={`/console/cases/${c.reference}`}>{c.reference}</a>
                </td>
                <td>{organisation}</td>
                <td>{readable && !c.confidential ? (c.complainant.anonymous ? 'Anonymous' : (c.complainant.name ?? c.complainant.email ?? '')) : 'Confidential'}</td>
                <td>
                  {c.stage}, {STATUS_WORDS[c.status]}
                </td>
                <td>{dateInWords(londonDate(c.receivedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <nav aria-label="Pages">
        {page > 1 ? <a href={next !== undefined || !more ? link(1) : link(page - 1)}>{next !== undefined || !more ? 'First page' : 'Previous page'}</a> : null} {more ? <a href={link(page + 1, next)}>Next page</a> : null}
      </nav>
    </Layout>
  );
};

const HELD_WHY: Record<string, string> = {
  'unknown-recipient': 'sent to an address no policy uses',
  unparseable: 'could not be read as an email',
  'too-large': 'over the size limit',
  'too-large-for-store': 'too large to store as a case',
  'quarantined-spam': 'judged spam by the mail service',
  'quarantined-virus': 'a virus was found in it',
  'auto-reply': 'an automatic reply',
  'possibly-automatic': 'perhaps automatic or bulk mail',
  'own-address': 'from one of our own addresses',
  'bounce-unmatched': 'a delivery report about no case',
  'staff-mail': 'staff mail that quotes no case',
  'staff-unverified': 'from a staff address the mail service could not confirm',
  'staff-notices-reply': 'sent to the staff-notices address by someone not known as staff',
  'staff-about': 'from the staff address of someone the case it quotes is about',
};

export const HeldPage: FC<{ signed: Signed; groups: readonly { scope: string; name: string; messages: readonly HeldMessage[] }[]; policies: readonly { id: string; name: string }[]; done?: string | undefined; problem?: string | undefined }> = ({ signed, groups, policies, done, problem }) => (
  <Layout title="Held messages" signed={signed}>
    <p>
      <a href="/console">Back to this morning</a>
    </p>
    <h1>Held messages</h1>
    {done ? (
      <div class="success" role="status">
        <p>{done}</p>
      </div>
    ) : null}
    <Problem message={problem} />
    <p>Messages that did not become a case. Release one to open its case (the sender is acknowledged as usual), or discard it with a reason; the raw message is kept either way.</p>
    {groups.map((g) => (
      <section aria-labelledby={`held-${g.scope}`}>
        <h2 id={`held-${g.scope}`}>
          {g.name} ({g.messages.length})
        </h2>
        {g.messages.length === 0 ? <p>None waiting.</p> : null}
        {g.messages.map((m) => (
          <div class="field">
            <h3>{m.subject ?? '(no subject)'}</h3>
            <p>
              From {m.from ?? 'unknown'}, {instantInWords(m.receivedAt)}: {HELD_WHY[m.reason] ?? m.reason}
              {m.evidence?.length && !heldWithoutProof(m) ? ` (${m.evidence.join('; ')})` : ''}.
            </p>
            {heldWithoutProof(m) ? (
              <p class="notice">
                {m.reason === 'possibly-automatic' ? 'Nothing in its headers shows a machine sent it' : 'It was held as automatic mail with no record of why'}
                {m.evidence?.length ? `; it was held because ${m.evidence.join('; ')}` : ''}. A person may have written it: read it, and if they did, release it into a case.
              </p>
            ) : null}
            {m.excerpt ? (
              <details>
                <summary>Its first words</summary>
                <div class="letter">{m.excerpt}</div>
              </details>
            ) : null}
            <form method="post" action={`/console/held/${encodeURIComponent(m.id)}/release`}>
              <input type="hidden" name="csrf" value={signed.csrf} />
              {m.scope === 'operator' ? (
                <div class="field">
                  <label for={`p-${m.id}`}>Whose complaint it is</label>
                  {/* No organisation is chosen for the person releasing it: a complaint put in the wrong one reaches the wrong staff. */}
                  <select id={`p-${m.id}`} name="policy" required>
                    <option value="" selected>
                      Choose the organisation
                    </option>
                    {policies.map((p) => (
                      <option value={p.id}>{p.name}</option>
                    ))}
                  </select>
                </div>
              ) : null}
              <button type="submit">Release into a case</button>
            </form>
            <form method="post" action={`/console/held/${encodeURIComponent(m.id)}/discard`}>
              <input type="hidden" name="csrf" value={signed.csrf} />
              <div class="field">
                <label for={`r-${m.id}`}>Why it is not a complaint</label>
                <input type="text" id={`r-${m.id}`} name="reason" />
              </div>
              <button type="submit" class="secondary">
                Discard
              </button>
            </form>
          </div>
        ))}
      </section>
    ))}
  </Layout>
);

/** `policy show` as a page: its blocks become headed lists, its indented lines nested ones. */
export const PolicyPage: FC<{ signed: Signed; text: string }> = ({ signed, text }) => {
  const [head = '', ...blocks] = text.trimEnd().split('\n\n');
  const [title = '', ...about] = head.split('\n');
  return (
    <Layout title={title} signed={signed}>
      <p>
        <a href="/console">Back to this morning</a>
      </p>
      <h1>{title}</h1>
      {about.map((line) => (
        <p>{line}</p>
      ))}
      {blocks.map((block) => {
        const [heading = '', ...lines] = block.split('\n');
        const items: { line: string; details: string[] }[] = [];
        for (const line of lines) {
          if (/^ {4,}/.test(line) && items.length > 0) items[items.length - 1]?.details.push(line.trim().replace(/^- /, ''));
          else items.push({ line: line.trim().replace(/^- /, ''), details: [] });
        }
        return (
          <>
            <h2>{heading}</h2>
            <ul>
              {items.map((item) => (
                <li>
                  {item.line}
                  {item.details.length ? (
                    <ul>
                      {item.details.map((d) => (
                        <li>{d}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        );
      })}
    </Layout>
  );
};

/** The pages as HTML text, for the routes to send. */
export const html = {
  morning: (props: Parameters<typeof MorningPage>[0]) => (<MorningPage {...props} />).toString(),
  case: (props: Parameters<typeof CaseConsolePage>[0]) => (<CaseConsolePage {...props} />).toString(),
  actionForm: (props: Parameters<typeof ActionFormPage>[0]) => (<ActionFormPage {...props} />).toString(),
  preview: (props: Parameters<typeof PreviewPage>[0]) => (<PreviewPage {...props} />).toString(),
  policy: (props: Parameters<typeof PolicyPage>[0]) => (<PolicyPage {...props} />).toString(),
  held: (props: Parameters<typeof HeldPage>[0]) => (<HeldPage {...props} />).toString(),
  search: (props: Parameters<typeof SearchPage>[0]) => (<SearchPage {...props} />).toString(),
  signedOut: () =>
    (
      <MessagePage title="You have signed out">
        <p>
          <a href="/console/sign-in">Sign in again</a>
        </p>
      </MessagePage>
    ).toString(),
  refused: (signed: Signed, reference: string, message: string) =>
    (
      <MessagePage title="Not yours to act on" signed={signed}>
        <p>{message}</p>
        <p>
          <a href={`/console/cases/${reference}`}>Back to {reference}</a>
        </p>
      </MessagePage>
    ).toString(),
  notFound: (signed: Signed | undefined) =>
    (
      <MessagePage title="No such case" signed={signed}>
        <p>There is no case with that reference that you can see. Check the reference, or go back to <a href="/console">this morning</a>.</p>
      </MessagePage>
    ).toString(),
  reportNotFound: (signed: Signed) =>
    (
      <MessagePage title="No such report" signed={signed}>
        <p>There is no annual report at that address that you can see. Go back to <a href="/console">this morning</a>, which links each report you may read.</p>
      </MessagePage>
    ).toString(),
  reportRefused: (signed: Signed, organisation: string, forWhom: string) =>
    (
      <MessagePage title="You cannot see this organisation's report" signed={signed}>
        <p>
          {capitalise(organisation)}'s annual report is for {forWhom}, and the roles above. You hold none of them: ask one of them for it, or go back to <a href="/console">this morning</a>.
        </p>
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
