import { adjustmentLines } from '#domain/adjustments/adjustment-kinds';
import { londonDate } from '#domain/calendar/london-date';
import type { Case } from '#domain/case/case';
import { clauseInWords } from '#domain/policy/clause-words';
import type { Policy } from '#domain/policy/policy-schema';
import type { Sending } from './addressing.js';
import { dateInWords } from './dates-in-words.js';
import { renderLetter, type Letter, type LetterSection } from './letter.js';
import { caseFacts } from './staff-notices.js';
import { openCaseLine } from './staff-links.js';
import { DECISION_WORDS } from '#domain/case/decision-words';
import { roleTitle, roleTitleInText, stageById, stageName } from '#domain/policy/policy-lookups';

/** How the complainant asked for the next stage, and why, as its handler needs to know it. */
export interface NextStageAsked {
  /** "on their complaint page", "by email on ...", "recorded by ..." */
  readonly via: string;
  /** Their reasons: typed by them on their page, or as staff took them down from a call or a letter. */
  readonly grounds?: { readonly words: string; readonly by: 'complainant' | 'staff' };
  /** The reply by email that staff confirmed as the request: its day and words. */
  readonly email?: { readonly at: string; readonly words: string };
  /** A request after the time to ask had ended, accepted with a reason. */
  readonly late?: { readonly windowEnded: string; readonly reason: string };
}

/** How a case came to a stage: the complainant asked, or the policy moved it on by itself. */
export type StageEntry =
  | { readonly at: string; readonly asked: NextStageAsked }
  | { readonly at: string; readonly automatic: { readonly how: string; readonly clause: string } };


/**
 * The notice to the handler of a stage the case has just entered, by any path: how it got there, the complainant's
 * reasons for asking (the words they typed, or staff took down, or their email), the dates now running, what
 * each earlier stage decided, and the stage's independence rule. A confidential case's notice carries its
 * reference and dates only.
 */
export function stageEntryNotice(policy: Policy, c: Case, entry: StageEntry, sending: Sending): Letter {
  const stage = stageById(policy, c.stage);
  const name = stage?.name ?? c.stage;
  const day = dateInWords(londonDate(entry.at));
  const intro: string[] = [];
  if ('asked' in entry) {
    intro.push(`The complainant asked for ${name} on ${day} (${entry.asked.via}).`);
    if (entry.asked.late) intro.push(`They asked after the time to ask ended on ${dateInWords(entry.asked.late.windowEnded)}; it was accepted because: ${entry.asked.late.reason}`);
  } else {
    intro.push(`${name} began on ${day}. ${entry.automatic.how.replace(/\.\s*$/, '')} (${clauseInWords(entry.automatic.clause)}).`);
  }
  const ack = c.deadlines.find((d) => d.stage === c.stage && d.kind === 'acknowledge');
  if (ack?.status === 'met') intro.push(`We have sent the complainant the acknowledgement of ${name}.`);
  else if (ack?.status === 'pending') intro.push(`The complainant cannot be written to by email: the acknowledgement of ${name} is drafted on the case for you to post or read to them, by ${dateInWords(ack.dueDate)}.`);
  if (stage?.independence) intro.push(`This stage must be handled by someone not involved before: ${stage.independence.rule} (${clauseInWords(stage.independence.clause)}).`);

  const sections: LetterSection[] = [{ paragraphs: intro }, { paragraphs: caseFacts(policy, c, sending) }];
  if (c.confidential) {
    sections.push({ paragraphs: [`This complaint is confidential: read ${'asked' in entry ? 'why they asked' : 'it'} in the console, where the reading is recorded on the case.`] });
  } else {
    if ('asked' in entry) sections.push({ heading: 'Why they asked', paragraphs: reasons(entry.asked) });
    const earlier = (c.outcomes ?? []).filter((o) => o.stage !== c.stage);
    if (earlier.length > 0) {
      sections.push({
        heading: 'Before this stage',
        paragraphs: earlier.map((o) => `${stageName(policy, o.stage)}: ${DECISION_WORDS[o.decision]} on ${dateInWords(londonDate(o.at))} (handled by ${roleTitle(policy, o.handlerRole)}). The decision and its reasons are in the console.`),
      });
    }
  }
  const subject = 'asked' in entry ? `${name} asked for: the complaint is now with you` : `${name} has begun: the complaint is with you`;
  return renderLetter(`[${c.reference}] ${subject}`, sections);
}

function reasons(asked: NextStageAsked): string[] {
  const said = [
    ...(asked.grounds ? [`${asked.grounds.by === 'complainant' ? 'In their words' : 'In their words, as staff recorded them'}: ${asked.grounds.words}`] : []),
    ...(asked.email ? [`Their email of ${dateInWords(londonDate(asked.email.at))}: ${asked.email.words}`] : []),
  ];
  return said.length > 0 ? said : ['They gave no reasons with the request. A complainant need not give any: ask them what is still wrong before you review it.'];
}

/**
 * A copy of a stage's response for a role the policy shares every such response with, for information (the
 * council's stage two: the relevant Director, then the Chief Executive). It carries the letter as the complainant
 * had it, without the link to their page; a confidential case's copy says where to read it instead.
 */
export function responseCopyNotice(policy: Policy, c: Case, copy: { readonly stage: string; readonly roles: readonly string[]; readonly clause: string; readonly sentAt: string; readonly emailed: boolean; readonly response: string }, sending: Sending): Letter {
  const name = stageName(policy, copy.stage);
  const sent = `${copy.emailed ? 'sent to the complainant' : 'written to the complainant, to go by post,'} on ${dateInWords(londonDate(copy.sentAt))}`;
  const sections: LetterSection[] = [
    {
      paragraphs: [
        `Every ${name} response is shared with ${copy.roles.map((r) => roleTitleInText(policy, r)).join(', then ')}, for information (${clauseInWords(copy.clause)}). This is the response ${sent}.`,
        `Reference: ${c.reference}`,
        ...adjustmentLines(policy, c),
        openCaseLine(sending, c.reference),
      ],
    },
  ];
  if (c.confidential) sections.push({ paragraphs: ['This complaint is confidential: read the response in the console, where the reading is recorded on the case.'] });
  else sections.push({ heading: 'The response', paragraphs: [copy.response.trim()] });
  return renderLetter(`[${c.reference}] For information: the ${name} response`, sections);
}
