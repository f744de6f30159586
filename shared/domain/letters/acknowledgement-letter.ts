import type { Case } from '#domain/case/case';
import { describePeriod } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import { dateInWords } from './dates-in-words.js';
import { renderLetter, type Letter, type LetterSection } from './letter.js';

const DEFAULT_DATA_PROTECTION =
  'We hold the information you give us securely and use it only to deal with your complaint. Only the people who need ' +
  'to consider your complaint will see it.';

/**
 * The acknowledgement a complainant gets for a new case: the reference, what happens next, who handles it,
 * when they will hear, how to take it further, and how their information is used.
 */
export function acknowledgementLetter(policy: Policy, c: Case, occasion: 'received' | 'signed' = 'received'): Letter {
  const stage = policy.stages.find((s) => s.id === c.stage);
  const handler = policy.roles.find((r) => r.id === c.handlerRole)?.title ?? c.handlerRole;
  const org = policy.organisation.name;
  const sections: LetterSection[] = [];

  // An address typed into the web form is not yet shown to be the complainant's: this letter then carries
  // nothing the form said (not even the name), and says how to confirm it or ignore it.
  const unconfirmed = c.complainant.emailConfirmed === false;
  sections.push({
    paragraphs: unconfirmed
      ? [
          'Hello,',
          `This email address was given when a complaint was made to ${org} on its website. We have recorded the complaint under reference ${c.reference}.`,
          'If you made it, please reply to this email (a short "yes, this is me" is enough). That confirms the address, and we will then write to you here about your complaint. Until then we will not send anything else to this address.',
          `If you did not make a complaint to ${org}, you do not need to do anything: ignore this email and we will not write to you again.`,
        ]
      : [
          `Dear ${c.complainant.name || 'complainant'},`,
          `Thank you for contacting ${org}. We have recorded your complaint under reference ${c.reference}. ` +
            'Please quote this reference in any message about your complaint; replying to this email keeps it with your case.',
          ...(c.confidential ? ['You marked your complaint as confidential. Only the person handling it will see what it says.'] : []),
        ],
  });

  const next: string[] = [];
  if (stage) next.push(stage.description);
  next.push(`Your complaint will be handled by: ${handler}.`);
  const signature = policy.intake.signature;
  if (c.status === 'awaiting-signature' && signature) {
    const ack = stage?.deadlines.find((d) => d.kind === 'acknowledge');
    next.push(
      `Our complaints policy (clause ${signature.clause}) needs a signed complaint. Please reply to this email with your ` +
        'complaint signed (a signed letter or the signed complaint form, scanned or photographed, or your typed full name ' +
        'and the date as your signature).' +
        (ack ? ` We will formally acknowledge it within ${describePeriod(ack.amount, ack.unit)} of receiving it.` : ''),
    );
  }
  const respond = c.deadlines.find((d) => d.kind === 'respond' && d.stage === c.stage);
  if (respond) {
    next.push(
      `We aim to send you our full response by ${dateInWords(respond.dueDate)} ` +
        `(within ${respond.rule}, clause ${respond.clause} of our complaints policy).`,
    );
    const max = c.deadlines.find((d) => d.kind === 'respond-max' && d.stage === c.stage);
    if (max) next.push(`If your complaint needs longer, you will have our response by ${dateInWords(max.dueDate)} at the latest.`);
  } else if (c.status !== 'awaiting-signature') {
    next.push('We will let you know when you can expect a full reply.');
  }
  sections.push({ heading: 'What happens next', paragraphs: next });

  if (stage?.next?.trigger === 'complainant-request') {
    sections.push({ heading: 'If you are not satisfied', paragraphs: [stage.next.how] });
  }

  const dp = policy.intake.dataProtectionNote;
  sections.push({ heading: 'How we use your information', paragraphs: [dp?.text ?? DEFAULT_DATA_PROTECTION] });
  sections.push({ paragraphs: [`${org}`] });

  const subject = unconfirmed
    ? `[${c.reference}] Please confirm your email address for your complaint to ${org}`
    : occasion === 'signed'
      ? `[${c.reference}] We have received your signed complaint`
      : `[${c.reference}] We have received your complaint`;
  return renderLetter(subject, sections);
}
