import { FEEDBACK_QUESTIONS, type FeedbackQuestion } from '#domain/case/case-feedback';
import type { ReportRecord } from './report-record.js';

/**
 * What complainants said of how their complaints were handled, given in the year: how many answered, and how many
 * chose each answer of each question. Counts only: no reference, no name, nothing per case.
 */
export interface FeedbackFigures {
  readonly answered: number;
  readonly answers: { readonly [Q in FeedbackQuestion]: Readonly<Record<string, number>> };
}

export function feedbackFigures(records: readonly ReportRecord[], inYear: (at: string | undefined) => boolean): FeedbackFigures {
  const given = records.flatMap((r) => (r.feedback && inYear(r.feedback.at) ? [r.feedback.answers] : []));
  const answers = Object.fromEntries(
    (Object.keys(FEEDBACK_QUESTIONS) as FeedbackQuestion[]).map((q) => [
      q,
      Object.fromEntries(Object.keys(FEEDBACK_QUESTIONS[q].answers).map((a) => [a, given.filter((g) => g[q] === a).length])),
    ]),
  ) as FeedbackFigures['answers'];
  return { answered: given.length, answers };
}
