import { createHash } from 'node:crypto';
import { namedInComplaint } from '#domain/case/named-in-complaint';
import { askedAdjustments, type ComplaintForm } from '#domain/forms/complaint-form';
import type { PolicySet } from '#domain/policy/policy-set';
import { openComplaint, type OpenComplaintDeps, type Opened } from './open-complaint.js';

/** A validated web form, with what the request itself tells us. */
export interface WebSubmission {
  readonly policyId: string;
  readonly form: ComplaintForm;
  /**
   * Makes the submission once-only: the form's submission id, a JSON caller's Idempotency-Key, or a digest of
   * the body. Bound to what was sent with it: the same key with other content is refused, never the same case.
   */
  readonly submissionKey: string;
  readonly receivedAt: string;
  readonly sourceIp: string;
}

export interface SubmitWebComplaintDeps extends OpenComplaintDeps {
  readonly policies: PolicySet;
}

/**
 * Opens a case for a web form exactly as for an email: same store, same reference series, same acknowledgement
 * and staff notice, channel "web". A typed signature with its date is a signed complaint. The same submission
 * sent twice (a double click, a retry after a lost answer) gives the same reference; its key sent again with
 * different content is a SubmissionKeyReusedError.
 */
export function submitWebComplaint(deps: SubmitWebComplaintDeps, submission: WebSubmission): Promise<Opened> {
  const policy = deps.policies.get(submission.policyId);
  const { form } = submission;
  const anonymous = !form.name && !form.email && !form.phone && !form.postalAddress;
  const incident = {
    ...(form.incidentDate ? { date: form.incidentDate } : {}),
    ...(form.incidentTime ? { time: form.incidentTime } : {}),
    ...(form.incidentLocation ? { place: form.incidentLocation } : {}),
  };
  // The form's own words name people as an email's do: the person chosen in "about" stays about, and anyone the
  // words name is kept from it too.
  const named = namedInComplaint(policy, { text: [form.summary, form.desiredOutcome ?? ''].join('\n\n') });
  return openComplaint(
    deps,
    policy,
    {
      channel: 'web',
      receivedAt: submission.receivedAt,
      complainant: anonymous
        ? { anonymous: true }
        : {
            anonymous: false,
            ...(form.name ? { name: form.name } : {}),
            ...(form.email ? { email: form.email.toLowerCase(), addressSource: 'form' as const, emailConfirmed: false } : {}),
            ...(form.phone ? { phone: form.phone } : {}),
            ...(form.postalAddress ? { postalAddress: form.postalAddress } : {}),
          },
      confidential: form.confidential,
      ...(form.about && form.about !== 'someone-else' ? { about: form.about } : {}),
      ...(named.roles.length > 0 ? { named } : {}),
      summary: form.summary,
      ...(form.desiredOutcome ? { desiredOutcome: form.desiredOutcome } : {}),
      ...(Object.keys(incident).length > 0 ? { incident } : {}),
      ...(form.invoiceNumber ? { invoiceNumber: form.invoiceNumber } : {}),
      ...(form.adjustments || form.adjustmentsWords ? { adjustmentsAsked: { kinds: askedAdjustments(form.adjustments), ...(form.adjustmentsWords ? { words: form.adjustmentsWords } : {}) } } : {}),
      attachments: [],
      signed: Boolean(form.signature && form.signatureDate),
      flags: [],
      source: {
        sourceIp: submission.sourceIp,
        submissionKey: submission.submissionKey,
        ...(form.signature ? { signature: form.signature, signatureDate: form.signatureDate } : {}),
        consent: form.consent,
      },
    },
    `web#${policy.id}#${submission.submissionKey}`,
    submittedContent(form),
  );
}

/**
 * A digest of every answer on the form and its token (which page it was filled on), all but the key itself: a
 * retry sends the same bytes again, while anyone else reusing the key cannot send the same.
 */
function submittedContent(form: ComplaintForm): string {
  const answers = Object.entries(form)
    .filter(([name, value]) => name !== 'submissionId' && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(answers)).digest('base64url');
}
