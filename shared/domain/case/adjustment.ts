/**
 * A reasonable adjustment staff agreed with the complainant (`case adjust`): which (one of the policy's list), what
 * exactly where it needs words (an interpreter's language, "other"), and the day it is next reviewed (LGSCO 5.6:
 * kept under active review). Agreeing the same kind again is its review: the new date replaces the old.
 */
export interface Adjustment {
  readonly kind: string;
  readonly details?: string;
  /** The London day it is next reviewed (YYYY-MM-DD). */
  readonly reviewOn: string;
  readonly agreedAt: string;
  readonly agreedBy: string;
  /** When it ended (`case end-adjustment`), by whom and why: kept, so the record shows it was made. */
  readonly endedAt?: string;
  readonly endedBy?: string;
  readonly endReason?: string;
}

/**
 * What the complainant asked for when they complained ("Do you need us to do anything differently?"): the
 * policy's adjustments they chose and their own words, bounded. A request, not an agreement: staff agree each one.
 */
export interface AdjustmentsAsked {
  readonly kinds: readonly string[];
  readonly words?: string;
  readonly at: string;
  /** "complainant" on the web form; a member of staff who recorded what a caller said. */
  readonly by: string;
}

/**
 * Staff's note that the complainant may be vulnerable, and why: it changes nothing but what staff see first, and only
 * the handling role and those above it may read it (never the person complained about, who cannot read the case).
 */
export interface Vulnerability {
  readonly reason: string;
  readonly at: string;
  readonly by: string;
}
