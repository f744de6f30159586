import { withoutBidiControls } from '#domain/text/display-safe';
import { DateTime } from 'luxon';
import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { LONDON } from '#domain/calendar/working-calendar';
import { WEB_FORM_FIELDS, type Policy, type WebFormField } from '#domain/policy/policy-schema';
import { isAdjustmentKind } from '#domain/adjustments/adjustment-kinds';

/**
 * The complaint form's fields: the Not Alone Mentoring appendix form (name, contact number, email, postal
 * address, invoice number, incident date, time and place, summary, desired outcome, signature and date), plus
 * whom it is about, the confidential box and the data-protection agreement. Every field is bounded; single-line
 * fields refuse line breaks, which is how header injection starts.
 */
// Bidi overrides and isolates are taken out first: they can make a name or a place read backwards.
const multiLine = (max: number) => z.string().check(z.overwrite(withoutBidiControls), z.trim(), z.maxLength(max, `must be ${max.toLocaleString('en-GB')} characters or fewer`));
const singleLine = (max: number) => multiLine(max).check(z.refine((v) => !/[\r\n\u2028\u2029]/.test(v), 'must be on one line'));
/** A field left empty is a field not given. */
const optional = <T extends z.ZodMiniType<string, string>>(schema: T) => z.optional(z.pipe(z.transform((v: unknown) => (v === '' || v === null || v === undefined ? undefined : (v as string))), z.optional(schema)));
const tick = z.pipe(z.transform((v: unknown) => v === true || v === 'on' || v === 'yes' || v === 'true'), z.boolean());

export type FieldName = keyof typeof FORM_FIELDS;

export const FORM_FIELDS = {
  name: optional(singleLine(200)),
  phone: optional(singleLine(40).check(z.refine((v) => /^[0-9+()\-\s.]{6,40}$/.test(v), 'must be a telephone number, like 01632 960 001'))),
  email: optional(z.pipe(singleLine(254), z.email('must be an email address, like name@example.com'))),
  postalAddress: optional(multiLine(500)),
  invoiceNumber: optional(singleLine(50)),
  incidentDate: optional(z.iso.date('must be a date, like 2026-11-23')),
  incidentTime: optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time, like 14:30'))),
  incidentLocation: optional(singleLine(200)),
  summary: z.pipe(z.transform((v: unknown) => (v === null || v === undefined ? '' : v) as string), multiLine(10_000).check(z.minLength(10, 'Tell us what happened, in at least 10 characters'))),
  desiredOutcome: optional(multiLine(5_000)),
  about: optional(singleLine(100)),
  confidential: tick,
  // "Do you need us to do anything differently?": the policy's adjustments ticked (their ids, comma-separated: the
  // form posts each box under one name and they are joined), and their own words.
  adjustments: optional(singleLine(400)),
  adjustmentsWords: optional(multiLine(1_000)),
  signature: optional(singleLine(200)),
  signatureDate: optional(z.iso.date('must be a date, like 2026-11-23')),
  consent: tick.check(z.refine((v) => v, 'Agree to how we use your information, so that we can deal with your complaint')),
  // The form's own fields: the signed start time, the submission's id, and the honeypot.
  formToken: z.string().check(z.maxLength(200)),
  submissionId: optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'is not a valid submission id'))),
  website: optional(z.string().check(z.maxLength(500))),
} as const;

export const complaintFormSchema = z.strictObject(FORM_FIELDS);

/** The form fields each optional question of a policy's form (`intake.webForm.fields`) adds. */
const OPTIONAL_QUESTIONS: Record<WebFormField, readonly FieldName[]> = {
  incident: ['incidentDate', 'incidentTime', 'incidentLocation'],
  'invoice-number': ['invoiceNumber'],
  signature: ['signature', 'signatureDate'],
};

/** Whether this policy's form asks a question: its own complaint form's questions, and every form's. */
export function asksFor(policy: Policy, question: WebFormField): boolean {
  return policy.intake.webForm.fields.includes(question);
}

/** Fields a policy's form does not ask: a submission carrying one is refused as an unknown field. */
function notAsked(policy: Policy): Set<string> {
  return new Set(WEB_FORM_FIELDS.filter((q) => !asksFor(policy, q)).flatMap((q) => OPTIONAL_QUESTIONS[q]));
}
export type ComplaintForm = z.infer<typeof complaintFormSchema>;


export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export const FIELD_LABELS: Record<FieldName, string> = {
  name: 'Your name',
  phone: 'Contact number',
  email: 'Email address',
  postalAddress: 'Postal address',
  invoiceNumber: 'Invoice number',
  incidentDate: 'Date it happened',
  incidentTime: 'Time it happened',
  incidentLocation: 'Where it happened',
  summary: 'What happened',
  desiredOutcome: 'How you would like it resolved',
  about: 'Who the complaint is about',
  confidential: 'Confidential',
  adjustments: 'Do you need us to do anything differently?',
  adjustmentsWords: 'Anything else we should do differently, in your own words',
  signature: 'Signature',
  signatureDate: 'Date signed',
  consent: 'Your information',
  formToken: 'Form',
  submissionId: 'Form',
  website: 'Website',
};

/** Checks the shape of a submission and the policy's own rules; every problem is returned at once, by field. */
export function validateComplaintForm(input: unknown, policy: Policy, today: DateTime = DateTime.now().setZone(LONDON)): { form: ComplaintForm } | { errors: FieldError[] } {
  const parsed = complaintFormSchema.safeParse(input);
  const given = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const unasked = Object.keys(given).filter((k) => notAsked(policy).has(k) && given[k] !== '' && given[k] !== undefined && given[k] !== null);
  const shapeErrors: FieldError[] = [
    ...(unasked.length ? [{ field: unasked[0] as string, message: `unknown field${unasked.length > 1 ? 's' : ''}: ${unasked.join(', ')}` }] : []),
    ...(parsed.success ? [] : parsed.error.issues).map((issue) => {
        if (issue.code === 'unrecognized_keys') return { field: issue.keys[0] ?? 'form', message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` };
        const field = String(issue.path[0] ?? 'form');
        const label = FIELD_LABELS[field as FieldName] ?? field;
        // Messages that start with "must" or "is" read after the field's label; the others are whole sentences.
        const message = issue.code === 'invalid_type' ? `${label} is missing` : /^(must|is) /.test(issue.message) ? `${label} ${issue.message}` : issue.message;
        return { field, message };
      }),
  ];
  // The policy's rules are checked even when the shape is wrong, so the person sees every problem in one go.
  const present = (name: FieldName) => typeof given[name] === 'string' ? (given[name] as string).trim() !== '' : given[name] !== undefined && given[name] !== null;
  const hidden = notAsked(policy);
  const ruleErrors = policyRuleErrors(policy, present, given, today).filter((e) => !hidden.has(e.field) && !shapeErrors.some((s) => s.field === e.field));
  const errors = [...shapeErrors, ...ruleErrors];
  if (errors.length > 0 || !parsed.success) return { errors };
  return { form: parsed.data };
}

function policyRuleErrors(policy: Policy, present: (name: FieldName) => boolean, given: Record<string, unknown>, today: DateTime): FieldError[] {
  const errors: FieldError[] = [];
  const required = new Set(policy.intake.requiredDetails?.fields ?? []);
  const clause = policy.intake.requiredDetails?.clause;
  const because = clause ? ` (our complaints policy, clause ${clause})` : '';
  if (required.has('name') && !present('name')) errors.push({ field: 'name', message: `Enter your name${because}` });
  if (required.has('contact') && !present('email') && !present('phone') && !present('postalAddress')) {
    errors.push({ field: 'email', message: `Give us a way to contact you: an email address, telephone number or postal address${because}` });
  }
  if (required.has('address') && !present('postalAddress')) errors.push({ field: 'postalAddress', message: `Enter your postal address${because}` });
  if (required.has('desired-outcome') && !present('desiredOutcome')) errors.push({ field: 'desiredOutcome', message: `Tell us how you would like it resolved${because}` });
  if (required.has('incident-date') && !present('incidentDate')) errors.push({ field: 'incidentDate', message: `Enter the date it happened${because}` });
  if (present('signature') && !present('signatureDate')) errors.push({ field: 'signatureDate', message: 'Enter the date you signed' });
  if (present('signatureDate') && !present('signature')) errors.push({ field: 'signature', message: 'Type your full name as your signature' });
  const todayIso = today.toISODate() as string;
  const date = (name: FieldName) => (typeof given[name] === 'string' ? (given[name] as string) : '');
  if (date('incidentDate') > todayIso) errors.push({ field: 'incidentDate', message: 'Date it happened must be today or in the past' });
  if (date('signatureDate') > todayIso) errors.push({ field: 'signatureDate', message: 'Date signed must be today or in the past' });
  const unknown = askedAdjustments(typeof given.adjustments === 'string' ? given.adjustments : '').filter((k) => !isAdjustmentKind(policy, k));
  if (unknown.length > 0) errors.push({ field: 'adjustments', message: 'Choose what we should do differently from the list, or tell us in your own words' });
  const about = typeof given.about === 'string' ? given.about.trim() : '';
  if (about && about !== 'someone-else' && !policy.roles.some((r) => r.id === about)) {
    errors.push({ field: 'about', message: 'Choose who the complaint is about from the list' });
  }
  return errors;
}

/** The adjustments a form's answer names: its ids, once each, in the order given ("large-print,post"). */
export function askedAdjustments(answer: string | undefined): string[] {
  return [...new Set((answer ?? '').split(',').map((k) => k.trim()).filter(Boolean))];
}
