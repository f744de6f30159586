import { entryStage } from '#domain/case/route-case';
import { HOUSE_STYLE } from './house-style.js';
import { escapeHtml } from '#domain/letters/letter';
import { describePeriod } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import { asksFor, FIELD_LABELS, type FieldError, type FieldName } from '#domain/forms/complaint-form';

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


/** The complaint form as an accessible page that works with no JavaScript. */
export function complaintFormPage(policy: Policy, state: FormPageState): string {
  const errors = state.errors ?? [];
  const values = state.values ?? {};
  const errorFor = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message);
  const org = escapeHtml(policy.organisation.name);

  const input = (name: FieldName, type: string, options: { hint?: string; autocomplete?: string; width?: string } = {}) => {
    const messages = errorFor(name);
    const describedBy = [options.hint ? `${name}-hint` : '', messages.length ? `${name}-error` : ''].filter(Boolean).join(' ');
    return `<div class="field${messages.length ? ' field--error' : ''}">
<label for="${name}">${escapeHtml(FIELD_LABELS[name])}</label>
${options.hint ? `<span class="hint" id="${name}-hint">${escapeHtml(options.hint)}</span>` : ''}
${messages.length ? `<span class="error-message" id="${name}-error"><span class="visually-hidden">Error:</span> ${messages.map(escapeHtml).join('. ')}</span>` : ''}
<input type="${type}" id="${name}" name="${name}" value="${escapeHtml(values[name] ?? '')}"${options.autocomplete ? ` autocomplete="${options.autocomplete}"` : ''}${describedBy ? ` aria-describedby="${describedBy}"` : ''}${messages.length ? ' aria-invalid="true"' : ''}${options.width ? ` style="max-width:${options.width}"` : ''}>
</div>`;
  };
  const textarea = (name: FieldName, rows: number, hint?: string) => {
    const messages = errorFor(name);
    const describedBy = [hint ? `${name}-hint` : '', messages.length ? `${name}-error` : ''].filter(Boolean).join(' ');
    return `<div class="field${messages.length ? ' field--error' : ''}">
<label for="${name}">${escapeHtml(FIELD_LABELS[name])}</label>
${hint ? `<span class="hint" id="${name}-hint">${escapeHtml(hint)}</span>` : ''}
${messages.length ? `<span class="error-message" id="${name}-error"><span class="visually-hidden">Error:</span> ${messages.map(escapeHtml).join('. ')}</span>` : ''}
<textarea id="${name}" name="${name}" rows="${rows}"${describedBy ? ` aria-describedby="${describedBy}"` : ''}${messages.length ? ' aria-invalid="true"' : ''}>${escapeHtml(values[name] ?? '')}</textarea>
</div>`;
  };
  const checkbox = (name: FieldName, label: string) => {
    const messages = errorFor(name);
    const checked = ['on', 'true', 'yes'].includes(values[name] ?? '');
    return `<div class="field${messages.length ? ' field--error' : ''}">
${messages.length ? `<span class="error-message" id="${name}-error"><span class="visually-hidden">Error:</span> ${messages.map(escapeHtml).join('. ')}</span>` : ''}
<div class="checkbox"><input type="checkbox" id="${name}" name="${name}" value="yes"${checked ? ' checked' : ''}${messages.length ? ` aria-describedby="${name}-error" aria-invalid="true"` : ''}>
<label for="${name}">${escapeHtml(label)}</label></div>
</div>`;
  };

  const roles = policy.roles
    .map((r) => `<option value="${escapeHtml(r.id)}"${values.about === r.id ? ' selected' : ''}>${escapeHtml(r.title)}</option>`)
    .join('');
  const aboutErrors = errorFor('about');
  const required = new Set(policy.intake.requiredDetails?.fields ?? []);
  const contactHint = required.has('contact')
    ? 'We need at least one way to contact you: email, telephone or post.'
    : 'Give at least one way to contact you if you want a reply. You can complain without giving your name.';

  const summary = errors.length
    ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${errors.map((e) => `<li><a href="#${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`).join('')}</ul>
</div>`
    : '';
  const dp = policy.intake.dataProtectionNote?.text ?? DEFAULT_DATA_PROTECTION;
  const signature = policy.intake.signature?.required
    ? `<p>Our complaints policy (clause ${escapeHtml(policy.intake.signature.clause)}) needs your complaint to be signed. Type your full name and today's date below to sign it.</p>`
    : '<p>You can sign your complaint by typing your full name and the date.</p>';

  return page(
    `${errors.length ? 'Error: ' : ''}Make a complaint to ${policy.organisation.name}`,
    `<main id="main">
<h1>Make a complaint to ${org}</h1>
${state.notice ? `<div class="notice" role="status">${escapeHtml(state.notice)}</div>` : ''}
${summary}
<p>${escapeHtml(timescales(policy))}</p>
<form method="post" action="${escapeHtml(state.action ?? '')}" novalidate>
<input type="hidden" name="formToken" value="${escapeHtml(state.formToken)}">
<input type="hidden" name="submissionId" value="${escapeHtml(state.submissionId)}">
<div class="honeypot" aria-hidden="true"><label for="website">Leave this empty</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<fieldset><legend><h2>About you</h2></legend>
<p class="hint">${escapeHtml(contactHint)}</p>
${input('name', 'text', { autocomplete: 'name' })}
${input('email', 'email', { autocomplete: 'email', hint: 'We will send your acknowledgement here.' })}
${input('phone', 'tel', { autocomplete: 'tel', width: '15em' })}
${textarea('postalAddress', 4)}
${asksFor(policy, 'invoice-number') ? input('invoiceNumber', 'text', { hint: 'If your complaint is about something you paid for.', width: '15em' }) : ''}
</fieldset>
<fieldset><legend><h2>Your complaint</h2></legend>
${textarea('summary', 8, 'Tell us what happened, who was involved and why you are unhappy.')}
<div class="field${aboutErrors.length ? ' field--error' : ''}">
<label for="about">${escapeHtml(FIELD_LABELS.about)}</label>
<span class="hint" id="about-hint">If it is about a particular person or role, choose it so that the right person deals with it.</span>
${aboutErrors.length ? `<span class="error-message" id="about-error"><span class="visually-hidden">Error:</span> ${aboutErrors.map(escapeHtml).join('. ')}</span>` : ''}
<select id="about" name="about" aria-describedby="about-hint${aboutErrors.length ? ' about-error' : ''}"${aboutErrors.length ? ' aria-invalid="true"' : ''}><option value="">Not a particular person</option>${roles}<option value="someone-else"${values.about === 'someone-else' ? ' selected' : ''}>Someone else</option></select>
</div>
${asksFor(policy, 'incident') ? `${input('incidentDate', 'date', { width: '12em' })}
${input('incidentTime', 'time', { width: '8em' })}
${input('incidentLocation', 'text')}` : ''}
${textarea('desiredOutcome', 4, 'For example an explanation, an apology, or something put right.')}
${checkbox('confidential', 'Treat my complaint as confidential: only the person handling it will see what it says')}
</fieldset>
${asksFor(policy, 'signature') ? `<fieldset><legend><h2>Sign your complaint</h2></legend>
${signature}
${input('signature', 'text', { hint: 'Type your full name.', autocomplete: 'name' })}
${input('signatureDate', 'date', { width: '12em' })}
</fieldset>` : ''}
<fieldset><legend><h2>How we use your information</h2></legend>
<p>${escapeHtml(dp)}</p>
${checkbox('consent', 'I agree to my information being used to deal with my complaint')}
</fieldset>
<button type="submit">Send complaint</button>
</form>
</main>`,
  );
}

/** The page a complainant sees after sending the form: their reference and what happens next. */
export function complaintReceivedPage(policy: Policy, reference: string, acknowledged: boolean, pageLink?: string): string {
  return page(
    'Complaint received',
    `<main id="main">
<h1>Complaint received</h1>
<div class="reference" role="status">Your reference is<br><strong>${escapeHtml(reference)}</strong></div>
<p>Please quote this reference if you contact ${escapeHtml(policy.organisation.name)} about your complaint.</p>
${pageLink ? `<p>You can see where your complaint has got to, read our letters and send us more information on <a href="${escapeHtml(pageLink)}">your complaint's own page</a>. Keep its address to yourself, or bookmark it now.</p>` : ''}
${acknowledged ? '<p>We are sending an email to the address you gave. Please reply to it to confirm that the address is yours: until you do, we will not write to you there again.</p>' : ''}
<p>${escapeHtml(timescales(policy))}</p>
</main>`,
  );
}

/** The policy's timescales for a new complaint, in words. */
export function timescales(policy: Policy): string {
  const stage = entryStage(policy);
  const sentences: string[] = [];
  for (const d of stage.deadlines.filter((rule) => rule.event === 'received')) {
    const period = describePeriod(d.amount, d.unit);
    if (d.kind === 'acknowledge') sentences.push(`We will acknowledge your complaint within ${period}.`);
    if (d.kind === 'respond') sentences.push(`We aim to respond in full within ${period}.`);
    if (d.kind === 'respond-max') sentences.push(`If it needs longer, we will respond within ${period} at the latest.`);
    if (d.kind === 'meet') sentences.push(`If we need to meet you, we will do so within ${period}.`);
  }
  if (policy.intake.signature?.clockStartsWhenSigned) sentences.push('These times start when we have your signed complaint.');
  return sentences.join(' ') || 'We will tell you when you can expect a reply.';
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${HOUSE_STYLE}</style></head>
<body>
<a href="#main" class="visually-hidden">Skip to main content</a>
${body}
</body></html>
`;
}
