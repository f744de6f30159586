import { FEEDBACK_QUESTIONS, type FeedbackQuestion } from '#domain/case/case-feedback';
import { FEEDBACK_ANSWERS_SHOWN_FROM, type FeedbackFigures } from './feedback-figures.js';

/** A row as the report table keeps it (ReportRow, which this module cannot import without a cycle). */
interface FeedbackRow {
  readonly section: string;
  readonly item: string;
  readonly value: number | null;
  readonly previous?: number | null;
  readonly count: true;
}

/** The report's rows for feedback: a section of its own, each answer a count (suppressed when small, as every count). */
export function feedbackRows(figures: { readonly feedback?: FeedbackFigures }, previous: { readonly feedback?: FeedbackFigures } | undefined): FeedbackRow[] {
  const section = 'What complainants told us about how we handled their complaints';
  const row = (item: string, pick: (f: FeedbackFigures | undefined) => number | null): FeedbackRow => ({ section, item, value: pick(figures.feedback), ...(previous ? { previous: pick(previous.feedback) } : {}), count: true });
  const shown = (f: FeedbackFigures | undefined) => Boolean(f?.answers);
  return [
    row('Answered the questions after their complaint closed', (f) => f?.answered ?? 0),
    // A year with too few answers shows none of them (nothing, not 0), so no one's answers can be told apart.
    ...(shown(figures.feedback) || shown(previous?.feedback)
      ? (Object.keys(FEEDBACK_QUESTIONS) as FeedbackQuestion[]).flatMap((q) => {
          const spec = FEEDBACK_QUESTIONS[q];
          return Object.entries(spec.answers).map(([a, words]) => row(`${spec.question} ${words}`, (f) => (f?.answers ? (f.answers[q][a] ?? 0) : null)));
        })
      : [row(`What they answered: shown once ${FEEDBACK_ANSWERS_SHOWN_FROM} or more have answered in a year`, () => null)]),
  ];
}
