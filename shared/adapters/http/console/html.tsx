import { capitalise } from '#domain/letters/letter-view';
import { ActionFormPage } from './action-form-page.js';
import { AttachPage } from './attach-page.js';
import { RecordChoosePage, RecordedPage, RecordPage } from './record-page.js';
import { CaseConsolePage } from './case-page.js';
import { HeldPage } from './held-page.js';
import { LetterPrintPage } from './letter-print-page.js';
import { MessagePage } from './message-page.js';
import { MorningPage } from './morning-page.js';
import { PolicyPage } from './policy-page.js';
import { PreviewPage } from './preview-page.js';
import { SearchPage } from './search-page.js';
import type { Signed } from './signed.js';

/** The pages as HTML text, for the routes to send. */
export const html = {
  morning: (props: Parameters<typeof MorningPage>[0]) => (<MorningPage {...props} />).toString(),
  case: (props: Parameters<typeof CaseConsolePage>[0]) => (<CaseConsolePage {...props} />).toString(),
  actionForm: (props: Parameters<typeof ActionFormPage>[0]) => (<ActionFormPage {...props} />).toString(),
  preview: (props: Parameters<typeof PreviewPage>[0]) => (<PreviewPage {...props} />).toString(),
  policy: (props: Parameters<typeof PolicyPage>[0]) => (<PolicyPage {...props} />).toString(),
  held: (props: Parameters<typeof HeldPage>[0]) => (<HeldPage {...props} />).toString(),
  search: (props: Parameters<typeof SearchPage>[0]) => (<SearchPage {...props} />).toString(),
  letterPrint: (props: Parameters<typeof LetterPrintPage>[0]) => (<LetterPrintPage {...props} />).toString(),
  recordChoose: (props: Parameters<typeof RecordChoosePage>[0]) => (<RecordChoosePage {...props} />).toString(),
  record: (props: Parameters<typeof RecordPage>[0]) => (<RecordPage {...props} />).toString(),
  recorded: (props: Parameters<typeof RecordedPage>[0]) => (<RecordedPage {...props} />).toString(),
  attach: (props: Parameters<typeof AttachPage>[0]) => (<AttachPage {...props} />).toString(),
  letterNotFound: (signed: Signed, reference: string) =>
    (
      <MessagePage title="No such letter" signed={signed}>
        <p>
          {reference} has no letter to the complainant at that address. <a href={`/console/cases/${reference}`}>Open {reference}</a> for the list of its letters.
        </p>
      </MessagePage>
    ).toString(),
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
  // Before the session is read (the body is refused as it arrives): a page with a way back, for anyone.
  tooLarge: (message: string, path: string) =>
    (
      <MessagePage title="That file is too large" signed={undefined}>
        <p>{message}</p>
        <p>
          <a href={path.startsWith('/console/') ? path : '/console'}>Choose another file</a> or go back to <a href="/console">this morning</a>.
        </p>
      </MessagePage>
    ).toString(),
  reportsOnly: (signed: Signed, reports: readonly { readonly id: string; readonly name: string }[]) =>
    (
      <MessagePage title="Cases are not open to your role" signed={signed}>
        <p>Your role reads the organisation’s reports on complaints: their numbers, how long they took, their outcomes and themes. It does not open cases, held messages or files, which are for the staff who handle complaints.</p>
        {reports.length ? (
          <>
            <p>What you can see instead:</p>
            <ul>
              {reports.map((r) => (
                <li>
                  <a href={`/console/reports/${r.id}`}>{`${r.name}'s annual report`}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          Or go back to <a href="/console">this morning</a>. If you should handle complaints, ask an operator to give you a role that does.
        </p>
      </MessagePage>
    ).toString(),
  dateOutOfRange: (signed: Signed, message: string) =>
    (
      <MessagePage title="A date Redress cannot count" signed={signed}>
        <p>Redress counts working days from the bank holidays it knows, and this needed a date outside those years: {message}.</p>
        <p>
          If you typed a date, go back and give one nearer to today. If not, tell an operator: the bank-holiday data needs refreshing. Meanwhile <a href="/console/cases">find a case</a> or go back to <a href="/console">this morning</a>.
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
