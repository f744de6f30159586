import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import { bodyToGoTo, type BodyToGoTo } from './outside-bodies.js';

/**
 * The outside bodies an extension letter names, where the policy's code asks for it (`inExtensionLetters`): each
 * with every way to reach it, how long there is, and when the complainant may go to it now that the response is
 * late (the body's own `when` speaks of the end of the procedure). What the letter must say of each includes
 * that `when`, so an organisation's own holding template cannot leave it out.
 */
export function bodiesInExtensionLetters(policy: Policy, c: Pick<Case, 'receivedAt' | 'outcomes' | 'deadlines'>): BodyToGoTo[] {
  return policy.outsideBodies.flatMap((b) => {
    if (!b.inExtensionLetters || b.forMatters?.length) return [];
    const body = bodyToGoTo(policy, c, b);
    const when = b.inExtensionLetters.when;
    return [{ ...body, when, needed: [...body.needed, { what: `when the complainant may go to ${b.name} (${b.inExtensionLetters.clause})`, text: when }] }];
  });
}
