import { serviceRequestDoneFacts, serviceRequestFacts } from './service-request-letters.js';
import type { Case, StageOutcome } from '#domain/case/case';
import { entryStage } from '#domain/case/route-case';
import { movedToStage, stageDeadlines } from '#domain/case/actions/enter-stage';
import { pendingDeadlines } from '#domain/case/pending-deadlines';
import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import { LETTER_KINDS, type LetterKind, type Policy } from '#domain/policy/policy-schema';
import type { DateTime } from 'luxon';
import { composeLetter, LetterIncompleteError, LetterWrongForPostError } from './complainant-letter.js';
import type { PostAddressing } from './post-letter.js';
import { LetterTemplateError } from './render-template.js';
import { stageById } from '#domain/policy/policy-lookups';
import {
  acknowledgementFacts,
  closureFacts,
  confirmAddressFacts,
  holdingFacts,
  messageFacts,
  nextStageAcknowledgementFacts,
  outcomeFacts,
  redirectFacts,
  signatureRequestFacts,
  withdrawalFacts,
  type LetterFacts,
} from './letter-view.js';

/** A made-up case for a policy, as it would be on `at`: what `letter preview` renders when no case is named. */
export function sampleCase(policy: Policy, at: DateTime): Case {
  const stage = entryStage(policy);
  const when = at.toUTC().toISO() as string;
  return {
    reference: `${policy.referencePrefix}-${at.year}-0001`,
    policyId: policy.id,
    policyVersion: policy.version,
    stage: stage.id,
    status: 'open',
    channel: 'email',
    confidential: false,
    complainant: { anonymous: false, name: 'Sam Sample', email: 'sam.sample@example.org' },
    handlerRole: stage.handler,
    summary: 'A sample complaint.',
    attachments: [],
    signed: true,
    flags: [],
    deadlines: stageDeadlines(policy, stage.id, at),
    participants: [],
    receivedAt: when,
    updatedAt: when,
    version: 1,
    deadlinesVersion: 1,
  };
}

/** A sample complainant written to by post: what `letter preview --post` and the policy check lay a letter out for. */
export function samplePost(at: DateTime): PostAddressing {
  return { date: at.setZone('Europe/London').toISODate() as string, name: 'Sam Sample', addressLines: ['1 Sample Street', 'Sampleton', 'AB1 2CD'], hasPage: true };
}

const SAMPLE_REASONS = 'We read the records and spoke to the staff involved. [The reasons for the decision go here.]';
const SAMPLE_PARTS = { upheld: '[What we found was wrong.]', notUpheld: '[What we did not find was wrong.]' };

/**
 * A sample case at a stage with the windows its outcome opens; at the last stage, those every earlier stage's
 * outcome opened too (NACCC's twelve weeks from Connect's stage 2 outlive stage 3), as a real final letter sees them.
 */
export function atStageOutcome(policy: Policy, c: Case, stage: string, at: DateTime): Case {
  const last = stageById(policy, stage);
  const earlier = last?.final || !last?.next ? policy.stages.filter((s) => s.id !== stage).flatMap((s) => pendingDeadlines(policy, s.id, 'outcome', at).filter((d) => d.kind === 'external-escalation-window')) : [];
  return { ...c, stage, deadlines: [...c.deadlines, ...earlier, ...pendingDeadlines(policy, stage, 'outcome', at)] };
}

/** An outcome letter's facts: the case's own decision at that stage, else a sample one, with the windows it opens. */
function outcomePreview(policy: Policy, c: Case, stage: string, at: DateTime): LetterFacts {
  if (c.outcome?.stage === stage) return outcomeFacts(policy, c, c.outcome);
  const sample: StageOutcome = { stage, decision: 'partly-upheld', at: c.receivedAt, by: 'staff', handlerRole: c.handlerRole, summary: SAMPLE_REASONS, parts: SAMPLE_PARTS, remedies: ['apology', 'explanation'], actions: [] };
  return outcomeFacts(policy, atStageOutcome(policy, c, stage, at), sample);
}

/** The facts for one kind of letter about a case: its own outcome where it has one, else sample words in brackets. */
export function previewFacts(policy: Policy, kind: string, c: Case, at: DateTime): LetterFacts {
  if (!(LETTER_KINDS as readonly string[]).includes(kind)) throw new UnknownPolicyItemError('letter kind', kind, LETTER_KINDS);
  switch (kind as LetterKind) {
    case 'acknowledgement':
      return acknowledgementFacts(policy, c);
    case 'signature-request':
      return signatureRequestFacts(policy, c);
    case 'confirm-address': {
      // A case with no typed address to confirm shows the letter with made-up secrets, so that a policy's own
      // wording is checked for the code and the link as the real letter will be.
      const check = c.complainant.addressCheck ?? { token: '[token]', code: 'ABCDE-FGHJK', issuedAt: c.receivedAt };
      return confirmAddressFacts(policy, { ...c, complainant: { ...c.complainant, addressCheck: check } }, `[front door]/confirm/${c.reference}/${check.token}`);
    }
    case 'holding':
      return holdingFacts(policy, c, { reason: '[why more time is needed]', newDate: at.plus({ weeks: 3 }).toISODate() as string, agreed: false });
    case 'outcome':
      return outcomePreview(policy, c, c.outcome?.stage ?? c.stage, at);
    case 'final-outcome': {
      const last = policy.stages.find((s) => s.final) ?? (policy.stages[policy.stages.length - 1] as Policy['stages'][number]);
      return outcomePreview(policy, c, last.id, at);
    }
    case 'next-stage-acknowledgement': {
      // A case at the entry stage has asked for nothing yet: show it at the first stage a complainant asks for.
      const asked = policy.stages.find((s) => s.next?.trigger === 'complainant-request' && s.formal)?.next?.stage;
      const at2 = c.stage === entryStage(policy).id && asked ? movedToStage(policy, c, asked, at, 'staff', 'preview').case : c;
      return nextStageAcknowledgementFacts(policy, at2);
    }
    case 'redirect': {
      const matter = policy.outOfScope[0] ?? { id: 'sample', matter: '[a matter this procedure does not cover]', goTo: '[where to take it instead]', clause: '-' };
      return redirectFacts(policy, c, matter);
    }
    case 'withdrawal':
      return withdrawalFacts(policy, c, Boolean(policy.withdrawal?.confirmInWriting));
    case 'closure':
      return closureFacts(policy, c, 'resolved');
    case 'message':
      return messageFacts(policy, c, { subject: '[The subject staff give]', text: '[The words staff write: a question, an invitation to meet, a receipt for documents.]' });
    case 'service-request':
    case 'service-request-done': {
      const sample: Case = { ...c, serviceRequest: c.serviceRequest ?? { firstContactAt: c.receivedAt, recordedAt: c.receivedAt, recordedBy: 'staff', asked: '[What the person asked us to do, in staff’s words]', steps: [], done: { at: c.receivedAt, by: 'staff', text: '[What we did]' } } };
      const sending = { mailDomain: 'example.org', operatorEmail: 'operator@example.org', pageBaseUrl: '[front door]' };
      return kind === 'service-request' ? serviceRequestFacts(policy, sample, sending) : serviceRequestDoneFacts(policy, sample, sending);
    }
  }
}

/**
 * What is wrong with a policy's own letters: each is rendered for a sample case and checked as it would be
 * before sending, so that a template that does not parse, or leaves out what its letter must say, is refused
 * when the policy loads rather than when a complaint arrives.
 */
export function letterProblems(policy: Policy, at: DateTime): { kind: string; message: string }[] {
  const c = sampleCase(policy, at);
  const post = samplePost(at);
  return Object.keys(policy.letters).flatMap((kind) => {
    try {
      const facts = previewFacts(policy, kind, c, at);
      composeLetter(policy, facts);
      // Every letter but the one confirming an email address may go on paper too.
      if (kind !== 'confirm-address') composeLetter(policy, facts, undefined, post);
      return [];
    } catch (error) {
      if (error instanceof LetterIncompleteError || error instanceof LetterWrongForPostError || error instanceof LetterTemplateError) return [{ kind, message: error.message }];
      throw error;
    }
  });
}
