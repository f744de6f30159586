import { DateTime } from 'luxon';
import type { Policy } from '#domain/policy/policy-schema';
import { isEmailAddress } from '#domain/text/email-address';
import { calendarFor } from '#domain/planner/plan-deadlines';
import { dateInWords } from '#domain/letters/dates-in-words';

/** The record form's questions that are typed or chosen. */
export const RECORD_FORM_FIELDS = ['channel', 'receivedAt', 'name', 'email', 'phone', 'address', 'preferredChannel', 'subject', 'summary', 'about', 'representativeName', 'representativeRelationship', 'representativeConsent'] as const;

/** The record form's answers as sent: every one a string, as typed or chosen ('' when left empty). */
export type RecordForm = Readonly<Record<(typeof RECORD_FORM_FIELDS)[number], string>>;

/** What is wrong with one answer, worded for the person who typed it, naming the field it belongs beside. */
export interface FieldProblem {
  /**
   * The field it belongs beside (a name of the record page's fields: these, or a group such as the adjustments asked
   * for); none for a problem with the whole (a refusal the form could not foresee).
   */
  readonly field?: string;
  readonly message: string;
}

/** The answers the record form cannot go without: marked as required on the form. */
export const RECORD_REQUIRED: ReadonlySet<keyof RecordForm> = new Set(['channel', 'receivedAt', 'name', 'preferredChannel', 'summary']);

const CHANNELS = ['phone', 'letter', 'in-person'];
const PREFERRED = ['email', 'post', 'phone'];

/**
 * Every problem with a record form at once, in the form's order, so the person fixes them in one go (GOV.UK's
 * pattern: a summary at the top, each message beside its field). The same rules openStaffCase enforces one at a
 * time for the command line; a form that passes here is refused there only by what the form cannot know.
 */
export function recordFormProblems(policy: Policy, form: RecordForm, now: DateTime): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: keyof RecordForm, message: string) => problems.push({ field, message });
  const given = (field: keyof RecordForm) => form[field].trim() !== '';
  if (!CHANNELS.includes(form.channel)) problem('channel', 'Choose how the complaint was made');
  const receivedAt = DateTime.fromISO(form.receivedAt, { zone: 'Europe/London' });
  if (!given('receivedAt')) problem('receivedAt', 'Give the date and time the complaint was made');
  else if (!receivedAt.isValid) problem('receivedAt', 'Give the date and time the complaint was made as a date and a time, for example 20/11/2026 16:45');
  else if (receivedAt > now) problem('receivedAt', 'The complaint cannot have been made in the future: give the date and time it was made');
  else if ((receivedAt.toISODate() ?? '') < calendarFor(policy).firstDate) problem('receivedAt', `Redress counts working days from ${dateInWords(calendarFor(policy).firstDate)}: give a date from then (a complaint made earlier cannot be recorded here)`);
  if (!given('name')) problem('name', "Give the complainant's name");
  if (given('email') && !isEmailAddress(form.email.trim())) problem('email', 'Give an email address in the right form, like name@example.org');
  if (!PREFERRED.includes(form.preferredChannel)) problem('preferredChannel', 'Choose how they want us to write to them');
  if (form.preferredChannel === 'email' && !given('email')) problem('email', 'They prefer email: give their email address, or choose post or telephone');
  if (form.preferredChannel === 'post' && !given('address')) problem('address', 'They prefer post: give their postal address');
  if (form.preferredChannel === 'phone' && !given('phone')) problem('phone', 'They prefer the telephone: give their number');
  if (!given('summary')) problem('summary', 'Say what the complaint is about, in their words as far as you can');
  if (given('about') && !policy.roles.some((r) => r.id === form.about)) problem('about', `Choose whom it is about from ${policy.organisation.name}'s roles, or no one in particular`);
  if (given('representativeName') || given('representativeRelationship') || given('representativeConsent')) {
    if (!given('representativeName')) problem('representativeName', "Give the representative's name");
    if (!given('representativeRelationship')) problem('representativeRelationship', 'Say what the representative is to the complainant (a relative, an advocate, a councillor)');
    if (!given('representativeConsent')) problem('representativeConsent', 'Say how the complainant consented to the representative acting for them');
  }
  // One message per field, the first found: the field shows what to fix first.
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}
