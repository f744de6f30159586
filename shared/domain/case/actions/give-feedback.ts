import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { FEEDBACK_QUESTIONS, type FeedbackAnswers } from '../case-feedback.js';
import { timelineEvent } from '../timeline-event.js';

/** Whether the complainant's page asks for feedback on this case now: closed, not destroyed, not answered yet. */
export function feedbackAsked(c: Pick<Case, 'status' | 'destroyedAt' | 'feedback'>): boolean {
  return c.status === 'closed' && !c.destroyedAt && !c.feedback;
}

/** Only the fixed answers of each question; anything else (a forged form) is left out. */
export function feedbackAnswersOf(posted: Readonly<Record<string, unknown>>): FeedbackAnswers {
  const answers: Record<string, string> = {};
  for (const [q, spec] of Object.entries(FEEDBACK_QUESTIONS)) {
    const value = posted[q];
    if (typeof value === 'string' && Object.hasOwn(spec.answers, value)) answers[q] = value;
  }
  return answers as FeedbackAnswers;
}

/**
 * The complainant's feedback, once per case, after closure. The timeline says only that it was given: the answers
 * are for the annual report's counts, never read case by case (so never by the person complained about).
 */
export function giveFeedback(c: Case, answers: FeedbackAnswers, at: string): CaseChange {
  if (c.feedback) throw new ActionRefusedError('Thank you: you have already answered these questions for this complaint.');
  if (!feedbackAsked(c)) throw new ActionRefusedError('We ask these questions once your complaint is closed.');
  if (Object.keys(answers).length === 0) throw new ActionRefusedError('Choose an answer to at least one question, then send them.');
  return {
    case: { ...c, feedback: { at, answers }, updatedAt: at },
    events: [timelineEvent({ at, type: 'feedback-given', actor: 'complainant', summary: 'The complainant answered the questions about how their complaint was handled (counted, unnamed, in the annual report)' })],
    letters: [],
    threadKeys: [],
    deadlinesChanged: false,
  };
}
