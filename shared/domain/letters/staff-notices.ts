import { CASE_KIND_TEXT, type CaseKindWords } from '#domain/case/case-kind-words';
import type { CaseKind } from '#domain/case/service-request';
import type { Case } from '#domain/case/case';
import { namedReason } from '#domain/case/named-in-complaint';
import type { HeldMessage } from '#domain/mail/held-message';
import { clauseInWords } from '#domain/policy/clause-words';
import { deadlineDueWords } from '#domain/policy/deadline-words';
import type { Policy } from '#domain/policy/policy-schema';
import type { Sending } from './addressing.js';
import { dateInWords, instantInWords } from './dates-in-words.js';
import { consoleHome, openCaseLine } from './staff-links.js';
import { renderLetter, type Letter, type LetterSection } from './letter.js';
import { roleTitle, stageName } from '#domain/policy/policy-lookups';
import { adjustmentLines } from '#domain/adjustments/adjustment-kinds';

const FLAG_LABEL: Record<string, string> = {
  'sender-not-verified': "sender not verified (SPF, DKIM or DMARC failed): check the sender's identity before replying",
  'quotes-another-case': "quotes another case's reference from an address not on that case: kept apart from it",
  'dangerous-attachment': 'has an attachment that can run code: open with care',
  'attachments-over-limit': 'has attachments over the size or count limit: they are in the raw message only',
  'anonymous-not-investigated': 'anonymous: recorded but not investigated under the policy',
  'anonymous-limited-action': 'anonymous: recorded; action may be limited',
  'complainant-undeliverable': "mail to the complainant's address bounced",
  'text-not-converted': 'its HTML was too large to turn into text: read the raw message',
  'subject-reads-automatic': "its subject begins like an automatic reply, but nothing in its headers shows a machine sent it: treated as a person's complaint (if it is only an out-of-office reply, close it)",
  'reply-to-differs': 'asked for replies to another address (Reply-To): recorded, never written to',
  'text-shortened': 'a field was too long to keep on the case: the whole text is in the raw message',
  'sender-from-fallback': 'had no usable From: the sender was taken from another header',
};

/** A flag in a few words, for a list (the morning view): its label up to the colon that starts what to do. */
export function flagInWords(flag: string): string {
  const label = FLAG_LABEL[flag] ?? flag.replace(/-/g, ' ');
  return label.split(': ')[0] as string;
}


/** What every notice about a case says first: the reference, stage, handler, when it came, the dates running, where to open it. */
export function caseFacts(policy: Policy, c: Case, sending: Sending): string[] {
  const stage = stageName(policy, c.stage);
  const facts = [
    `Reference: ${c.reference}`,
    `Stage: ${stage}`,
    `Handled by: ${roleTitle(policy, c.handlerRole)}`,
    `Received: ${instantInWords(c.receivedAt)} by ${c.channel}`,
  ];
  for (const d of c.deadlines.filter((x) => x.status === 'pending')) {
    facts.push(`${deadlineDueWords(d.kind)}: ${dateInWords(d.dueDate)} (${d.rule}, ${clauseInWords(d.clause)})`);
  }
  if (c.status === 'awaiting-signature') facts.push('Waiting for the signed complaint: the acknowledgement clock has not started.');
  facts.push(...adjustmentLines(policy, c));
  facts.push(openCaseLine(sending, c.reference));
  // Staff press Reply on notices: say where their words go, so nobody writes to the complainant this way.
  facts.push('A reply to this notice is kept on the case as a staff message: it never reaches the complainant.');
  return facts;
}

/**
 * The handler's notice of a new case. A confidential case's notice carries its reference and dates only:
 * no complainant, no subject, no words of the complaint.
 */
export function newCaseNotice(policy: Policy, c: Case, subject: string, sending: Sending, kind: CaseKind = 'complaint'): Letter {
  const words = CASE_KIND_TEXT[kind];
  const sections: LetterSection[] = [{ paragraphs: caseFacts(policy, c, sending) }];
  const why = aboutWhy(policy, c);
  if (why) sections.push({ heading: 'Why it came to you', paragraphs: why });
  if (c.flags.length > 0) sections.push({ heading: 'Needs attention', paragraphs: c.flags.map((f) => FLAG_LABEL[f] ?? f) });
  if (c.confidential) {
    sections.push({
      paragraphs: [`This ${words.noun} is confidential: read it in the console, where the reading is recorded on the case.`],
    });
    return renderLetter(`[${c.reference}] New confidential ${words.noun}`, sections);
  }
  const who = c.complainant.anonymous
    ? 'Anonymous'
    : [c.complainant.name, c.complainant.email && `<${c.complainant.email}>`, c.complainant.phone].filter(Boolean).join(' ');
  const ackDue = c.deadlines.find((d) => d.kind === 'acknowledge' && d.status === 'pending')?.dueDate;
  const unconfirmed = c.complainant.emailConfirmed === false
    ? [
        'The email address was typed into the web form and is not yet confirmed: Redress has sent it one letter asking its owner to confirm it (by its link, or a reply carrying its code), and sends nothing more there until they do. When they confirm it, Redress sends the acknowledgement there by itself.',
        `The acknowledgement is still owed${ackDue ? ` (by ${dateInWords(ackDue)})` : ''}: if the address is not confirmed in time, acknowledge the complaint by telephone or post, using the number or postal address they gave, and record it as acknowledged by post or phone.`,
      ]
    : [];
  const replyTo = c.replyTo ? [`The message asked for replies to ${c.replyTo}, a different address: Redress writes only to the address the complaint came from.`] : [];
  sections.push({ heading: words.person, paragraphs: [who || 'No name given', ...unconfirmed, ...replyTo] });
  sections.push({ heading: subject ? `${words.Noun}: ${subject}` : words.Noun, paragraphs: [excerpt(c.summary)] });
  if (c.attachments.length > 0) {
    sections.push({ heading: 'Attachments', paragraphs: c.attachments.map((a) => `${a.filename} (${a.contentType}, ${a.size} bytes)`) });
  }
  return renderLetter(`[${c.reference}] ${newCaseSubject(c, subject, words)}`, sections);
}

/**
 * A new case's notice subject: the email's own subject, or for the web form (which asks for none) where it came
 * from. Never the complaint's first words: whatever the complainant wrote would read as Redress's own line.
 */
function newCaseSubject(c: Case, subject: string, words: CaseKindWords): string {
  if (subject) return `New ${words.noun}: ${subject}`;
  return c.channel === 'web' ? `New ${words.noun} from the web form` : `New ${words.noun}: no subject`;
}

/**
 * Why a complaint about a person came to this handler: the role it is about (never to them: this goes only to the
 * handler routing chose), and for words that named them, which words and where, with how to confirm or undo it.
 */
export function aboutWhy(policy: Policy, c: Case): string[] | undefined {
  const lines: string[] = [];
  if (c.about && policy.roles.some((r) => r.id === c.about)) lines.push(`It is about the ${roleTitle(policy, c.about)}, so it is handled by ${roleTitle(policy, c.handlerRole)} and kept from them.`);
  if (c.named && c.named.decided !== 'undone') {
    lines.push(`The complaint ${namedReason(policy, c.named)}. It is handled as a complaint about them and kept from them${c.named.decided === 'confirmed' ? ' (confirmed)' : ''}.`);
    if (!c.named.decided) lines.push(`If it is not about them, undo this in the console ("Whom it names: confirm or undo") or with: redress case named ${c.reference} undo --reason TEXT. The usual handler is then told. To confirm it: redress case named ${c.reference} confirm.`);
  }
  return lines.length ? lines : undefined;
}

/** The new handler's notice that a case was given to them: the facts, and where to read it (never its words by email). */
export function assignedNotice(policy: Policy, c: Case, sending: Sending): Letter {
  return renderLetter(`[${c.reference}] A complaint has been assigned to you`, [{ paragraphs: caseFacts(policy, c, sending) }]);
}

/** The handler's notice that mail arrived on a case (with why it did not confirm the typed address, where it did not). */
export function caseMailNotice(policy: Policy, c: Case, subject: string, text: string, sending: Sending, possibleRequest?: { readonly nextStage: string; readonly windowEnds?: string }, addressWords?: string): Letter {
  const sections: LetterSection[] = [{ paragraphs: caseFacts(policy, c, sending) }];
  if (addressWords) {
    sections.push({
      heading: 'The email address is not confirmed',
      paragraphs: [
        c.confidential ? 'This message did not confirm the email address typed into the form: the case’s timeline says why.' : addressWords,
        'Do not treat this message as coming from the complainant until you have checked with them by telephone or post.',
      ],
    });
  }
  if (possibleRequest) {
    sections.push({
      heading: `Is this a request for ${possibleRequest.nextStage}?`,
      paragraphs: [
        `It came after our response, while ${possibleRequest.nextStage} can be asked for${possibleRequest.windowEnds ? ` (until ${dateInWords(possibleRequest.windowEnds)})` : ''}. If the complainant is asking for it, confirm it, which sends them the acknowledgement: ${openCaseLine(sending, c.reference, 'escalate')}`,
        `If they are not, say so, and the case leaves the top of the digest: ${openCaseLine(sending, c.reference, 'not-a-request')}`,
      ],
    });
  }
  if (c.confidential) {
    sections.push({ paragraphs: ['New mail arrived on this confidential case. Read it with the case tools.'] });
  } else {
    sections.push({ heading: `Message: ${subject || 'no subject'}`, paragraphs: [excerpt(text)] });
  }
  return renderLetter(`[${c.reference}] ${possibleRequest ? `New message: perhaps asking for ${possibleRequest.nextStage}` : 'New message on the case'}`, sections);
}

/** Why mail can no longer reach the complainant, as the handler's notice says it. */
const UNDELIVERABLE_BECAUSE = {
  bounced: 'A delivery failure came back for mail sent on this case.',
  'marked-as-spam': "The complainant's mail service reported our mail on this case as spam (perhaps they pressed \"report spam\"), so no more mail will be sent to them.",
} as const;

/** The handler's notice that mail to the complainant bounced, or was reported as spam. */
export function undeliverableNotice(policy: Policy, c: Case, sending: Sending, because: keyof typeof UNDELIVERABLE_BECAUSE = 'bounced'): Letter {
  return renderLetter(`[${c.reference}] Mail to the complainant could not be delivered`, [
    { paragraphs: caseFacts(policy, c, sending) },
    {
      paragraphs: [
        `${UNDELIVERABLE_BECAUSE[because]} The complainant's address is marked undeliverable: ` +
          'find another way to reach them (telephone or post) so that the policy’s deadlines can still be met.',
      ],
    },
  ]);
}

const HELD_LABEL: Record<string, string> = {
  'unknown-recipient': 'it was sent to an address no policy uses',
  unparseable: 'it could not be read as an email',
  'too-large': 'it is over the size limit',
  'too-large-for-store': 'it is too large to store as a case',
  'quarantined-spam': 'the mail service judged it spam',
  'quarantined-virus': 'the mail service found a virus in it',
  'possibly-automatic': 'it may be automatic or bulk mail, though nothing in its headers shows a machine sent it',
  'staff-mail': 'it came from a staff address and quotes no case',
  'staff-unverified': 'it came from a staff address, but the mail service could not confirm that it was sent from there',
  'staff-notices-reply': 'it was sent to the staff-notices address by someone who is not known as staff',
  'staff-about': 'it came from the staff address of someone the case it quotes is about',
};

/** The operators' notice that mail to a staff address on a case bounced, or was reported as spam. */
export function staffUndeliverableNotice(policy: Policy, reference: string, address: string, reason: string | undefined): Letter {
  return renderLetter(`[${reference}] Mail to ${address} could not be delivered`, [
    {
      paragraphs: [
        `Mail from Redress to ${address} about case ${reference} (${policy.organisation.name}) could not be delivered${reason ? ` (${reason})` : ''}.`,
        `If it is where a role's notices go, correct that role's noticeEmail or contact in the policy (${policy.id}) and deploy it: until then that role is not told of new cases, reminders or missed deadlines.`,
      ],
    },
  ]);
}

const STAFF_HELD: ReadonlySet<string> = new Set(['staff-mail', 'staff-unverified', 'staff-notices-reply']);

/** Staff (or operators) told of a message kept aside instead of becoming a case. */
export function heldMessageNotice(held: HeldMessage, organisation: string, sending: Sending): Letter {
  const consoleAt = consoleHome(sending);
  return renderLetter(`Message held for review: ${HELD_LABEL[held.reason] ?? held.reason}`, [
    {
      paragraphs: [
        `A message to ${organisation} did not open a case because ${HELD_LABEL[held.reason] ?? held.reason}. It has been kept.`,
        `Received: ${instantInWords(held.receivedAt)}`,
        `From: ${held.from ?? 'unknown'}`,
        `Stored as: ${held.rawKey}`,
        ...(held.detail ? [`Detail: ${held.detail}`] : []),
        ...(held.evidence?.length ? [`Why it looks automatic: ${held.evidence.join('; ')}`] : []),
        ...(held.reason === 'possibly-automatic' ? ['A person may have written it: read it, and if they did, release it into a case.'] : []),
        ...(held.reason === 'staff-about'
          ? ['It was not recorded on the case: the person a complaint is about does not write on it as staff. Read it: if what it says matters, add it to the case as a note saying whose words they are; if it is a complaint of their own, release it into a case.']
          : []),
        ...(STAFF_HELD.has(held.reason) ? ['Mail from staff is never taken for a complaint. Read it: if it is about a case, add what matters to that case as a note; if it is a complaint after all (a member of staff complaining, say), release it into a case.'] : []),
        'No acknowledgement was sent to the sender. The message is kept for you to look at.',
        ...(consoleAt
          ? [`Release it into a case (the sender is then acknowledged as usual) or set it aside with the reason, under Held mail in the console: ${consoleAt}/held`]
          : [
              `If it is a complaint, open its case (the sender is then acknowledged as usual): npm run redress -- held release ${held.id}${held.scope === 'operator' ? ' --policy ID' : ''}`,
              `If it is not, say why and set it aside: npm run redress -- held discard ${held.id} --reason "..."`,
            ]),
      ],
    },
  ]);
}

function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 4000 ? `${trimmed.slice(0, 4000)}\n[... continues; see the case]` : trimmed || '(no text)';
}

/** Operators told that a letter or a timer change was given up after its last attempt. */
export function deadLetterNotice(entryId: string, reference: string | undefined, error: string): Letter {
  return renderLetter(`Redress could not send ${reference ? `a letter on ${reference}` : 'a letter'}`, [
    {
      paragraphs: [
        `Outbox entry ${entryId}${reference ? ` (case ${reference})` : ''} failed on every attempt and has been put aside.`,
        `Last error: ${error}`,
        'Nothing has been lost: fix the cause, then send it again with: npm run redress -- outbox retry ' + entryId,
      ],
    },
  ]);
}
