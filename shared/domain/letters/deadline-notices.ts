import { adjustmentLines } from '#domain/adjustments/adjustment-kinds';
import type { Case, CaseDeadline } from '#domain/case/case';
import type { Sending } from './addressing.js';
import { openCaseLine } from './staff-links.js';
import type { Policy } from '#domain/policy/policy-schema';
import { dateInWords } from './dates-in-words.js';
import { renderLetter, type Letter, type LetterSection } from './letter.js';
import { clauseInWords } from '#domain/policy/clause-words';
import { roleTitle, stageName } from '#domain/policy/policy-lookups';
import { deadlineTaskWords } from '#domain/policy/deadline-words';



/** Facts about the case a notice may carry: reference and handling only; no words of a confidential case. */
function caseLine(policy: Policy, c: Case): string[] {
  const stage = stageName(policy, c.stage);
  return [
    `Reference: ${c.reference}${c.confidential ? ' (confidential)' : ''}`,
    `Stage: ${stage}; handled by ${roleTitle(policy, c.handlerRole)}`,
    ...(c.confidential || c.complainant.anonymous ? [] : [`Complainant: ${[c.complainant.name, c.complainant.email].filter(Boolean).join(' ')}`]),
    ...adjustmentLines(policy, c),
  ];
}

export function reminderNotice(policy: Policy, c: Case, d: CaseDeadline, sending: Sending): Letter {
  return renderLetter(`[${c.reference}] Reminder: ${deadlineTaskWords(d.kind)} by ${dateInWords(d.dueDate)}`, [
    { paragraphs: [...caseLine(policy, c), openCaseLine(sending, c.reference)] },
    { paragraphs: [`The last day to ${deadlineTaskWords(d.kind)} is ${dateInWords(d.dueDate)} (${d.rule}, ${clauseInWords(d.clause)} of the policy).`] },
  ]);
}

export function escalationNotice(
  policy: Policy,
  c: Case,
  d: CaseDeadline,
  above: string | undefined,
  holding: { text: string; newDate: string; clause: string } | undefined,
  sending: Sending,
): Letter {
  const sections: LetterSection[] = [
    { paragraphs: [...caseLine(policy, c), openCaseLine(sending, c.reference)] },
    {
      heading: 'Deadline missed',
      paragraphs: [
        `The deadline to ${deadlineTaskWords(d.kind)} was ${dateInWords(d.dueDate)} (${d.rule}, ${clauseInWords(d.clause)}) and it has not been recorded as done.`,
        above ? `This notice also goes to ${roleTitle(policy, above)}, as the role above the handler.` : 'The policy names no role above the handler.',
      ],
    },
  ];
  if (holding) {
    sections.push({
      heading: `Holding letter (${clauseInWords(holding.clause)})`,
      paragraphs: [`The policy says a holding letter goes out now with a new date. A draft, proposing ${dateInWords(holding.newDate)}, for you to agree and send:`, holding.text],
    });
  }
  return renderLetter(`[${c.reference}] Deadline missed: ${deadlineTaskWords(d.kind)} (due ${dateInWords(d.dueDate)})`, sections);
}

export function closedCaseNotice(policy: Policy, c: Case, d: CaseDeadline, sending: Sending): Letter {
  const retention = c.deadlines.find((x) => x.kind === 'retention' && x.status === 'pending');
  return renderLetter(`[${c.reference}] Closed: no appeal within the window`, [
    { paragraphs: [...caseLine(policy, c), openCaseLine(sending, c.reference)] },
    {
      paragraphs: [
        `No appeal arrived by ${dateInWords(d.dueDate)} (${d.rule}, ${clauseInWords(d.clause)}), so the case has been closed.`,
        retention ? `Its records are due for secure destruction on ${dateInWords(retention.dueDate)} (${clauseInWords(retention.clause)}).` : 'The policy sets no retention period.',
      ],
    },
  ]);
}
