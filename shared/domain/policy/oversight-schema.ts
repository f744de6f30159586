import * as z from 'zod/mini';
import '#domain/text/schema-language';

const id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "member-responsible"'));
const clause = z.string().check(z.trim(), z.minLength(1, 'must name the clause this rule comes from'));

/** How "well above usual" is judged: see shared/domain/oversight/theme-judgement.ts. */
export const THEME_DEFAULTS = { deviations: 2, minimumCount: 5, baselineWindows: 12 } as const;

/**
 * Learning and oversight (LGSCO Complaint Handling Code 9.4-9.7; Housing Ombudsman Code 9.5, 9.7): the Member
 * Responsible for Complaints, who receives the annual report and a quarterly summary, and the weekly look for
 * themes (a category, team or place with far more complaints in the last 30 days than usual).
 */
export const oversightSchema = z.strictObject({
  memberResponsible: z.optional(
    z.strictObject({
      /** A role of the policy: give it `capabilities: [reports]` so that it reads the annual report in the console (the summaries come by email), not cases. */
      role: id,
      clause,
    }),
  ),
  themes: z._default(
    z.strictObject({
      /** How many standard deviations above the usual 30 days a count must be (with the Poisson floor: see theme-judgement.ts). */
      deviations: z._default(z.number().check(z.minimum(1), z.maximum(5)), THEME_DEFAULTS.deviations),
      /** No theme is raised on fewer complaints than this in 30 days, however rare the thing usually is. */
      minimumCount: z._default(z.int().check(z.minimum(2), z.maximum(100)), THEME_DEFAULTS.minimumCount),
      /** How many earlier 30-day windows make "usual" (12: about a year). */
      baselineWindows: z._default(z.int().check(z.minimum(3), z.maximum(24)), THEME_DEFAULTS.baselineWindows),
      clause: z.optional(clause),
    }),
    { ...THEME_DEFAULTS },
  ),
});
export type Oversight = z.infer<typeof oversightSchema>;
