import * as z from 'zod/mini';
import '#domain/text/schema-language';

/**
 * The reasonable adjustments Redress knows how to honour (LGSCO code 5.6: made, recorded and kept under active
 * review; the Housing Ombudsman's code says the same). Four change how letters go (see letterForm): large print,
 * letters by post, a telephone call instead of letters, email only. The rest are for staff to act on.
 */
export const BUILT_IN_ADJUSTMENTS = ['large-print', 'post', 'phone', 'email-only', 'easy-read', 'interpreter', 'advocate', 'more-time', 'other'] as const;
export type BuiltInAdjustment = (typeof BUILT_IN_ADJUSTMENTS)[number];

const id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "hearing-loop"'));
const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/**
 * A policy's own word on adjustments (`adjustments:` in its file): the clause that asks for them, adjustments of its
 * own besides Redress's list (Alumot 1.7: a friend may support the complainant), and how many weeks after agreeing
 * one staff are offered to review it.
 */
export const adjustmentsSchema = z.strictObject({
  clause: z.optional(text),
  kinds: z._default(
    z.array(
      z.strictObject({
        id: id.check(z.refine((v) => !(BUILT_IN_ADJUSTMENTS as readonly string[]).includes(v), 'is one of Redress\'s own adjustments already: give yours another id')),
        name: text,
        clause: z.optional(text),
      }),
    ),
    [],
  ),
  reviewWeeks: z._default(z.int('must be a whole number').check(z.minimum(1), z.maximum(52)), 12),
});
export type AdjustmentsPolicy = z.infer<typeof adjustmentsSchema>;
