import type { Case } from './case.js';

/** Whether a case's complainant can be written to at all: an address, not anonymous, not known to bounce. */
export function reachableByEmail(c: Pick<Case, 'complainant' | 'flags'>): boolean {
  return Boolean(c.complainant.email) && !c.complainant.anonymous && !c.flags.includes('complainant-undeliverable');
}

/** Whether Redress may send the complainant letters beyond the acknowledgement: reachable, and the address confirmed. */
export function writableByEmail(c: Pick<Case, 'complainant' | 'flags'>): boolean {
  return reachableByEmail(c) && c.complainant.emailConfirmed !== false;
}
