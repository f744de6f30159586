import type { ContactRestriction } from './contact-restriction.js';

/** A restriction as the index finds it: the case it was set on, and the restriction. */
export interface RestrictionFound {
  readonly reference: string;
  readonly restriction: ContactRestriction;
  /** The roles the case is about (as the digest hides a case from those it is about). */
  readonly aboutRoles?: readonly string[];
}

/**
 * What intake does with a message from a person. With no restriction, as it always has. With one, the message is
 * kept on a case (there is no other outcome: the type has no way to drop it), the point of contact is told, and
 * Redress answers automatically only as far as the restriction says: a short receipt where email is among the
 * channels left open to them, else nothing (the letter setting the restriction told them who replies, and how).
 */
export type MailHandling =
  | { readonly restricted: false }
  | {
      readonly restricted: true;
      /** The case it is recorded on: the case it replies to where they are on it, else the case the restriction is on. */
      readonly recordOn: string;
      readonly tell: ContactRestriction['pointOfContact'];
      readonly answer: 'receipt' | 'none';
      /** A message that would have opened a new complaint: the point of contact decides whether it is one. */
      readonly mayBeNewComplaint: boolean;
    };

/**
 * The one rule for a restricted person's mail. `onCase` is the case the message replies to, where its sender is on
 * that case; undefined for a message that would open a new case.
 */
export function restrictedMailHandling(found: RestrictionFound | undefined, onCase: string | undefined): MailHandling {
  if (!found) return { restricted: false };
  const { restriction } = found;
  return {
    restricted: true,
    recordOn: onCase ?? found.reference,
    tell: restriction.pointOfContact,
    answer: restriction.channelsOpen.includes('email') ? 'receipt' : 'none',
    mayBeNewComplaint: onCase === undefined,
  };
}
