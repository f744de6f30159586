import type { Decision } from './case.js';

/** Each decision as it reads mid-sentence ("Stage one: partly upheld"): in letters, notices, the timeline and reports. */
export const DECISION_WORDS: Record<Decision, string> = { upheld: 'upheld', 'partly-upheld': 'partly upheld', 'not-upheld': 'not upheld' };
