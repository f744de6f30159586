import type { FC } from 'hono/jsx';
import type { PrintedLetter } from '#domain/letters/printed-letter';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

/**
 * A letter to the complainant as a page to print on A4: the console's header and these links on screen only, then
 * the letter as the PDF lays it out (our block top right, theirs, the date, the reference, the subject, the body).
 * Every string is text, escaped by JSX; the page has no script (the console's CSP), so printing is the browser's.
 */
export const LetterPrintPage: FC<{ signed: Signed; letter: PrintedLetter; pdfHref: string; largePrintHref: string; caseHref: string }> = ({ signed, letter, pdfHref, largePrintHref, caseHref }) => (
  <Layout title={`${letter.reference}: ${letter.subject}`} signed={signed}>
    <div class="no-print">
      <p>
        <a href={caseHref}>Back to {letter.reference}</a>
      </p>
      <p>
        Print this page with your browser’s Print command (Ctrl+P, or ⌘P on a Mac): only the letter is printed, on A4. Or download it as a{' '}
        {letter.largePrint ? (
          <a href={pdfHref}>large print PDF</a>
        ) : (
          <>
            <a href={pdfHref}>PDF</a> (<a href={largePrintHref}>large print PDF</a>)
          </>
        )}
        .
      </p>
      {letter.largePrint ? <p class="notice">Large print (a reasonable adjustment, in force now or when this letter was posted): it prints at 16 point.</p> : null}
    </div>
    <article class={letter.largePrint ? 'printed-letter printed-letter--large' : 'printed-letter'} aria-label={`Letter: ${letter.subject}`}>
      {letter.from.length > 0 ? (
        <p class="printed-letter-from">
          {letter.from.map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ) : null}
      {letter.to.length > 0 ? (
        <p class="printed-letter-to">
          {letter.to.map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ) : null}
      {letter.date ? <p>{letter.date}</p> : null}
      <p>Our reference: {letter.reference}</p>
      <h1 class="printed-letter-subject">{letter.subject}</h1>
      {letter.body.map((block) => (block.kind === 'heading' ? <h2>{block.text}</h2> : <p class="printed-letter-paragraph">{block.text}</p>))}
    </article>
  </Layout>
);
