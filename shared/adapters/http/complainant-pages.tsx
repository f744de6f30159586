import type { FC, PropsWithChildren } from 'hono/jsx';
import { londonDate } from '#domain/calendar/london-date';
import type { ComplainantView } from '#domain/case/complainant-view';
import { dateInWords } from '#domain/letters/dates-in-words';
import { HouseDocument, Problem } from './house-document.js';

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
  <Layout title={`${problem ? 'Error: ' : ''}Your complaint ${view.reference} to ${view.organisation}`}>
    <h1>Your complaint to {view.organisation}</h1>
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
      <dt>Stage</dt>
      <dd>{view.stage}</dd>
    </dl>

    <h2>What happens next</h2>
    <ul>
      {view.next.map((line) => (
        <li>{line}</li>
      ))}
    </ul>

    {view.review ? <ReviewForm review={view.review} action={`${base}/review`} /> : null}

    {view.open ? (
      <>
        <h2 id="add">Send us more information</h2>
        <form method="post" action={`${base}/information`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="submissionId" value={submissionId} />
          <div class="field">
            <label for="text">What you want to add</label>
            <span class="hint" id="text-hint">
              It goes to the person handling your complaint, with your reference.
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

    <h2>Our letters to you</h2>
    {view.letters.length === 0 ? <p>No letters yet.</p> : null}
    {view.letters.map((letter, i) => (
      <details open={i === 0}>
        <summary>
          {letter.subject} ({dateInWords(londonDate(letter.sentAt))}{letter.by === 'post' ? ', by post' : ''})
        </summary>
        <div class="letter">{letter.text}</div>
      </details>
    ))}

    <h2>Contact us</h2>
    <p>
      Write to <a href={`mailto:${view.complaintsAddress}`}>{view.complaintsAddress}</a> and quote {view.reference}, or reply to any of our letters.
    </p>
    <p class="hint">Keep the address of this page to yourself: anyone who has it can see your complaint's letters.</p>
  </Layout>
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

/** The pages as HTML text, for the routes to send. */
export function casePageHtml(props: CasePageProps): string | Promise<string> {
  return (<CasePage {...props} />).toString();
}

export function notFoundPageHtml(): string | Promise<string> {
  return (<NotFoundPage />).toString();
}
