import type { FC } from 'hono/jsx';
import { organisationInText } from '#domain/policy/organisation-words';
import { entryStage } from '#domain/case/route-case';
import { describePeriod } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import { asksFor, FIELD_LABELS, type FieldError, type FieldName } from '#domain/forms/complaint-form';
import { adjustmentChoices } from '#domain/adjustments/adjustment-kinds';
import { HouseDocument, Problems } from './house-document.js';

export interface FormPageState {
  readonly formToken: string;
  readonly submissionId: string;
  /** What the complainant typed, to put back after an error. */
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: readonly FieldError[];
  /** Where the form posts to; relative to the page by default. */
  readonly action?: string;
  /** A message for the whole form, e.g. that it expired. */
  readonly notice?: string;
}

const DEFAULT_DATA_PROTECTION =
  'We will hold the information you give us securely and use it only to deal with your complaint. Only the people ' +
  'who need to consider your complaint will see it.';

type Width = 'narrow' | 'short' | 'date';

interface FieldProps {
  readonly name: FieldName;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldError[];
  readonly hint?: string;
}

const messagesFor = (errors: readonly FieldError[], field: string) => errors.filter((e) => e.field === field).map((e) => e.message);
const describedBy = (name: string, hint: boolean, error: boolean) => [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
/** What a control says to assistive technology: its hint and error by id, and whether it is in error. */
const ariaFor = (props: FieldProps, messages: readonly string[]) => ({
  'aria-describedby': describedBy(props.name, Boolean(props.hint), messages.length > 0),
  'aria-invalid': messages.length ? 'true' : undefined,
});

const ErrorMessage: FC<{ name: string; messages: readonly string[] }> = ({ name, messages }) =>
  messages.length ? (
    <span class="error-message" id={`${name}-error`}>
      <span class="visually-hidden">Error:</span> {messages.join('. ')}
    </span>
  ) : null;

const Field: FC<FieldProps & { messages: readonly string[]; control: unknown }> = ({ name, hint, messages, control }) => (
  <div class={messages.length ? 'field field--error' : 'field'}>
    <label for={name}>{FIELD_LABELS[name]}</label>
    {hint ? (
      <span class="hint" id={`${name}-hint`}>
        {hint}
      </span>
    ) : null}
    <ErrorMessage name={name} messages={messages} />
    {control}
  </div>
);

const Input: FC<FieldProps & { type: string; autocomplete?: string; width?: Width }> = (props) => {
  const messages = messagesFor(props.errors, props.name);
  const control = (
    <input
      type={props.type}
      id={props.name}
      name={props.name}
      value={props.values[props.name] ?? ''}
      autocomplete={props.autocomplete}
      {...ariaFor(props, messages)}
      class={props.width ? `width-${props.width}` : undefined}
    />
  );
  return <Field {...props} messages={messages} control={control} />;
};

const TextArea: FC<FieldProps & { rows: number }> = (props) => {
  const messages = messagesFor(props.errors, props.name);
  const control = (
    <textarea
      id={props.name}
      name={props.name}
      rows={props.rows}
      {...ariaFor(props, messages)}
    >
      {props.values[props.name] ?? ''}
    </textarea>
  );
  return <Field {...props} messages={messages} control={control} />;
};

const CheckBox: FC<FieldProps & { label: string }> = ({ name, values, errors, label }) => {
  const messages = messagesFor(errors, name);
  return (
    <div class={messages.length ? 'field field--error' : 'field'}>
      <ErrorMessage name={name} messages={messages} />
      <div class="checkbox">
        <input
          type="checkbox"
          id={name}
          name={name}
          value="yes"
          checked={['on', 'true', 'yes'].includes(values[name] ?? '')}
          aria-describedby={messages.length ? `${name}-error` : undefined}
          aria-invalid={messages.length ? 'true' : undefined}
        />
        <label for={name}>{label}</label>
      </div>
    </div>
  );
};

const AboutWhom: FC<{ policy: Policy; values: Readonly<Record<string, string>>; errors: readonly FieldError[] }> = ({ policy, values, errors }) => {
  const messages = messagesFor(errors, 'about');
  return (
    <div class={messages.length ? 'field field--error' : 'field'}>
      <label for="about">{FIELD_LABELS.about}</label>
      <span class="hint" id="about-hint">
        If it is about a particular person or role, choose it so that the right person deals with it.
      </span>
      <ErrorMessage name="about" messages={messages} />
      <select id="about" name="about" aria-describedby={describedBy('about', true, messages.length > 0)} aria-invalid={messages.length ? 'true' : undefined}>
        <option value="">Not a particular person</option>
        {policy.roles.map((r) => (
          <option value={r.id} selected={values.about === r.id}>
            {r.title}
          </option>
        ))}
        <option value="someone-else" selected={values.about === 'someone-else'}>
          Someone else
        </option>
      </select>
    </div>
  );
};

/**
 * "Do you need us to do anything differently?": the policy's reasonable adjustments as checkboxes (one name, each box
 * its id), and their own words. What they ask is a request on the case: staff agree each one with them.
 */
const AdjustmentsQuestion: FC<{ policy: Policy; values: Readonly<Record<string, string>>; errors: readonly FieldError[] }> = ({ policy, values, errors }) => {
  const messages = messagesFor(errors, 'adjustments');
  const ticked = new Set((values.adjustments ?? '').split(',').map((k) => k.trim()));
  const choices = adjustmentChoices(policy).filter((k) => k.id !== 'other');
  return (
    <fieldset aria-describedby="adjustments-hint">
      <legend>
        <h2>{FIELD_LABELS.adjustments}</h2>
      </legend>
      <p class="hint" id="adjustments-hint">
        Tick anything that would help you, or leave them all empty. We will contact you to agree it.
      </p>
      <div class={messages.length ? 'field field--error' : 'field'}>
        <ErrorMessage name="adjustments" messages={messages} />
        {choices.map((k, i) => (
          <div class="checkbox">
            <input type="checkbox" id={i === 0 ? 'adjustments' : `adjustments-${k.id}`} name="adjustments" value={k.id} checked={ticked.has(k.id)} />
            {/* The names are staff's ("someone to support them"): the form speaks to the complainant. */}
            <label for={i === 0 ? 'adjustments' : `adjustments-${k.id}`}>{k.name.replace(/\bthem\b/g, 'you')}</label>
          </div>
        ))}
      </div>
      <TextArea name="adjustmentsWords" rows={3} hint="For example the language you need, or the best time to call you." {...{ values, errors }} />
    </fieldset>
  );
};

/** The complaint form as an accessible page that works with no JavaScript. */
export const ComplaintFormPage: FC<{ policy: Policy; state: FormPageState }> = ({ policy, state }) => {
  const errors = state.errors ?? [];
  const values = state.values ?? {};
  const field = { values, errors };
  const contactHint = (policy.intake.requiredDetails?.fields ?? []).includes('contact')
    ? 'We need at least one way to contact you: email, telephone or post.'
    : 'Give at least one way to contact you if you want a reply. You can complain without giving your name.';
  const signature = policy.intake.signature;
  return (
    <HouseDocument title={`${errors.length ? 'Error: ' : ''}Make a complaint to ${organisationInText(policy)}`}>
      <h1>Make a complaint to {organisationInText(policy)}</h1>
      {state.notice ? (
        <div class="notice" role="status">
          {state.notice}
        </div>
      ) : null}
      <Problems problems={errors.map((e) => ({ message: e.message, href: `#${e.field}` }))} />
      <p>{timescales(policy, 'form')}</p>
      {/* No action: the form posts back to its own address (an empty action is not valid HTML). */}
      <form method="post" action={state.action} novalidate>
        <input type="hidden" name="formToken" value={state.formToken} />
        <input type="hidden" name="submissionId" value={state.submissionId} />
        <div class="honeypot" aria-hidden="true">
          <label for="website">Leave this empty</label>
          <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" />
        </div>
        <fieldset>
          <legend>
            <h2>About you</h2>
          </legend>
          <p class="hint">{contactHint}</p>
          <Input name="name" type="text" autocomplete="name" {...field} />
          <Input name="email" type="email" autocomplete="email" hint="We will email you a link to confirm that the address is yours, then send your acknowledgement there." {...field} />
          <Input name="phone" type="tel" autocomplete="tel" width="short" {...field} />
          <TextArea name="postalAddress" rows={4} {...field} />
          {asksFor(policy, 'invoice-number') ? <Input name="invoiceNumber" type="text" hint="If your complaint is about something you paid for." width="short" {...field} /> : null}
        </fieldset>
        <fieldset>
          <legend>
            <h2>Your complaint</h2>
          </legend>
          <TextArea name="summary" rows={8} hint="Tell us what happened, who was involved and why you are unhappy." {...field} />
          <AboutWhom policy={policy} {...field} />
          {asksFor(policy, 'incident') ? (
            <>
              <Input name="incidentDate" type="date" width="date" {...field} />
              <Input name="incidentTime" type="time" width="narrow" {...field} />
              <Input name="incidentLocation" type="text" {...field} />
            </>
          ) : null}
          <TextArea name="desiredOutcome" rows={4} hint="For example an explanation, an apology, or something put right." {...field} />
          <CheckBox name="confidential" label="Treat my complaint as confidential: only the person handling it will see what it says" {...field} />
        </fieldset>
        <AdjustmentsQuestion policy={policy} {...field} />
        {asksFor(policy, 'signature') ? (
          <fieldset>
            <legend>
              <h2>Sign your complaint</h2>
            </legend>
            {signature?.required ? (
              <p>Our complaints policy (clause {signature.clause}) needs your complaint to be signed. Type your full name and today's date below to sign it.</p>
            ) : (
              <p>You can sign your complaint by typing your full name and the date.</p>
            )}
            <Input name="signature" type="text" hint="Type your full name." autocomplete="name" {...field} />
            <Input name="signatureDate" type="date" width="date" {...field} />
          </fieldset>
        ) : null}
        <fieldset>
          <legend>
            <h2>How we use your information</h2>
          </legend>
          <p>{policy.intake.dataProtectionNote?.text ?? DEFAULT_DATA_PROTECTION}</p>
          <CheckBox name="consent" label="I agree to my information being used to deal with my complaint" {...field} />
        </fieldset>
        <button type="submit">Send complaint</button>
      </form>
    </HouseDocument>
  );
};

/** What the page after the form knows of the complaint just taken: whether it is acknowledged, whether a letter asks to confirm the address, whether it was signed. */
export interface ReceivedState {
  readonly acknowledged: boolean;
  readonly confirmationSent: boolean;
  readonly signed: boolean;
}

/** The page a complainant sees after sending the form: their reference and what happens next, as it will happen. */
export const ComplaintReceivedPage: FC<{ policy: Policy; reference: string; state: ReceivedState; pageLink?: string | undefined }> = ({ policy, reference, state, pageLink }) => (
  <HouseDocument title="Complaint received">
    <h1>Complaint received</h1>
    <div class="reference" role="status">
      Your reference is
      <br />
      <strong>{reference}</strong>
    </div>
    <p>Please quote this reference if you contact {organisationInText(policy)} about your complaint.</p>
    {pageLink ? (
      <p>
        You can see where your complaint has got to, read our letters and send us more information on <a href={pageLink}>your complaint's own page</a>. Keep its address to
        yourself, or bookmark it now.
      </p>
    ) : null}
    {state.confirmationSent ? (
      <>
        <h2>Confirm your email address</h2>
        <p>
          We have sent an email to the address you gave. Please confirm that the address is yours with the link in that email, or by replying to it with the code it gives. When
          you do, we will send you our acknowledgement there: who is looking into your complaint, and the dates. Until you do, we will not write to you there.
        </p>
      </>
    ) : state.acknowledged ? (
      <p>We have sent an acknowledgement to the address you gave.</p>
    ) : null}
    <p>{timescales(policy, { signed: state.signed })}</p>
  </HouseDocument>
);

/**
 * The policy's timescales for a new complaint, in words, for where the person is: on the form, or on the page
 * after it (a policy whose clock waits for a signature: started already, for a complaint signed on the form).
 */
export function timescales(policy: Policy, where: 'form' | { readonly signed: boolean }): string {
  const stage = entryStage(policy);
  const sentences: string[] = [];
  for (const d of stage.deadlines.filter((rule) => rule.event === 'received')) {
    const period = describePeriod(d.amount, d.unit);
    if (d.kind === 'acknowledge') sentences.push(`We will acknowledge your complaint within ${period}.`);
    if (d.kind === 'respond') sentences.push(`We aim to respond in full within ${period}.`);
    if (d.kind === 'respond-max') sentences.push(`If it needs longer, we will respond within ${period} at the latest.`);
    if (d.kind === 'meet') sentences.push(`If we need to meet you, we will do so within ${period}.`);
  }
  if (policy.intake.signature?.clockStartsWhenSigned) {
    if (where === 'form') sentences.push('These times start when we have your signed complaint: sign it below, and they start when you send it.');
    else sentences.push(where.signed ? 'These times start today, when we received your signed complaint.' : 'These times start when we have your signed complaint.');
  }
  return sentences.join(' ') || 'We will tell you when you can expect a reply.';
}

export function complaintFormHtml(policy: Policy, state: FormPageState): string | Promise<string> {
  return (<ComplaintFormPage policy={policy} state={state} />).toString();
}

export function complaintReceivedHtml(policy: Policy, reference: string, state: ReceivedState, pageLink?: string): string | Promise<string> {
  return (<ComplaintReceivedPage policy={policy} reference={reference} state={state} pageLink={pageLink} />).toString();
}
