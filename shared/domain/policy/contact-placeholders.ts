import type { Policy } from './policy-schema.js';

/**
 * The organisation's own contact details that still hold a "[...]" placeholder (no seed policy publishes a postal
 * address or telephone number): letters for post print them as they are, so staff and operators must be told.
 */
export function contactPlaceholders(policy: Pick<Policy, 'organisation'>): string[] {
  const contact = policy.organisation.contact;
  if (!contact) return ['organisation.contact (not given)'];
  return (['address', 'phone'] as const).filter((field) => !contact[field] || /\[[^\]]*\]/.test(contact[field] as string)).map((field) => `organisation.contact.${field}`);
}
