import { LetterText } from './letter-text.js';
import type { FC, PropsWithChildren } from 'hono/jsx';
import { londonDate } from '#domain/calendar/london-date';
import type { ComplainantView } from '#domain/case/complainant-view';
import { dateInWords } from '#domain/letters/dates-in-words';
import { capitalise } from '#domain/letters/letter-view';
import { HouseDocument, Problem } from './house-document.js';
import { FeedbackSection } from './feedback-section.js';

const Layout: FC<PropsWithChildren<{ title: string }>> = ({ title, children }) => (
  <HouseDocument title={title} noIndex>
    {children}
  </HouseDocument>
);

export interface CasePageProps {
  readonly view: ComplainantView;
  /** The page's own path, which its forms post under. */
  readonly base: string;
  readonly submissionId: string;
  readonly maxFileMb: number;
  readonly sent?: string | undefined;
  readonly problem?: string;
  readonly text?: string;
}

export const CasePage: FC<CasePageProps> = ({ view, base, sent, problem, text, submissionId, maxFileMb }) => (
  <Layout title={`${problem ? 'Error: ' : ''}Your ${view.called ?? 'complaint'} ${view.reference} to ${view.organisation}`}>
    <h1>
      Your {view.called ?? 'complaint'} to {view.organisation}
    </h1>
    {sent ? (
      <div class="success" role="status">
        <p>{sent}</p>
      </div>
    ) : null}
    <Problem message={problem} />
    <dl class="summary">
      <dt>Reference</dt>
      <dd>{view.reference}</dd>
      <dt>Status</dt>
      <dd>{view.status}</dd>
      {view.called ? null : (
        <>
          <dt>Stage</dt>
          <dd>{view.stage}</dd>
        </>
      )}
    </dl>

    <h2>What happens next</h2>
    <ul>
      {view.next.map((line) => (
        <li>{line}</li>
      ))}
    </ul>

    {view.earlierRequest ? (
      <>
        <h2>Your service request</h2>
        {view.earlierRequest.map((line) => (
          <p>{line}</p>
        ))}
      </>
    ) : null}

    {view.elsewhere.length ? <WhereElse bodies={view.elsewhere} /> : null}

    {view.review ? <ReviewForm review={view.review} action={`${base}/review`} /> : null}

    <FeedbackSection feedback={view.feedback} action={`${base}/feedback`} />

    {view.open ? (
      <>
        <h2 id="add">Send us more information</h2>
        <form method="post" action={`${base}/information`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="submissionId" value={submissionId} />
          <div class="field">
            <label for="text">What you want to add</label>
            <span class="hint" id="text-hint">
              It goes to the person handling your {view.called ?? 'complaint'}, with your reference.
            </span>
            <textarea id="text" name="text" rows={6} aria-describedby="text-hint">
              {text ?? ''}
            </textarea>
          </div>
          <div class="field">
            <label for="files">Files (optional)</label>
            <span class="hint" id="files-hint">
              Photos, letters or documents: up to {maxFileMb} MB in all.
            </span>
            <input type="file" id="files" name="files" multiple aria-describedby="files-hint" />
          </div>
          <button type="submit">Send</button>
        </form>
      </>
    ) : null}

    <h2>What you sent us</h2>
    {view.sent.map((m, i) => (
      <details open={i === 0}>
        <summary>
          {m.label}
          {m.subject ? `: ${m.subject}` : ''} ({dateInWords(londonDate(m.at))})
        </summary>
        <div class="letter">{m.text}</div>
        {m.cut ? <p class="hint">This is the start of it: all of it is kept with your complaint.</p> : null}
        {m.files.length ? <p>Files: {m.files.join(', ')}</p> : null}
      </details>
    ))}

    <h2>Our letters to you</h2>
    {view.letters.length === 0 ? <p>No letters yet.</p> : null}
    {view.letters.map((letter, i) => (
      <details open={i === 0}>
        <summary>
          {letter.subject} ({dateInWords(londonDate(letter.sentAt))}{letter.by === 'post' ? ', by post' : ''})
        </summary>
        <LetterText text={letter.text} />
      </details>
    ))}

    <h2>Contact us</h2>
    {view.restricted ? (
      <p>
        For now you can contact us {view.restricted.channels}, and {view.restricted.contactName} is your single point of contact, as our letter “How you can contact
        us from now on” explains (it also says how to ask us to look at this again). Quote {view.reference}. Anything you send is kept with your complaint.
      </p>
    ) : (
      <p>
        Write to <a href={`mailto:${view.complaintsAddress}`}>{view.complaintsAddress}</a> and quote {view.reference}, or reply to any of our letters.
      </p>
    )}
    <p class="hint">Keep the address of this page to yourself: anyone who has it can see your complaint's letters.</p>
  </Layout>
);

/** Each outside body: what it does, every way to reach it (its website a link), and how long there is. */
const WhereElse: FC<{ bodies: ComplainantView['elsewhere'] }> = ({ bodies }) => (
  <>
    <h2>Where else you can go</h2>
    {bodies.map((b) => (
      <section aria-labelledby={`body-${b.id}`}>
        <h3 id={`body-${b.id}`}>{b.name}</h3>
        <p>{capitalise(b.role)}.</p>
        {b.contactLines.length ? (
          <ul>
            {b.contactLines.map((line) =>
              /^Website: https?:\/\//.test(line) ? (
                <li>
                  Website: <a href={line.slice('Website: '.length)}>{line.slice('Website: '.length)}</a>
                </li>
              ) : (
                <li>{line}</li>
              ),
            )}
          </ul>
        ) : null}
        {b.note ? <p>{b.note}</p> : null}
        {b.limit ? <p>{b.limit}</p> : null}
      </section>
    ))}
  </>
);

const ReviewForm: FC<{ review: NonNullable<ComplainantView['review']>; action: string }> = ({ review, action }) => (
  <>
    <h2>Ask for {review.stage}</h2>
    <p>
      If you are not happy with our response, you can ask for {review.stage}
      {review.until ? ` until ${review.until}` : ''}. We will write to you to say who will look at your complaint and by when.
    </p>
    <form method="post" action={action} novalidate>
      <input type="hidden" name="fromStage" value={review.fromStage} />
      <div class="field">
        <label for="reasons">What is still wrong, in your own words (optional)</label>
        <span class="hint" id="reasons-hint">
          You do not have to give reasons. If you do, the person who looks at your complaint next will read them.
        </span>
        <textarea id="reasons" name="reasons" rows={5} aria-describedby="reasons-hint"></textarea>
      </div>
      <button type="submit">Ask for {review.stage}</button>
    </form>
  </>
);

export const NotFoundPage: FC = () => (
  <Layout title="Page not found">
    <h1>There is no complaint page here</h1>
    <p>This address may have been replaced, or the page removed when the records of the complaint were destroyed.</p>
    <p>If you made a complaint, the latest letter about it has the address of its page. You can also reply to any of the letters.</p>
  </Layout>
);

export interface ConfirmAddressPageProps {
  readonly organisation: string;
  readonly reference: string;
  readonly confirmed: boolean;
  /** The page's own path, which its button posts to. */
  readonly action: string;
}

/**
 * The page the confirm letter's link opens: a button, since opening a link must confirm nothing (mail scanners
 * fetch every link in a message to check it), and pressing it is what a person does.
 */
export const ConfirmAddressPage: FC<ConfirmAddressPageProps> = ({ organisation, reference, confirmed, action }) =>
  confirmed ? (
    <Layout title="Your email address is confirmed">
      <h1>Your email address is confirmed</h1>
      <div class="success" role="status">
        <p>
          Thank you. {capitalise(organisation)} will write to you at this address about your complaint (reference {reference}).
        </p>
      </div>
    </Layout>
  ) : (
    <Layout title="Confirm your email address">
      <h1>Confirm your email address</h1>
      <p>
        A complaint was made to {organisation} on its website, reference {reference}, and this email address was given for it.
      </p>
      <p>If you made the complaint, confirm that the address is yours. {capitalise(organisation)} will then write to you there about your complaint.</p>
      <form method="post" action={action}>
        <button type="submit">Confirm my email address</button>
      </form>
      <p>If you did not make a complaint to {organisation}, close this page. Nothing more will be sent to the address.</p>
    </Layout>
  );

export const ConfirmLinkNotFoundPage: FC = () => (
  <Layout title="This link does not work">
    <h1>This link does not work</h1>
    <p>It may not have been copied whole from the email. Try opening it from the email again.</p>
    <p>You can also confirm your email address by replying to the email, keeping the code it gives in your reply.</p>
  </Layout>
);

/** The pages as HTML text, for the routes to send. */
export function casePageHtml(props: CasePageProps): string | Promise<string> {
  return (<CasePage {...props} />).toString();
}

export function notFoundPageHtml(): string | Promise<string> {
  return (<NotFoundPage />).toString();
}

export function confirmAddressPageHtml(props: ConfirmAddressPageProps): string | Promise<string> {
  return (<ConfirmAddressPage {...props} />).toString();
}

export function confirmLinkNotFoundHtml(): string | Promise<string> {
  return (<ConfirmLinkNotFoundPage />).toString();
}
