import type { FC } from 'hono/jsx';
import { FEEDBACK_QUESTIONS, type FeedbackQuestion } from '#domain/case/case-feedback';
import type { ComplainantView } from '#domain/case/complainant-view';

/**
 * After closure, the complainant's page asks three short questions once (each a fixed choice, none required alone),
 * then thanks them. What they say is counted in the annual report without their name or reference.
 */
export const FeedbackSection: FC<{ feedback: ComplainantView['feedback']; action: string }> = ({ feedback, action }) => {
  if (feedback === 'given') {
    return (
      <>
        <h2 id="feedback">How we handled your complaint</h2>
        <p>Thank you for telling us how we handled your complaint.</p>
      </>
    );
  }
  if (feedback !== 'ask') return null;
  return (
    <>
      <h2 id="feedback">How did we handle your complaint?</h2>
      <p>
        Three short questions, to help us handle complaints better. Answer any you wish. We count the answers together in our yearly report, without your name or
        reference; they are not shown to anyone your complaint was about.
      </p>
      <form method="post" action={action} novalidate>
        {(Object.keys(FEEDBACK_QUESTIONS) as FeedbackQuestion[]).map((q) => (
          <fieldset class="field">
            <legend>{FEEDBACK_QUESTIONS[q].question}</legend>
            {Object.entries(FEEDBACK_QUESTIONS[q].answers).map(([value, words]) => (
              <div class="checkbox">
                <input type="radio" id={`feedback-${q}-${value}`} name={q} value={value} />
                <label for={`feedback-${q}-${value}`}>{words}</label>
              </div>
            ))}
          </fieldset>
        ))}
        <button type="submit">Send your answers</button>
      </form>
    </>
  );
};
