import * as z from 'zod/mini';
import '#domain/text/schema-language';

/**
 * An outside body every extension (holding) letter names, where the code the organisation answers to asks for it
 * (LGSCO Complaint Handling Code 5.5 and 6.5: the Ombudsman's details with any extension; the Housing Ombudsman's
 * code: every extension notice gives its contact details). `when` says, for someone told their response is late,
 * when they may go to the body: a body's own `when` is written for the end of the procedure.
 */
export const inExtensionLettersSchema = z.strictObject({
  when: z.string().check(z.trim(), z.minLength(1, 'say when the complainant may go to the body, as an extension letter tells them')),
  clause: z.string().check(z.trim(), z.minLength(1, 'must name the clause of the code or policy this rule comes from')),
});
export type InExtensionLetters = z.infer<typeof inExtensionLettersSchema>;
