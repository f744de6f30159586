import type { Case } from './case.js';

/**
 * A case's place in its organisation's newest-first list: when it was received, then its reference. The list's
 * index sorts by it, and a page cursor is the place of the last case shown.
 */
export function newestFirstPlace(c: Pick<Case, 'receivedAt' | 'reference'>): string {
  return `${c.receivedAt}#${c.reference}`;
}
