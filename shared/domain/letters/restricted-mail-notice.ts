import type { Case } from '#domain/case/case';
import { channelsInWords, type ContactRestriction } from '#domain/case/contact-restriction';
import type { Policy } from '#domain/policy/policy-schema';
import type { Sending } from './addressing.js';
import { dateInWords } from './dates-in-words.js';
import { renderLetter, type Letter } from './letter.js';
import { caseFacts } from './staff-notices.js';

/**
 * The point of contact's notice that a restricted person wrote: the case it is kept on, what the restriction lets
 * Redress answer (and so what is theirs to do), and the message itself (unless the case is confidential).
 */
export function restrictedMailNotice(policy: Policy, c: Case, r: ContactRestriction, mail: { subject: string; text: string }, answered: 'receipt' | 'none', mayBeNewComplaint: boolean, sending: Sending): Letter {
  const trimmed = mail.text.trim();
  const words = trimmed.length > 4000 ? `${trimmed.slice(0, 4000)}\n[... continues; see the case]` : trimmed || '(no text)';
  return renderLetter(`[${c.reference}] For ${r.pointOfContact.name}: a message from a person whose contact is restricted`, [
    { paragraphs: caseFacts(policy, c, sending) },
    {
      heading: 'Why this comes to you',
      paragraphs: [
        `You are the single point of contact under the restriction set on ${dateInWords(r.setAt.slice(0, 10))} (review by ${dateInWords(r.reviewOn)}). Their message is kept on ${c.reference}; nothing they send is dropped.`,
        answered === 'receipt'
          ? 'Redress sent them a short receipt by email, as the restriction allows, saying you will reply. Nothing else was sent.'
          : `Redress sent them nothing: the restriction leaves them ${channelsInWords(r.channelsOpen)}, so any reply is yours to make that way.`,
        ...(mayBeNewComplaint ? ['It did not reply to one of their cases. If it raises a new complaint, open one for it (case open) so that it gets its acknowledgement and deadlines.'] : []),
      ],
    },
    c.confidential ? { paragraphs: ['The case is confidential: read the message with the case tools.'] } : { heading: `Message: ${mail.subject || 'no subject'}`, paragraphs: [words] },
  ]);
}
