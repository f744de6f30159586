import type { Policy } from './policy-schema.js';

/** The organisation named mid-sentence, with its article where it needs one: "a complaint to the County Council". */
export function organisationInText(policy: Pick<Policy, 'organisation'>): string {
  return policy.organisation.inRunningText ?? policy.organisation.name;
}
