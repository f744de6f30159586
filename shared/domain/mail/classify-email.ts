import { findReferences, referencePrefix } from '#domain/case/case-reference';
import { header, type ParsedEmail } from './parsed-email.js';

export interface EmailClassification {
  /** An out-of-office or other machine-written reply: never opens a case, never acknowledged. */
  readonly autoReply: boolean;
  /** A delivery status report: tells staff an address failed. */
  readonly bounce: boolean;
  /** The subject carries the policy's confidential marker. */
  readonly confidential: boolean;
  /** The first known case reference in the subject. */
  readonly caseReference: string | null;
}

const AUTO_SUBJECT =
  /^(auto(matic)?[ -]?(reply|response|antwort)|auto:|out of (the )?office|ooo\b|away from (the )?office|on (vacation|holiday|leave)|abwesenheitsnotiz|réponse automatique|r[ée]ponse automatique|risposta automatica|respuesta autom[aá]tica|automatisch antwoord|autosvar|i am (currently )?out of)/i;
const BOUNCE_SUBJECT =
  /^(undeliver(ed|able)|delivery (status notification|failure|has failed)|mail delivery (failed|failure|subsystem)|returned mail|failure notice|mail system error|non[- ]?delivery|message not delivered|delivery notification)/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

/** Header evidence that a machine wrote the message (RFC 3834, and the de facto X- headers). */
function hasAutoHeaders(email: ParsedEmail): boolean {
  const autoSubmitted = header(email, 'auto-submitted');
  if (autoSubmitted && !/^no\b/i.test(autoSubmitted)) return true;
  if (email.headers.has('x-autoreply') || email.headers.has('x-autorespond') || email.headers.has('x-autoresponder')) return true;
  if (email.headers.has('x-auto-response-suppress')) return true;
  const precedence = header(email, 'precedence');
  if (precedence && /^(bulk|junk|list|auto_reply)$/i.test(precedence.trim())) return true;
  return false;
}

/**
 * Reports machines send about mail, which no person wrote: abuse feedback (ARF, RFC 5965) and read
 * receipts (message disposition notifications, RFC 8098).
 */
export function isAutomaticReport(email: ParsedEmail): boolean {
  if (/^multipart\/report/i.test(email.contentType) && /report-type="?(feedback-report|disposition-notification)/i.test(email.contentType)) return true;
  if (email.headers.has('feedback-type') || email.headers.has('x-hmxmroriginalrecipient')) return true;
  return /^(read|gelesen|lu|displayed|deleted)\s*:/i.test(email.subject) && email.headers.has('original-message-id');
}

export function isBounce(email: ParsedEmail): boolean {
  if (/^multipart\/report/i.test(email.contentType) && /report-type="?delivery-status/i.test(email.contentType)) return true;
  if (email.from && BOUNCE_SENDER.test(email.from.address)) return true;
  return !email.from && BOUNCE_SUBJECT.test(stripReplyPrefixes(email.subject));
}

export function isAutoReply(email: ParsedEmail): boolean {
  return hasAutoHeaders(email) || isAutomaticReport(email) || AUTO_SUBJECT.test(stripReplyPrefixes(email.subject));
}

/** Lower case, every run of punctuation a single space: "[CONFIDENTIAL-COMPLAINT]" -> " confidential complaint ". */
function normalise(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

export function carriesMarker(subject: string, marker: string): boolean {
  return normalise(subject).includes(normalise(marker));
}

function stripReplyPrefixes(subject: string): string {
  return subject.replace(/^\s*((re|fw|fwd|aw|wg|sv|vs)\s*(\[\d+\])?\s*:\s*)+/i, '').trim();
}

/**
 * Classifies one email. `confidentialMarkers` are the markers of the policy it was sent to (or of every
 * policy, when that is not known); `knownPrefixes` limits references to organisations Redress serves.
 */
export function classifyEmail(
  email: ParsedEmail,
  confidentialMarkers: readonly string[],
  knownPrefixes?: ReadonlySet<string>,
): EmailClassification {
  const bounce = isBounce(email);
  const reference = findReferences(email.subject).find((r) => !knownPrefixes || knownPrefixes.has(referencePrefix(r)));
  return {
    bounce,
    autoReply: !bounce && isAutoReply(email),
    confidential: confidentialMarkers.some((m) => carriesMarker(email.subject, m)),
    caseReference: reference ?? null,
  };
}
