import type { Case, StageOutcome } from '#domain/case/case';
import { entryStage } from '#domain/case/route-case';
import { stageDeadlines } from '#domain/case/actions/enter-stage';
import { pendingDeadlines } from '#domain/case/pending-deadlines';
import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import { LETTER_KINDS, type LetterKind, type Policy } from '#domain/policy/policy-schema';
import { DateTime } from 'luxon';
import {
  acknowledgementFacts,
  closureFacts,
  confirmAddressFacts,
  holdingFacts,
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

const SAMPLE_REASONS = 'We read the records and spoke to the staff involved. [The reasons for the decision go here.]';

/** The facts for one kind of letter about a case: its own outcome where it has one, else sample words in brackets. */
export function previewFacts(policy: Policy, kind: string, c: Case, at: DateTime): LetterFacts {
  if (!(LETTER_KINDS as readonly string[]).includes(kind)) throw new UnknownPolicyItemError('letter kind', kind, LETTER_KINDS);
  const final = policy.stages.find((s) => s.final) ?? policy.stages[policy.stages.length - 1];
  const outcome = (stage: string): StageOutcome => c.outcome ?? { stage, decision: 'partly-upheld', at: c.receivedAt, by: 'staff', handlerRole: c.handlerRole, summary: SAMPLE_REASONS, remedies: ['apology', 'explanation'], actions: [] };
  switch (kind as LetterKind) {
    case 'acknowledgement':
      return acknowledgementFacts(policy, c);
    case 'signature-request':
      return signatureRequestFacts(policy, c);
    case 'confirm-address':
      return confirmAddressFacts(policy, c);
    case 'holding':
      return holdingFacts(policy, c, { reason: '[why more time is needed]', newDate: at.plus({ weeks: 3 }).toISODate() as string, agreed: false });
    case 'outcome': {
      const o = outcome(c.stage);
      return outcomeFacts(policy, { ...c, deadlines: [...c.deadlines, ...pendingDeadlines(policy, o.stage, 'outcome', at)] }, o);
    }
    case 'final-outcome': {
      const atFinal = c.outcome && policy.stages.find((s) => s.id === c.outcome?.stage)?.final ? c : { ...c, stage: final?.id ?? c.stage };
      const o = atFinal === c && c.outcome ? c.outcome : { ...outcome(atFinal.stage), stage: atFinal.stage };
      return outcomeFacts(policy, { ...atFinal, deadlines: [...atFinal.deadlines, ...pendingDeadlines(policy, o.stage, 'outcome', at)] }, o);
    }
    case 'next-stage-acknowledgement':
      return nextStageAcknowledgementFacts(policy, c);
    case 'redirect': {
      const matter = policy.outOfScope[0] ?? { id: 'sample', matter: '[a matter this procedure does not cover]', goTo: '[where to take it instead]', clause: '-' };
      return redirectFacts(policy, c, matter);
    }
    case 'withdrawal':
      return withdrawalFacts(policy, c, Boolean(policy.withdrawal?.confirmInWriting));
    case 'closure':
      return closureFacts(policy, c, 'resolved');
  }
}
