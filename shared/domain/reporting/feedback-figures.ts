import { FEEDBACK_QUESTIONS, type FeedbackQuestion } from '#domain/case/case-feedback';
import type { ReportRecord } from './report-record.js';

/**
 * Fewer answers than this in a year and what they chose is withheld from every view of the report, staff's included:
 * a case's timeline says when its complainant answered, so with one or two answers staff could tell whose they were.
 */
export const FEEDBACK_ANSWERS_SHOWN_FROM = 5;

/**
 * What complainants said of how their complaints were handled, given in the year: how many answered, and (once at
 * least FEEDBACK_ANSWERS_SHOWN_FROM answered) how many chose each answer of each question. Counts only: no
 * reference, no name, nothing per case.
 */
export interface FeedbackFigures {
  readonly answered: number;
  /** Absent while fewer than FEEDBACK_ANSWERS_SHOWN_FROM answered in the year. */
  readonly answers?: { readonly [Q in FeedbackQuestion]: Readonly<Record<string, number>> };
}

export function feedbackFigures(records: readonly ReportRecord[], inYear: (at: string | undefined) => boolean): FeedbackFigures {
  const given = records.flatMap((r) => (r.feedback && inYear(r.feedback.at) ? [r.feedback.answers] : []));
  const answers = Object.fromEntries(
    (Object.keys(FEEDBACK_QUESTIONS) as FeedbackQuestion[]).map((q) => [
      q,
      Object.fromEntries(Object.keys(FEEDBACK_QUESTIONS[q].answers).map((a) => [a, given.filter((g) => g[q] === a).length])),
    ]),
  ) as FeedbackFigures['answers'];
  return given.length >= FEEDBACK_ANSWERS_SHOWN_FROM ? { answered: given.length, answers } : { answered: given.length };
}
