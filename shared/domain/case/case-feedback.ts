/**
 * The questions a complainant is asked on their page once their complaint is closed (the LGSCO code's introduction:
 * seek feedback on complaint handling), each with a few fixed answers: nothing free to type, so nothing in it can
 * name anyone, and the report counts it as it is.
 */
export const FEEDBACK_QUESTIONS = {
  clear: { question: 'Did we explain clearly what would happen and when?', answers: { yes: 'Yes', partly: 'Partly', no: 'No' } },
  fair: { question: 'Do you feel we handled your complaint fairly?', answers: { yes: 'Yes', partly: 'Partly', no: 'No' } },
  time: { question: 'How did the time it took feel to you?', answers: { 'about-right': 'About right', 'too-long': 'Too long', 'much-too-long': 'Much too long' } },
} as const;

export type FeedbackQuestion = keyof typeof FEEDBACK_QUESTIONS;
export type FeedbackAnswer<Q extends FeedbackQuestion> = keyof (typeof FEEDBACK_QUESTIONS)[Q]['answers'];
export type FeedbackAnswers = { readonly [Q in FeedbackQuestion]?: FeedbackAnswer<Q> };

/** The answers as the case keeps them, and when they were given. */
export interface CaseFeedback {
  readonly at: string;
  readonly answers: FeedbackAnswers;
}
