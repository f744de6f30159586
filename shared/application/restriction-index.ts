import type { Case } from '#domain/case/case';
import { restrictionKeys } from '#domain/case/contact-restriction';
import { rolesAbout } from '#domain/case/named-in-complaint';
import type { CaseWrite } from './ports/cases.js';

/**
 * What a case write does to the restriction index: nothing when the restriction is as it was; else an entry per
 * person key of the restriction as it now is (its review date and words with it), and the keys it no longer holds.
 */
export function restrictionIndex(before: Case | undefined, after: Case): CaseWrite['restrictions'] {
  const aboutRoles = rolesAbout(after);
  const unchanged = JSON.stringify(before?.restriction) === JSON.stringify(after.restriction) && JSON.stringify(before ? rolesAbout(before) : []) === JSON.stringify(aboutRoles);
  if (unchanged) return undefined;
  const now = after.restriction ? restrictionKeys(after.restriction) : [];
  const earlier = before?.restriction ? restrictionKeys(before.restriction) : [];
  const restriction = after.restriction;
  return {
    put: restriction ? now.map((personKey) => ({ policyId: after.policyId, personKey, reference: after.reference, restriction, aboutRoles })) : [],
    removed: earlier.filter((k) => !now.includes(k)),
  };
}
