import { nameKey } from '#domain/text/name-key';
import { listInWords } from '#domain/text/list-in-words';

/** The ways a restricted person may still reach the organisation. */
export const RESTRICTION_CHANNELS = ['email', 'post', 'phone', 'in-person'] as const;
export type RestrictionChannel = (typeof RESTRICTION_CHANNELS)[number];

/** Each channel as a letter says it: "by email", "by post". */
export const CHANNEL_IN_WORDS: Record<RestrictionChannel, string> = {
  email: 'by email',
  post: 'by post',
  phone: 'by telephone',
  'in-person': 'in person, by appointment',
};

/**
 * A restriction on how a person contacts the organisation, for unacceptable behaviour (the Housing Ombudsman's
 * guidance: proportionate, recorded with its reason, the channels left open and a review date, and written to the
 * person). It limits how they are answered, never whether what they send is kept: their mail is still taken in,
 * recorded on their case and shown to the single point of contact (see restrictedMailHandling).
 */
export interface ContactRestriction {
  /** Who it is on: their address, their name, or both (at least one). */
  readonly person: { readonly email?: string; readonly name?: string };
  /** Why, in words the letter to them uses. */
  readonly reason: string;
  /** What is limited, in words the letter to them uses ("telephone calls to staff other than your point of contact"). */
  readonly scope: string;
  /** How they may still contact us: at least one, so nobody is cut off. */
  readonly channelsOpen: readonly RestrictionChannel[];
  /** The one person who reads what they send and answers them, and that person's role (whose notice address is told). */
  readonly pointOfContact: { readonly name: string; readonly role: string };
  /** The date (YYYY-MM-DD) by which it is looked at again: kept, changed or lifted. */
  readonly reviewOn: string;
  readonly setAt: string;
  readonly setBy: string;
  readonly reviewedAt?: string;
}

/**
 * The keys a restriction is found by, without a scan: its address (lowercased), and its name as the name index
 * keys names. Mail is matched by address only; a name is too common to decide whose mail it is.
 */
export function restrictionKeys(r: Pick<ContactRestriction, 'person'>): string[] {
  const email = r.person.email?.trim().toLowerCase();
  const name = r.person.name ? nameKey(r.person.name) : '';
  return [...(email ? [`email:${email}`] : []), ...(name ? [`name:${name}`] : [])];
}

/** The key mail from an address is matched by. */
export function restrictionKeyOfAddress(address: string): string {
  return `email:${address.trim().toLowerCase()}`;
}

/** "by email or by post". */
export function channelsInWords(channels: readonly RestrictionChannel[]): string {
  const words = channels.map((c) => CHANNEL_IN_WORDS[c]);
  return listInWords(words, 'or');
}
