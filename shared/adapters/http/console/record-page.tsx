import type { FC } from 'hono/jsx';
import { PREFERRED_WORDS } from '#domain/case/channel-words';
import type { Policy } from '#domain/policy/policy-schema';
import { adjustmentChoices } from '#domain/adjustments/adjustment-kinds';
import type { ActionField, FormValues } from '../console-actions.js';
import { RECORD_REQUIRED, type FieldProblem, type RecordForm } from '#application/console/record-form-problems';
import { Field } from './action-field.js';
import { Problems } from '../house-document.js';
import { Layout } from './layout.js';
import { CASE_KIND_TEXT } from '#domain/case/case-kind-words';
import type { CaseKind } from '#domain/case/service-request';
import { RECORD_KIND_HINT, recordKind, SERVICE_REQUEST_KIND } from './record-kind.js';
import type { Signed } from './signed.js';

/** The channels staff record a complaint from: whatever did not come in by itself (email, the web form). */
export const RECORDED_CHANNELS = [
  { value: 'phone', label: 'By telephone' },
  { value: 'letter', label: 'By letter' },
  { value: 'in-person', label: 'In person' },
] as const;

/** The questions of the record form, in the order a person takes a call down. */
export function recordFields(policy: Policy, kind: CaseKind = 'complaint'): { legend: string; fields: ActionField[] }[] {
  const words = CASE_KIND_TEXT[kind];
  return [
    {
      legend: 'How and when it was made',
      fields: [
        { name: 'channel', label: words.channelLabel, kind: 'select', options: RECORDED_CHANNELS },
        { name: 'receivedAt', label: 'When it was made (UK time)', kind: 'datetime-local', hint: 'The time of the call or visit, or the day the letter arrived: the policy’s deadlines run from it.' },
      ],
    },
    {
      legend: kind === 'complaint' ? 'The complainant' : 'The person',
      fields: [
        { name: 'name', label: 'Name', kind: 'text' },
        { name: 'email', label: 'Email address (if they gave one)', kind: 'email', hint: 'Letters go to it unless they prefer post. Read it back to them.' },
        { name: 'phone', label: 'Telephone (if they gave one)', kind: 'tel' },
        { name: 'address', label: 'Postal address (if they gave one)', kind: 'textarea' },
        {
          name: 'preferredChannel',
          label: 'How they want us to write to them',
          kind: 'select',
          hint: 'The acknowledgement goes this way now: by email, or as a letter on the case for you to post (or read to them).',
          options: [{ value: '', label: 'Choose' }, ...(['email', 'post', 'phone'] as const).map((ch) => ({ value: ch, label: PREFERRED_WORDS[ch] }))],
        },
      ],
    },
    {
      legend: words.heading,
      fields: [
        { name: 'subject', label: 'What it is about, in a line', kind: 'text' },
        { name: 'summary', label: words.wordsLabel, kind: 'textarea' },
        {
          name: 'about',
          label: 'Whom it is about (if it is about one of these people)',
          kind: 'select',
          hint: 'A complaint about a person is never handled by them, and they cannot see it.',
          options: [{ value: '', label: 'No one in particular' }, ...policy.roles.map((r) => ({ value: r.id, label: r.title }))],
        },
        { name: 'confidential', label: 'Confidential (only its handler and those above can read it)', kind: 'checkbox' },
      ],
    },
    {
      // Every intake asks (LGSCO 5.6): what they answer is a request on the case, agreed afterwards (case adjust).
      legend: 'Ask them: do you need us to do anything differently?',
      fields: [
        { name: 'adjustments', label: 'What they asked for (leave all empty if nothing)', kind: 'checkboxes', options: adjustmentChoices(policy).map((k) => ({ value: k.id, label: k.name })) },
        { name: 'adjustmentsWords', label: 'In their words (the language they need, the best time to call, anything else)', kind: 'textarea' },
      ],
    },
    {
      legend: 'Made on their behalf (leave empty if they made it themselves)',
      fields: [
        { name: 'representativeName', label: 'The representative’s name', kind: 'text' },
        { name: 'representativeRelationship', label: 'What they are to the complainant (a relative, an advocate)', kind: 'text' },
        { name: 'representativeConsent', label: 'How the complainant consented (in writing, by telephone with both on the line)', kind: 'text' },
      ],
    },
  ];
}

/** The organisations this person may record for, when there is more than one to choose from. */
export const RecordChoosePage: FC<{ signed: Signed; policies: readonly Policy[] }> = ({ signed, policies }) => (
  <Layout title="Record a complaint" signed={signed}>
    <p>
      <a href="/console">Back to this morning</a>
    </p>
    <h1>Record a complaint</h1>
    {policies.length === 0 ? <p>None of your roles records complaints (the Member Responsible for Complaints, for one, reads reports, not cases). If you should, ask an operator to give you a role that does.</p> : <p>For which organisation?</p>}
    <ul>
      {policies.map((p) => (
        <li>
          <a href={`/console/record/${p.id}`}>{p.organisation.name}</a>
        </li>
      ))}
    </ul>
  </Layout>
);

/** A complaint made by telephone, letter, in person or by a representative, taken down by the person signed in. */
export const RecordPage: FC<{ signed: Signed; policy: Policy; values: FormValues; problems?: readonly FieldProblem[] | undefined }> = ({ signed, policy, values, problems = [] }) => {
  const kind = recordKind(policy, values);
  const words = CASE_KIND_TEXT[kind];
  return (
    <Layout title={`${problems.length ? 'Error: ' : ''}Record a ${words.noun}: ${policy.organisation.name}`} signed={signed}>
      <p>
        <a href="/console">Back to this morning</a>
      </p>
      <h1>Record a {words.noun}</h1>
      <p>{policy.organisation.name}</p>
      {policy.serviceRequests ? (
        <div class="notice">
          <p>{RECORD_KIND_HINT}</p>
          <p>
            {kind === 'complaint' ? (
              <a href={`/console/record/${policy.id}?kind=${SERVICE_REQUEST_KIND}`}>Not a complaint: record a service request instead</a>
            ) : (
              <a href={`/console/record/${policy.id}`}>Not a service request: record a complaint instead</a>
            )}
          </p>
        </div>
      ) : null}
      <Problems problems={problems.map((p) => ({ message: p.message, href: p.field ? `#f-${p.field}` : undefined }))} />
      <p>Answers marked (required) must be given; the others as far as {kind === 'complaint' ? 'the complainant' : 'the person'} told you.</p>
      <form method="post" action={`/console/record/${policy.id}`} novalidate>
        <input type="hidden" name="csrf" value={signed.csrf} />
        <input type="hidden" name="submissionId" value={typeof values.submissionId === 'string' ? values.submissionId : ''} />
        {kind === 'service-request' ? <input type="hidden" name="kind" value={SERVICE_REQUEST_KIND} /> : null}
        {recordFields(policy, kind).map((group) => (
          <fieldset>
            <legend>{group.legend}</legend>
            {group.fields.map((f) => (
              <Field field={f} values={values} error={problems.find((p) => p.field === f.name)?.message} required={RECORD_REQUIRED.has(f.name as keyof RecordForm)} />
            ))}
          </fieldset>
        ))}
        <button type="submit">Record the {words.noun}</button>
      </form>
    </Layout>
  );
};

/** What the person is shown once it is kept: its reference, to give the complainant, and what went to them. */
export const RecordedPage: FC<{ signed: Signed; policy: Policy; reference: string; acknowledged: 'email' | 'post' | 'none'; serviceRequest?: boolean }> = ({ signed, policy, reference, acknowledged, serviceRequest }) => (
  <Layout title={`Recorded: ${reference}`} signed={signed}>
    <div class="success" role="status">
      <h1>Recorded: {reference}</h1>
    </div>
    <p>
      {policy.organisation.name}’s {serviceRequest ? 'service request' : 'complaint'} is kept as <strong>{reference}</strong>. Give {serviceRequest ? 'the person' : 'the complainant'} this reference.
    </p>
    <p>
      {serviceRequest
        ? `The letter saying what happens next, and that they can still complain and how, ${acknowledged === 'email' ? 'is emailed to them' : 'is on the case as a letter to post (or to read to them)'}.`
        : acknowledged === 'email'
        ? 'The acknowledgement is emailed to them.'
        : acknowledged === 'post'
          ? 'The acknowledgement is on the case as a letter to post (or to read to them).'
          : 'No acknowledgement has gone yet: acknowledge it from the case once you know how to reach them.'}
    </p>
    <p>
      <a href={`/console/cases/${reference}`}>Open {reference}</a> · <a href={`/console/record/${policy.id}`}>Record another</a>
    </p>
  </Layout>
);
