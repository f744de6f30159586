import * as z from 'zod/mini';
import '#domain/text/schema-language';

// The policy format's time units (policy-schema.ts's TIME_UNITS, which imports this file: repeated, not imported).
const TIME_UNITS = ['workingDays', 'days', 'weeks', 'months', 'years'] as const;

/**
 * Service requests (LGSCO Complaint Handling Code 1.2, 1.7, 1.8; Housing Ombudsman's Code 1.3, 1.4): a request to
 * provide or improve a service, fix a problem or reconsider a decision, which is not a complaint but is recorded,
 * monitored and reviewed. Where a policy has this key, staff can record a contact as one, or turn a case into one.
 */
export const serviceRequestsSchema = z.strictObject({
  /** The policy's own words that allow it (the council: "Matters not previously notified ... a service request"). */
  clause: z.string().check(z.trim(), z.minLength(1, 'must name the clause of the policy that allows service requests')),
  /** A target for dealing with one (GOSS-style five working days), which the digest watches; none where the policy sets none. */
  target: z.optional(
    z.strictObject({
      amount: z.int('must be a whole number').check(z.minimum(1, 'must be at least 1')),
      unit: z.enum(TIME_UNITS, { error: (issue) => `unknown unit ${JSON.stringify(issue.input)}; use one of ${TIME_UNITS.join(', ')}` }),
      clause: z.string().check(z.trim(), z.minLength(1, 'must name where the target comes from')),
    }),
  ),
  /**
   * What a complaint made about a service request counts its deadlines from, when the request becomes one:
   * `first-contact` (the default: the person was dissatisfied when they first contacted us, and the code's
   * "expression of dissatisfaction, however made" was made then), or `complaint`, the day they complained.
   */
  complaintCountsFrom: z._default(z.enum(['first-contact', 'complaint'], { error: (issue) => `unknown value ${JSON.stringify(issue.input)}; use first-contact or complaint` }), 'first-contact'),
});
export type ServiceRequestsRule = z.infer<typeof serviceRequestsSchema>;
