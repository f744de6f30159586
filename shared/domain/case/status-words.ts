import type { CaseStatus } from './case.js';

/** A case's status as staff read it on a page ("Awaiting signature"), never its stored id. */
export const STATUS_WORDS: Record<CaseStatus, string> = {
  open: 'Open',
  'awaiting-signature': 'Awaiting signature',
  closed: 'Closed',
};
